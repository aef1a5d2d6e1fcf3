import { byId, useGong } from '../helpers';

describe('Call resource: add call, upload media, manual CRM associations (legacy)', () => {
	const gong = useGong({ seed: { calls: 60, users: 12 }, pageSize: 10 });

	const host = () => gong.sandbox.state.users[1];
	const addParams = (extra: Record<string, unknown> = {}) => ({
		resource: 'call',
		operation: 'create',
		actualStart: '2025-03-04T10:00:00Z',
		direction: 'Outbound',
		primaryUser: byId(host().id),
		parties: JSON.stringify([{ userId: host().id }, { name: 'Jane Doe', phoneNumber: '+1 555 0100' }]),
		...extra,
	});

	test('Create: POST /v2/calls with the fields, a derived clientUniqueId, output { requestId, callId, clientUniqueId }', async () => {
		const result = await gong.run({
			parameters: addParams({
				additionalFields: {
					title: 'Discovery with Initech',
					duration: 125,
					workspaceId: byId(gong.sandbox.state.workspaces[0].id),
					taskId: '714366367493425',
					context: '[{"system":"Salesforce","objects":[{"objectType":"Opportunity","objectId":"0063t000001AbCd"}]}]',
				},
			}),
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/calls');
		expect(req.query).toEqual({});
		expect(req.status).toBe(200);
		const { clientUniqueId, ...rest } = req.body;
		expect(clientUniqueId).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(rest).toEqual({
			actualStart: '2025-03-04T10:00:00Z',
			direction: 'Outbound',
			primaryUser: host().id,
			parties: [{ userId: host().id }, { name: 'Jane Doe', phoneNumber: '+1 555 0100' }],
			title: 'Discovery with Initech',
			duration: 125,
			workspaceId: gong.sandbox.state.workspaces[0].id,
			context: [{ system: 'Salesforce', objects: [{ objectType: 'Opportunity', objectId: '0063t000001AbCd' }] }],
			flowContext: { taskId: '714366367493425' },
		});
		const stored = gong.sandbox.state.calls.find((c: any) => c.clientUniqueId === clientUniqueId);
		expect(stored).toBeDefined();
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual({ requestId: expect.any(String), callId: stored.id, clientUniqueId });
		expect(typeof result.json[0].callId).toBe('string');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Create: the same call details give the same clientUniqueId, so a re-run is refused with 409 instead of duplicating', async () => {
		const params = addParams({ additionalFields: { title: 'Idempotency check' } });
		const first = await gong.run({ parameters: params });
		expect(first.error).toBeUndefined();
		const before = gong.sandbox.state.calls.length;
		const second = await gong.run({ parameters: params });
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs[1].body.clientUniqueId).toBe(reqs[0].body.clientUniqueId);
		expect(second.error!.message).toMatch(/409/);
		expect(second.error!.message).toContain(`callId ${first.json[0].callId}`);
		expect(gong.sandbox.state.calls.length).toBe(before);
	});

	test('Create: a 500 before the write is retried with the identical body (retry-safe thanks to clientUniqueId)', async () => {
		gong.sandbox.failNext(1, { status: 503, match: { catalogId: 'calls.add' } });
		const result = await gong.run({ parameters: addParams({ additionalFields: { clientUniqueId: 'pbx-call-42' } }) });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r) => r.status)).toEqual([503, 200]);
		expect(reqs[1].rawBody).toBe(reqs[0].rawBody);
		expect(reqs[1].body.clientUniqueId).toBe('pbx-call-42');
		expect(result.json[0].clientUniqueId).toBe('pbx-call-42');
		expect(gong.sandbox.state.calls.filter((c: any) => c.clientUniqueId === 'pbx-call-42')).toHaveLength(1);
	});

	test('Create: JSON body mode sends the JSON as is and adds a derived clientUniqueId', async () => {
		const body = {
			actualStart: '2025-03-05T09:00:00Z',
			direction: 'Inbound',
			primaryUser: host().id,
			parties: [{ userId: host().id }],
			purpose: 'Support',
		};
		const result = await gong.run({ parameters: { resource: 'call', operation: 'create', bodyInput: 'json', jsonBody: JSON.stringify(body) } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.body).toEqual({ ...body, clientUniqueId: expect.stringMatching(/^n8n-[0-9a-f]{40}$/) });
		expect(result.json[0].callId).toBeTruthy();
		gong.sandbox.clearRequests();
		const incomplete = await gong.run({ parameters: { resource: 'call', operation: 'create', bodyInput: 'json', jsonBody: JSON.stringify({ ...body, parties: undefined }) } });
		expect(incomplete.error!.message).toMatch(/Parameter "JSON Body" \(jsonBody\): "parties" is required/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Create: bad parties, a bad date or a too long purpose are refused before any request, naming the parameter', async () => {
		const notArray = await gong.run({ parameters: addParams({ parties: '"Jane"' }) });
		expect(notArray.error!.message).toMatch(/Parameter "Parties \(JSON\)" \(parties\)/);
		const empty = await gong.run({ parameters: addParams({ parties: '[]' }) });
		expect(empty.error!.message).toMatch(/Parameter "Parties \(JSON\)" \(parties\): must be a JSON array of party objects/);
		const badJson = await gong.run({ parameters: addParams({ parties: '[{"name": }]' }) });
		expect(badJson.error!.message).toMatch(/Parameter "Parties \(JSON\)" \(parties\): is not valid JSON/);
		const badDate = await gong.run({ parameters: addParams({ actualStart: 'last tuesday' }) });
		expect(badDate.error!.message).toMatch(/Parameter "Actual Start" \(actualStart\): "last tuesday" is not a date-time/);
		const long = await gong.run({ parameters: addParams({ additionalFields: { purpose: 'x'.repeat(256) } }) });
		expect(long.error!.message).toMatch(/Parameter "Purpose" \(purpose\).*at most 255 characters/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Upload Media: PUT /v2/calls/{id}/media with one multipart part "mediaFile" from the input binary', async () => {
		const call = gong.sandbox.state.calls[0];
		const audio = Buffer.from('ID3\u0003fake mp3 frames \u0000\u00ff binary', 'latin1');
		const result = await gong.run({
			input: [{ json: {}, binary: { data: { data: audio.toString('base64'), mimeType: 'audio/mpeg', fileName: 'call.mp3' } } } as any],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(call.id), binaryPropertyName: 'data' },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe(`/v2/calls/${call.id}/media`);
		expect(req.query).toEqual({});
		expect(req.status).toBe(201);
		expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(req.multipart).toHaveLength(1);
		expect(req.multipart[0]).toMatchObject({ name: 'mediaFile', fileName: 'call.mp3', contentType: 'audio/mpeg' });
		expect(Buffer.compare(req.multipart[0].data, audio)).toBe(0);
		expect(call.mediaFile).toEqual({ fileName: 'call.mp3', contentType: 'audio/mpeg', size: audio.length });
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual({ requestId: expect.any(String), callId: call.id, url: call.url });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Upload Media: another field name, and a generic MIME type resolved from the extension (.mkv → video)', async () => {
		const call = gong.sandbox.state.calls[1];
		const video = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
		const result = await gong.run({
			input: [{ json: {}, binary: { recording: { data: video.toString('base64'), mimeType: 'application/octet-stream', fileName: 'meeting.mkv' } } } as any],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(call.id), binaryPropertyName: 'recording' },
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().multipart[0]).toMatchObject({ name: 'mediaFile', fileName: 'meeting.mkv', contentType: 'video/x-matroska' });
		expect(call.media).toBe('Video');
	});

	test('Upload Media: a missing binary field or a non-media file is refused before any request, naming the parameter', async () => {
		const call = gong.sandbox.state.calls[0];
		const missing = await gong.run({
			input: [{ json: {} }],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(call.id), binaryPropertyName: 'data' },
		});
		expect(missing.error!.message).toMatch(/Parameter "Input Binary Field" \(binaryPropertyName\): input item 0 has no binary field "data"/);
		const wrongName = await gong.run({
			input: [{ json: {}, binary: { file: { data: 'AAAA', mimeType: 'audio/wav', fileName: 'a.wav' } } } as any],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(call.id), binaryPropertyName: 'data' },
		});
		expect(wrongName.error!.message).toMatch(/no binary field "data"/);
		const image = await gong.run({
			input: [{ json: {}, binary: { data: { data: 'iVBORw0K', mimeType: 'image/png', fileName: 'logo.png' } } } as any],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(call.id), binaryPropertyName: 'data' },
		});
		expect(image.error!.message).toMatch(/Parameter "Input Binary Field" \(binaryPropertyName\): binary field "data" is image\/png; Gong accepts audio or video/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Upload Media: continueOnFail keeps going, each output paired to its item', async () => {
		const call = gong.sandbox.state.calls[2];
		const result = await gong.run({
			continueOnFail: true,
			input: [{ json: {} }, { json: {}, binary: { data: { data: Buffer.from('RIFF....WAVEfmt ').toString('base64'), mimeType: 'audio/wav', fileName: 'b.wav' } } } as any],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(call.id), binaryPropertyName: 'data' },
		});
		expect(result.items).toHaveLength(2);
		expect(result.json[0].error).toMatch(/no binary field "data"/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.json[1].callId).toBe(call.id);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(gong.requests()).toHaveLength(1);
	});

	test('Get Manual CRM Associations (legacy): GET with cursor in the query, Return All and Limit', async () => {
		const all = gong.sandbox.state.manualCrmAssociations;
		expect(all.length).toBeGreaterThan(10);
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getManualCrmAssociations', returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(Math.ceil(all.length / 10));
		expect(reqs[0].method).toBe('GET');
		expect(reqs[0].path).toBe('/v2/calls/manual-crm-associations');
		expect(reqs[0].query).toEqual({});
		expect(reqs[1].query.cursor).toBeTruthy();
		expect(result.items).toHaveLength(all.length);
		expect(result.json[0]).toEqual({ callId: all[0].callId, userId: all[0].userId, created: all[0].created, associatedCrmObjects: all[0].associatedCrmObjects });
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);

		gong.sandbox.clearRequests();
		const since = all[4].created;
		const some = await gong.run({ parameters: { resource: 'call', operation: 'getManualCrmAssociations', returnAll: false, limit: 3, filters: { fromDateTime: since } } });
		expect(some.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(1);
		expect(gong.lastRequest().query).toEqual({ fromDateTime: since });
		expect(some.json.map((a) => a.callId)).toEqual(all.filter((a: any) => Date.parse(a.created) > Date.parse(since)).slice(0, 3).map((a: any) => a.callId));
	});
});
