import { byId, useGong } from '../helpers';

describe('Engagement Event resource (legacy)', () => {
	const gong = useGong({ seed: { calls: 5, users: 5 } });

	const integrationFor = (system: string): string => gong.sandbox.state.engagementIntegrations[system].toString();

	test('Report Content Viewed: PUT with Gong\'s field names; CRM objects grouped by system; integrationId exact as text', async () => {
		const ws = gong.sandbox.state.workspaces[0].id;
		const result = await gong.run({
			parameters: {
				resource: 'engagementEvent',
				operation: 'contentViewed',
				reportingSystem: 'docsend',
				eventTimestamp: '2024-05-01T09:30:00+02:00',
				contentId: 'doc-1',
				contentUrl: 'https://docs.example/d/1',
				contentTitle: 'Proposal',
				additionalFields: {
					eventId: 'view-1',
					viewerEmail: 'pat@prospect.example',
					viewerName: 'Pat Prospect',
					viewActionTitle: 'Document Viewed',
					workspaceId: byId(ws),
					agentPlatform: 'MacOS',
					crmObjects: {
						values: [
							{ system: 'Salesforce', objectType: 'Account', objectId: '001A' },
							{ system: 'HubSpot', objectType: 'Contact', objectId: 'hs-9' },
							{ system: 'Salesforce', objectType: 'Opportunity', objectId: '006B' },
						],
					},
					contentProperties: { values: [{ name: 'pages', value: '12', dataType: 'number' }] },
					nonCompanyParticipants: '[{"email":"sam@prospect.example","name":"Sam"}]',
				},
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe('/v2/customer-engagement/content/viewed');
		expect(req.body).toEqual({
			reportingSystem: 'docsend',
			eventTimestamp: '2024-05-01T09:30:00+02:00',
			contentId: 'doc-1',
			contentUrl: 'https://docs.example/d/1',
			contentTitle: 'Proposal',
			eventId: 'view-1',
			viewer: { email: 'pat@prospect.example', name: 'Pat Prospect' },
			viewActionTitle: 'Document Viewed',
			workspaceId: ws,
			agentPlatform: 'MacOS',
			crmContext: [
				{ system: 'Salesforce', objects: [{ objectType: 'Account', objectId: '001A' }, { objectType: 'Opportunity', objectId: '006B' }] },
				{ system: 'HubSpot', objects: [{ objectType: 'Contact', objectId: 'hs-9' }] },
			],
			contentProperties: [{ name: 'pages', value: '12', dataType: 'number' }],
			nonCompanyParticipants: [{ email: 'sam@prospect.example', name: 'Sam' }],
		});
		const id = integrationFor('docsend');
		expect(id.length).toBeGreaterThan(15);
		expect(result.json).toEqual([{ requestId: expect.any(String), integrationId: id }]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Report Content Viewed: the same event ID again → Gong 409 "already reported"', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'engagementEvent',
				operation: 'contentViewed',
				reportingSystem: 'docsend',
				eventTimestamp: '2024-05-01T09:30:00Z',
				contentId: 'doc-1',
				contentUrl: 'https://docs.example/d/1',
				contentTitle: 'Proposal',
				additionalFields: { eventId: 'view-1' },
			},
		});
		expect(result.error!.message).toMatch(/409.*already reported/);
	});

	test('Report Content Shared: PUT with sharer, recipients and message', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'engagementEvent',
				operation: 'contentShared',
				reportingSystem: 'highspot',
				eventTimestamp: '2024-05-02T08:00:00Z',
				contentId: 'deck-7',
				contentUrl: 'https://hs.example/deck/7',
				contentTitle: 'Pitch deck',
				additionalFields: {
					sharerEmail: 'ae@acme.example',
					sharerName: 'Alex AE',
					recipients: { values: [{ email: 'pat@prospect.example', name: 'Pat', title: '' }, { email: 'sam@prospect.example' }] },
					actionName: 'Presentation Shared',
					sharingMessageSubject: 'Our deck',
					sharingMessageBody: 'Hi Pat,\nhere it is.',
				},
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe('/v2/customer-engagement/content/shared');
		expect(req.body).toEqual({
			reportingSystem: 'highspot',
			eventTimestamp: '2024-05-02T08:00:00Z',
			contentId: 'deck-7',
			contentUrl: 'https://hs.example/deck/7',
			contentTitle: 'Pitch deck',
			sharer: { email: 'ae@acme.example', name: 'Alex AE' },
			recipients: [{ email: 'pat@prospect.example', name: 'Pat' }, { email: 'sam@prospect.example' }],
			actionName: 'Presentation Shared',
			sharingMessageSubject: 'Our deck',
			sharingMessageBody: 'Hi Pat,\nhere it is.',
		});
		expect(result.json).toEqual([{ requestId: expect.any(String), integrationId: integrationFor('highspot') }]);
	});

	test('Report Custom Action: PUT /v2/customer-engagement/action with the actor; content optional', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'engagementEvent',
				operation: 'customAction',
				reportingSystem: 'docusign',
				eventTimestamp: '2024-05-03T12:00:00Z',
				actionName: 'Contract Signed',
				additionalFields: { actorEmail: 'pat@prospect.example', actorTitle: 'CFO', eventProperties: { values: [{ name: 'envelope', value: 'env-1', dataType: 'string' }] } },
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe('/v2/customer-engagement/action');
		expect(req.body).toEqual({
			reportingSystem: 'docusign',
			eventTimestamp: '2024-05-03T12:00:00Z',
			actionName: 'Contract Signed',
			actor: { email: 'pat@prospect.example', title: 'CFO' },
			eventProperties: [{ name: 'envelope', value: 'env-1', dataType: 'string' }],
		});
		expect(result.json[0].integrationId).toBe(integrationFor('docusign'));
	});

	test('JSON bodies are sent as given and checked for Gong\'s required keys before sending', async () => {
		const body = { reportingSystem: 'docusign', eventTimestamp: '2024-05-04T12:00:00Z', actionName: 'Signed', actor: { email: 'x@y.example' } };
		const ok = await gong.run({ parameters: { resource: 'engagementEvent', operation: 'customAction', bodyInput: 'json', jsonBody: JSON.stringify(body) } });
		expect(ok.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual(body);
		gong.sandbox.clearRequests();
		const missing = await gong.run({
			parameters: { resource: 'engagementEvent', operation: 'contentViewed', bodyInput: 'json', jsonBody: '{"reportingSystem":"x","eventTimestamp":"2024-05-04T12:00:00Z","contentId":"1","contentUrl":"u"}' },
		});
		expect(missing.error!.message).toMatch(/"JSON Body" \(jsonBody\): "contentTitle" is required/);
		const array = await gong.run({ parameters: { resource: 'engagementEvent', operation: 'contentShared', bodyInput: 'json', jsonBody: '[]' } });
		expect(array.error!.message).toMatch(/"JSON Body" \(jsonBody\): must be a JSON object/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('bad field values are refused before sending, naming the parameter', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'engagementEvent',
				operation: 'contentShared',
				reportingSystem: 'highspot',
				eventTimestamp: 'last tuesday',
				contentId: 'd',
				contentUrl: 'u',
				contentTitle: 't',
			},
		});
		expect(result.error!.message).toMatch(/Parameter "Event Time" \(eventTimestamp\): "last tuesday" is not a date-time/);
		const recipient = await gong.run({
			input: [{ json: { to: 'pat' } }],
			parameters: {
				resource: 'engagementEvent',
				operation: 'contentShared',
				reportingSystem: 'highspot',
				eventTimestamp: '2024-05-02T08:00:00Z',
				contentId: 'd',
				contentUrl: 'u',
				contentTitle: 't',
				additionalFields: { recipients: { values: [{ email: '={{ $json.to }}' }] } },
			},
		});
		expect(recipient.error!.message).toMatch(/Parameter "Recipients 1: Email" \(recipients\[0\]\.email\): "pat" is not an email address/);
		expect(gong.requests()).toHaveLength(0);
	});
});

