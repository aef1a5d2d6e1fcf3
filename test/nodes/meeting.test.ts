import { useGong } from '../helpers';

const { Gong } = require('../../nodes/Gong/Gong.node');

describe('Meeting resource', () => {
	const gong = useGong({ seed: { calls: 5, users: 12 } });

	const organizer = () => gong.sandbox.state.users.find((u: any) => !u.isAvatar && u.active).emailAddress as string;
	const liveMeeting = () => gong.sandbox.state.meetings.find((m: any) => !m.deleted);
	const base = () => ({
		organizerEmail: organizer(),
		startTime: '2030-03-01T10:00:00+02:00',
		endTime: '2030-03-01T10:30:00+02:00',
		invitees: {
			values: [
				{ email: 'cookie.monster@cookies.example', displayName: 'Cookie Monster', firstName: 'Cookie', lastName: '' },
				{ email: 'elmo@cookies.example', displayName: '', firstName: '', lastName: '' },
			],
		},
	});

	test('Create: POST /v2/meetings with Gong\'s field names; meetingId comes out exact as text', async () => {
		const result = await gong.run({
			parameters: { resource: 'meeting', operation: 'create', ...base(), additionalFields: { title: 'Discovery', externalId: 'cal-evt-1', provider: 'zoom' } },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/meetings');
		expect(req.query).toEqual({});
		expect(req.body).toEqual({
			organizerEmail: organizer(),
			startTime: '2030-03-01T10:00:00+02:00',
			endTime: '2030-03-01T10:30:00+02:00',
			invitees: [{ email: 'cookie.monster@cookies.example', displayName: 'Cookie Monster', firstName: 'Cookie' }, { email: 'elmo@cookies.example' }],
			title: 'Discovery',
			externalId: 'cal-evt-1',
			provider: 'zoom',
		});
		const meeting = liveMeeting();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.json[0]).toEqual({
			requestId: expect.any(String),
			meetingId: meeting.meetingId,
			meetingUrl: meeting.meetingUrl,
			additionalInvitees: [expect.objectContaining({ email: 'assistant@gong.io' })],
		});
		expect(meeting.meetingId).toMatch(/^\d{19}$/);
	});

	test('Create: a JSON body carries a variable invitee list per item; it is sent as given', async () => {
		const json = (attendees: unknown) => ({ organizerEmail: organizer(), startTime: '2030-04-01T09:00:00Z', endTime: '2030-04-01T09:45:00Z', invitees: attendees });
		const result = await gong.run({
			input: [
				{ json: { attendees: [{ email: 'a@x.example' }, { email: 'b@x.example', displayName: 'B' }] } },
				{ json: { attendees: [{ email: 'c@x.example', firstName: 'C', lastName: 'Sea' }] } },
			],
			parameters: {
				resource: 'meeting',
				operation: 'create',
				bodyInput: 'json',
				jsonBody: `={{ JSON.stringify({ organizerEmail: "${organizer()}", startTime: "2030-04-01T09:00:00Z", endTime: "2030-04-01T09:45:00Z", invitees: $json.attendees }) }}`,
			},
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r: any) => [r.method, r.path])).toEqual([
			['POST', '/v2/meetings'],
			['POST', '/v2/meetings'],
		]);
		expect(reqs[0].body).toEqual(json([{ email: 'a@x.example' }, { email: 'b@x.example', displayName: 'B' }]));
		expect(reqs[1].body).toEqual(json([{ email: 'c@x.example', firstName: 'C', lastName: 'Sea' }]));
		expect(result.json.map((j) => j.meetingId)).toEqual(gong.sandbox.state.meetings.slice(-2).map((m: any) => m.meetingId));
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Create: a JSON body without invitees, or with a misnamed invitee field, is refused before sending', async () => {
		const run = (body: unknown) => gong.run({ parameters: { resource: 'meeting', operation: 'create', bodyInput: 'json', jsonBody: JSON.stringify(body) } });
		const times = { organizerEmail: organizer(), startTime: '2030-04-01T09:00:00Z', endTime: '2030-04-01T09:45:00Z' };
		expect((await run(times)).error!.message).toMatch(/"JSON Body" \(jsonBody\): "invitees" is required/);
		expect((await run({ ...times, invitees: [{ emailAddress: 'a@x.example' }] })).error!.message).toMatch(
			/Parameter "JSON Body: invitees" \(jsonBody.invitees\): entry 1 has unknown field "emailAddress"/,
		);
		expect((await run({ ...times, invitees: ['a@x.example'] })).error!.message).toMatch(/entry 1 must be an object/);
		expect((await run({ ...times, invitees: [{ email: 'a@' }] })).error!.message).toMatch(/"JSON Body: invitees 1: Email".*"a@" is not an email address/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Create: bad input is refused before sending, naming the parameter', async () => {
		const badInvitee = await gong.run({
			input: [{ json: { email: 'nope' } }],
			parameters: { resource: 'meeting', operation: 'create', ...base(), invitees: { values: [{ email: 'ok@x.example' }, { email: '={{ $json.email }}' }] } },
		});
		expect(badInvitee.error!.message).toMatch(/Parameter "Invitees 2: Email" \(invitees\[1\]\.email\): "nope" is not an email address/);
		const reversed = await gong.run({
			parameters: { resource: 'meeting', operation: 'create', ...base(), startTime: '2030-03-01T11:00:00Z', endTime: '2030-03-01T10:00:00Z' },
		});
		expect(reversed.error!.message).toMatch(/Parameter "Start Time" \(startTime\).*must be before "End Time"/);
		const noInvitees = await gong.run({ parameters: { resource: 'meeting', operation: 'create', ...base(), invitees: {} } });
		expect(noInvitees.error!.message).toMatch(/Parameter "Invitees" \(invitees\): needs at least one entry/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Update: PUT /v2/meetings/{meetingId} with the full body; Gong answers { meetingId }', async () => {
		const meeting = liveMeeting();
		const result = await gong.run({
			parameters: {
				resource: 'meeting',
				operation: 'update',
				meetingId: meeting.meetingId,
				...base(),
				endTime: '2030-03-01T11:00:00+02:00',
				invitees: { values: [{ email: 'elmo@cookies.example', displayName: 'Elmo' }] },
				additionalFields: { title: 'Discovery (longer)' },
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe(`/v2/meetings/${meeting.meetingId}`);
		expect(req.body).toEqual({
			organizerEmail: organizer(),
			startTime: '2030-03-01T10:00:00+02:00',
			endTime: '2030-03-01T11:00:00+02:00',
			invitees: [{ email: 'elmo@cookies.example', displayName: 'Elmo' }],
			title: 'Discovery (longer)',
		});
		expect(result.json).toEqual([{ requestId: expect.any(String), meetingId: meeting.meetingId }]);
		expect(meeting.title).toBe('Discovery (longer)');
		expect(meeting.invitees).toEqual([{ email: 'elmo@cookies.example', displayName: 'Elmo' }]);
	});

	test('Update: a meeting ID that is not digits is refused before sending', async () => {
		const result = await gong.run({ parameters: { resource: 'meeting', operation: 'update', meetingId: 'abc', ...base() } });
		expect(result.error!.message).toMatch(/Parameter "Meeting ID" \(meetingId\): "abc" is not a Gong ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Delete: DELETE /v2/meetings/{meetingId} with JSON body {organizerEmail}; a second delete → 404 naming the meeting', async () => {
		const meeting = liveMeeting();
		const result = await gong.run({ parameters: { resource: 'meeting', operation: 'delete', meetingId: meeting.meetingId, organizerEmail: organizer() } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('DELETE');
		expect(req.path).toBe(`/v2/meetings/${meeting.meetingId}`);
		expect(req.query).toEqual({});
		expect(req.headers['content-type']).toBe('application/json');
		expect(req.body).toEqual({ organizerEmail: organizer() });
		expect(result.json).toEqual([{ organizerEmail: organizer(), meetingId: meeting.meetingId, deleted: true }]);
		expect(meeting.deleted).toBe(true);
		const again = await gong.run({ parameters: { resource: 'meeting', operation: 'delete', meetingId: meeting.meetingId, organizerEmail: organizer() } });
		expect(again.error!.message).toMatch(/404/);
		expect(again.error!.description).toMatch(new RegExp(`Meeting ${meeting.meetingId} was not found`));
	});

	test('Validate Integration Status: POST {emails} → one item per email', async () => {
		const known = organizer();
		const result = await gong.run({
			parameters: { resource: 'meeting', operation: 'validateIntegrationStatus', emails: `${known}, stranger@nowhere.example` },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/meetings/integration/status');
		expect(req.body).toEqual({ emails: [known, 'stranger@nowhere.example'] });
		expect(result.json).toEqual([
			expect.objectContaining({ email: known, exists: true, valid: true }),
			expect.objectContaining({ email: 'stranger@nowhere.example', exists: false, valid: false }),
		]);
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Validate Integration Status: more than 100 emails are refused before sending', async () => {
		const emails = Array.from({ length: 101 }, (_, i) => `u${i}@x.example`);
		const result = await gong.run({ parameters: { resource: 'meeting', operation: 'validateIntegrationStatus', emails } });
		expect(result.error!.message).toMatch(/Parameter "Emails" \(emails\): 101 values given, Gong accepts at most 100/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Invitees render as a multi-value fixed collection of Gong\'s invitee fields', () => {
		const props = new Gong().description.properties.filter((p: any) => p.name === 'invitees');
		expect(props).toHaveLength(2); // create and update
		for (const prop of props) {
			expect(prop).toEqual(expect.objectContaining({ type: 'fixedCollection', default: {}, required: true, typeOptions: { multipleValues: true } }));
			expect(prop.displayOptions.show).toEqual(expect.objectContaining({ resource: ['meeting'], bodyInput: ['fields'] }));
			expect(prop.options[0].name).toBe('values');
			expect(prop.options[0].values.map((v: any) => [v.name, v.type, v.required ?? false])).toEqual([
				['email', 'string', true],
				['displayName', 'string', false],
				['firstName', 'string', false],
				['lastName', 'string', false],
			]);
		}
	});

	test('descriptions mention the limited release; delete is marked permanent', () => {
		const ops = new Gong().description.properties.find((p: any) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('meeting'));
		for (const option of ops.options) expect(option.description).toMatch(/limited release/i);
		expect(ops.options.find((o: any) => o.value === 'delete').description).toMatch(/^Permanently deletes/);
	});
});

describe('Meeting resource without limited-release access', () => {
	const gong = useGong({ seed: { calls: 5, users: 8 }, meetingsLimitedRelease: true });

	test('Gong 403 "Limited release" → error that says to ask the CSM; continueOnFail keeps it as an item', async () => {
		const email = gong.sandbox.state.users[0].emailAddress;
		const result = await gong.run({ parameters: { resource: 'meeting', operation: 'validateIntegrationStatus', emails: [email] } });
		expect(result.error!.message).toMatch(/403.*Limited release/);
		expect(result.error!.description).toMatch(/limited release: ask your Gong CSM/);
		expect(gong.requests()).toHaveLength(1);
		const kept = await gong.run({
			continueOnFail: true,
			parameters: {
				resource: 'meeting',
				operation: 'create',
				organizerEmail: email,
				startTime: '2030-01-01T10:00:00Z',
				endTime: '2030-01-01T11:00:00Z',
				invitees: { values: [{ email: 'a@x.example' }] },
			},
		});
		expect(kept.items).toHaveLength(1);
		expect(kept.json[0]).toEqual(expect.objectContaining({ httpCode: '403', error: expect.stringMatching(/Limited release/) }));
		expect(kept.items[0].pairedItem).toEqual({ item: 0 });
	});
});
