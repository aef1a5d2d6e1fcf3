import { basicHeader, byId, useGong } from '../helpers';

describe('Call resource', () => {
	const gong = useGong({ seed: { calls: 250, users: 40 }, pageSize: 100 });

	const someCall = () => gong.sandbox.state.calls.find((c: any) => !c.visibleAt || c.visibleAt <= Date.now());

	test('Get: GET /v2/calls/{id} with Basic auth, one item paired to its input, 20-digit id exact', async () => {
		const call = someCall();
		const result = await gong.run({ parameters: { resource: 'call', operation: 'get', callId: byId(call.id) } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe(`/v2/calls/${call.id}`);
		expect(req.headers.authorization).toBe(basicHeader());
		expect(result.items).toHaveLength(1);
		expect(result.json[0].id).toBe(call.id);
		expect(typeof result.json[0].id).toBe('string');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Get: by URL resolves the id; OAuth2 sends the Bearer token to the token\'s customer host', async () => {
		const call = someCall();
		const result = await gong.run({
			auth: 'oAuth2',
			parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'url', value: `https://us-1.app.gong.io/call?id=${call.id}` } },
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().headers.authorization).toBe('Bearer sandbox-oauth-token');
		expect(result.json[0].id).toBe(call.id);
	});

	test('Get: unknown id → NodeApiError 404 naming the call, with Gong requestId', async () => {
		const result = await gong.run({ parameters: { resource: 'call', operation: 'get', callId: byId('99999999999999999999') } });
		expect(result.error).toBeDefined();
		expect(result.error!.message).toMatch(/404/);
		expect(result.error!.description).toMatch(/Call 99999999999999999999 was not found/);
		expect(result.error!.description).toMatch(/Gong request ID: \w+/);
	});

	test('Get: bad ids fail before any request, naming the parameter; continueOnFail keeps the other items', async () => {
		const call = someCall();
		const result = await gong.run({
			continueOnFail: true,
			input: [{ json: { id: 'abc' } }, { json: { id: call.id } }, { json: { id: '' } }],
			parameters: { resource: 'call', operation: 'get', callId: byId('={{ $json.id }}') },
		});
		expect(result.items).toHaveLength(3);
		expect(result.json[0].error).toMatch(/Parameter "Call" \(callId\): "abc" is not a Gong ID/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.json[1].id).toBe(call.id);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.json[2].error).toMatch(/is required/);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Get Many: GET /v2/calls with the date range, Return All follows every cursor', async () => {
		const from = '2000-01-01T00:00:00Z';
		const to = new Date(Date.now() + 3600e3).toISOString();
		const visible = gong.sandbox.state.calls.filter((c: any) => !c.visibleAt || c.visibleAt <= Date.now());
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: from, toDateTime: to, returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.length).toBe(Math.ceil(visible.length / 100));
		expect(reqs[0].method).toBe('GET');
		expect(reqs[0].path).toBe('/v2/calls');
		expect(reqs[0].query.fromDateTime).toBe('2000-01-01T00:00:00Z');
		expect(reqs[0].query.cursor).toBeUndefined();
		expect(reqs[1].query.cursor).toBeTruthy();
		expect(result.items).toHaveLength(visible.length);
		expect(new Set(result.json.map((c) => c.id)).size).toBe(visible.length);
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Many: Limit is exact across pages and stops requesting once reached', async () => {
		const result = await gong.run({
			parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: new Date().toISOString(), returnAll: false, limit: 150 },
		});
		expect(result.items).toHaveLength(150);
		expect(gong.requests()).toHaveLength(2);
	});

	test('Get Many: an empty period (Gong 404) is an empty result; from after to is refused before sending', async () => {
		const empty = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '1990-01-01T00:00:00Z', toDateTime: '1990-01-02T00:00:00Z', returnAll: true } });
		expect(empty.error).toBeUndefined();
		expect(empty.items).toHaveLength(0);
		expect(gong.requests()).toHaveLength(1);
		gong.sandbox.clearRequests();
		const bad = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2024-02-01T00:00:00Z', toDateTime: '2024-01-01T00:00:00Z' } });
		expect(bad.error!.message).toMatch(/Parameter "From" \(fromDateTime\).*must be before "To"/);
		const unparsable = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: 'yesterday-ish', toDateTime: '2024-01-01T00:00:00Z' } });
		expect(unparsable.error!.message).toMatch(/Parameter "From" \(fromDateTime\): "yesterday-ish" is not a date-time/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Many (Extensive): POST /v2/calls/extensive with filter, content selector and body cursor', async () => {
		const ids = gong.sandbox.state.calls.slice(0, 3).map((c: any) => c.id);
		const result = await gong.run({
			parameters: {
				resource: 'call',
				operation: 'getManyExtensive',
				returnAll: true,
				filters: { callIds: ids },
				options: { include: ['parties', 'topics', 'speakers'], context: 'Extended' },
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/calls/extensive');
		expect(req.body).toEqual({
			filter: { callIds: ids },
			contentSelector: { context: 'Extended', exposedFields: { parties: true, content: { topics: true }, interaction: { speakers: true } } },
		});
		expect(result.json.map((c: any) => c.metaData.id).sort()).toEqual([...ids].sort());
		expect(result.json[0].parties).toBeDefined();
	});

	test('Get Many (Extensive): Return All over pages sends the cursor at the top level of the body', async () => {
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getManyExtensive', returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.length).toBeGreaterThan(1);
		expect(reqs[0].body).toEqual({ filter: {} });
		expect(reqs[1].body.cursor).toBeTruthy();
		expect(reqs[1].body.filter).toEqual({});
		expect(reqs[1].query.cursor).toBeUndefined();
		expect(new Set(result.json.map((c: any) => c.metaData.id)).size).toBe(result.items.length);
	});

	test('Get Many (Extensive): Call IDs and Workspace together are sent together, filter by both, every page followed', async () => {
		const calls = gong.sandbox.state.calls.filter((c: any) => !c.visibleAt || c.visibleAt <= Date.now());
		const ws0 = gong.sandbox.state.workspaces[0].id;
		const inWs = calls.filter((c: any) => c.workspaceId === ws0);
		const outside = calls.filter((c: any) => c.workspaceId !== ws0);
		expect(inWs.length).toBeGreaterThan(105);
		expect(outside.length).toBeGreaterThan(0);
		// 105 calls of the workspace (two pages of 100) plus calls of another workspace, which must be left out
		const ids = [...inWs.slice(0, 105), ...outside.slice(0, 5)].map((c: any) => c.id);
		const result = await gong.run({
			parameters: { resource: 'call', operation: 'getManyExtensive', returnAll: true, filters: { callIds: ids, workspaceId: byId(ws0) } },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs[0].body).toEqual({ filter: { callIds: ids, workspaceId: ws0 } });
		expect(reqs[1].body).toEqual({ filter: { callIds: ids, workspaceId: ws0 }, cursor: expect.any(String) });
		expect(result.json.map((c: any) => c.metaData.id).sort()).toEqual(inWs.slice(0, 105).map((c: any) => c.id).sort());
		expect(result.json.every((c: any) => c.metaData.workspaceId === ws0)).toBe(true);
	});

	test('Get Transcripts: POST /v2/calls/transcript, one item per call; comma-separated ids accepted', async () => {
		const ids = gong.sandbox.state.calls.slice(0, 2).map((c: any) => c.id);
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getTranscripts', returnAll: true, filters: { callIds: ids.join(', ') } } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.path).toBe('/v2/calls/transcript');
		expect(req.body).toEqual({ filter: { callIds: ids } });
		expect(result.json.map((t: any) => t.callId).sort()).toEqual([...ids].sort());
		expect(Array.isArray(result.json[0].transcript)).toBe(true);
	});
});