describe('Digital Interaction resource', () => {
	const gong = useGong({ seed: { calls: 5, users: 5 } });

	const required = { eventId: 'evt-1', timestamp: '2024-06-01T10:00:00Z', eventType: 'Pricing Page Viewed', contentTitle: 'Pricing' };

	test('Create: POST /v2/digital-interaction with person, content and custom fields in Gong\'s nesting', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'digitalInteraction',
				operation: 'create',
				...required,
				additionalFields: {
					personEmail: 'pat@prospect.example',
					personName: 'Pat',
					personCrmObjectType: 'LEAD',
					personCrmObjectId: '00Q1',
					companyDomain: 'prospect.example',
					contentUrl: 'https://acme.example/pricing',
					contentLabel: 'web, pricing',
					contentCustomFields: { values: [{ name: 'plan', value: 'Enterprise', dataType: 'STRING' }] },
					customFields: { values: [{ name: 'seconds', value: '42', dataType: 'DURATION' }] },
					device: 'MOBILE',
					sessionId: 's-1',
				},
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/digital-interaction');
		expect(req.body).toEqual({
			eventId: 'evt-1',
			timestamp: '2024-06-01T10:00:00Z',
			eventType: 'Pricing Page Viewed',
			content: {
				contentTitle: 'Pricing',
				contentUrl: 'https://acme.example/pricing',
				contentLabel: ['web', 'pricing'],
				contentCustomFields: [{ name: 'plan', value: 'Enterprise', dataType: 'STRING' }],
			},
			person: { email: 'pat@prospect.example', name: 'Pat', personBusinessContext: { objectType: 'LEAD', objectId: '00Q1' }, company: { domain: 'prospect.example' } },
			customFields: [{ name: 'seconds', value: '42', dataType: 'DURATION' }],
			device: 'MOBILE',
			sessionId: 's-1',
		});
		expect(result.json).toEqual([{ requestId: expect.any(String) }]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(gong.sandbox.state.digitalInteractions).toEqual([expect.objectContaining({ eventId: 'evt-1' })]);
	});

	test('Create: survey/NPS score, CRM business context of person and company, person custom fields — exact body in Gong\'s nesting', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'digitalInteraction',
				operation: 'create',
				...required,
				eventId: 'evt-nps',
				eventType: 'NPS Survey Answered',
				contentTitle: 'Quarterly NPS survey',
				additionalFields: {
					personEmail: 'pat@prospect.example',
					personCrmObjectType: 'CONTACT',
					personCrmObjectId: '0031x000003AbCd',
					personCrmSystemName: 'Salesforce',
					personCustomFields: { values: [{ name: 'role', value: 'CFO', dataType: 'STRING' }, { name: 'signedUp', value: '2024-05-01', dataType: 'DATE' }] },
					companyName: 'Prospect Inc',
					companyId: 'cmp-77',
					companyCrmObjects: { values: [{ objectType: 'ACCOUNT', objectId: '0011x000001XyZ', systemName: 'Salesforce' }, { objectType: 'OPPORTUNITY', objectId: '0061x000009Opp' }] },
					numericType: 'NPS',
					numericValue: '={{ 9 }}',
					numericRangeFrom: 0,
					numericRangeTo: 10,
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({
			eventId: 'evt-nps',
			timestamp: '2024-06-01T10:00:00Z',
			eventType: 'NPS Survey Answered',
			content: { contentTitle: 'Quarterly NPS survey', numericContentDetails: { numericType: 'NPS', value: 9, rangeFrom: 0, rangeTo: 10 } },
			person: {
				email: 'pat@prospect.example',
				personBusinessContext: { objectType: 'CONTACT', objectId: '0031x000003AbCd', systemName: 'Salesforce' },
				personCustomFields: [
					{ name: 'role', value: 'CFO', dataType: 'STRING' },
					{ name: 'signedUp', value: '2024-05-01', dataType: 'DATE' },
				],
				company: {
					name: 'Prospect Inc',
					companyId: 'cmp-77',
					companyBusinessContexts: [
						{ objectType: 'ACCOUNT', objectId: '0011x000001XyZ', systemName: 'Salesforce' },
						{ objectType: 'OPPORTUNITY', objectId: '0061x000009Opp' },
					],
				},
			},
		});
		expect(gong.sandbox.state.digitalInteractions.find((d: any) => d.eventId === 'evt-nps').content.numericContentDetails).toEqual({ numericType: 'NPS', value: 9, rangeFrom: 0, rangeTo: 10 });
	});

	test('Create: score and CRM object fields are validated before sending, naming the field', async () => {
		const run = (additionalFields: Record<string, unknown>) =>
			gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', ...required, eventId: 'evt-bad', additionalFields: { trackingId: 't-1', ...additionalFields } } });
		expect((await run({ numericValue: 9 })).error!.message).toBe('Parameter "Score Range From" (numericRangeFrom): is required with the other score fields (Gong needs the score\'s range)');
		expect((await run({ numericType: 'RATING', numericRangeFrom: 1 })).error!.message).toMatch(/^Parameter "Score Range To" \(numericRangeTo\): is required/);
		expect((await run({ numericRangeFrom: 10, numericRangeTo: 0 })).error!.message).toBe('Parameter "Score Range From" (numericRangeFrom): 10 must not be greater than "Score Range To" (0)');
		expect((await run({ numericValue: 11, numericRangeFrom: 0, numericRangeTo: 10 })).error!.message).toBe('Parameter "Score" (numericValue): 11 is outside the range 0–10');
		expect((await run({ numericValue: 7.5, numericRangeFrom: 0, numericRangeTo: 10 })).error!.message).toBe('Parameter "Score" (numericValue): 7.5 is not a whole number');
		expect((await run({ numericValue: '={{ "high" }}', numericRangeFrom: 0, numericRangeTo: 10 })).error!.message).toMatch(/Parameter "Score" \(numericValue\): "high" is not a number/);
		expect((await run({ companyCrmObjects: { values: [{ objectType: 'ACCOUNT', systemName: 'Salesforce' }] }, trackingId: '', personEmail: 'a@b.example' })).error!.message).toMatch(/Company CRM Objects 1: Object ID.*is required/);
		expect((await run({ personCustomFields: { values: [{ name: 'role' }] }, trackingId: '', personEmail: 'a@b.example' })).error!.message).toMatch(/Person Custom Fields 1: Value.*is required/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Create: a tracking ID alone identifies the person; the same event ID again → Gong 409', async () => {
		const result = await gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', ...required, eventId: 'evt-2', additionalFields: { trackingId: 'trk-9' } } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({ eventId: 'evt-2', timestamp: '2024-06-01T10:00:00Z', eventType: 'Pricing Page Viewed', content: { contentTitle: 'Pricing' }, trackingId: 'trk-9' });
		const again = await gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', ...required, eventId: 'evt-2', additionalFields: { trackingId: 'trk-9' } } });
		expect(again.error!.message).toMatch(/409/);
	});

	test('Create: person and tracking ID together, neither, or a CRM type without ID are refused before sending', async () => {
		const run = (additionalFields: Record<string, unknown>) => gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', ...required, additionalFields } });
		expect((await run({ personEmail: 'a@b.example', trackingId: 't' })).error!.message).toMatch(/either the person or "Tracking ID" \(trackingId\), not both/);
		expect((await run({})).error!.message).toMatch(/Identify who did it/);
		expect((await run({ personEmail: 'a@b.example', personCrmObjectType: 'CONTACT' })).error!.message).toMatch(/"Person CRM Object ID" \(personCrmObjectId\): is required/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Create with a JSON body: required keys and person/trackingId are checked before sending', async () => {
		const body = { eventId: 'evt-3', timestamp: '2024-06-02T10:00:00Z', eventType: 'Webinar Attended', content: { contentTitle: 'Webinar' }, trackingId: 'trk-1' };
		const ok = await gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', bodyInput: 'json', jsonBody: JSON.stringify(body) } });
		expect(ok.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual(body);
		gong.sandbox.clearRequests();
		const noTitle = await gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', bodyInput: 'json', jsonBody: JSON.stringify({ ...body, content: {} }) } });
		expect(noTitle.error!.message).toMatch(/"JSON Body" \(jsonBody\): "content.contentTitle" is required/);
		const both = await gong.run({ parameters: { resource: 'digitalInteraction', operation: 'create', bodyInput: 'json', jsonBody: JSON.stringify({ ...body, person: { email: 'a@b.example' } }) } });
		expect(both.error!.message).toMatch(/not both/);
		expect(gong.requests()).toHaveLength(0);
	});
});
