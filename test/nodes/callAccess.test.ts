import { byId, useGong } from '../helpers';

describe('Call Access resource', () => {
	const gong = useGong({ seed: { calls: 30, users: 12 } });

	const calls = () => gong.sandbox.state.calls;
	const users = () => gong.sandbox.state.users;

	test('Add: PUT /v2/calls/users-access with { callAccessList: [{ callId, userIds }] } → { requestId }', async () => {
		const call = calls()[0];
		const ids = [users()[2].id, users()[3].id];
		const result = await gong.run({ parameters: { resource: 'callAccess', operation: 'add', callId: byId(call.id), userIds: ids.join(',') } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe('/v2/calls/users-access');
		expect(req.query).toEqual({});
		expect(req.body).toEqual({ callAccessList: [{ callId: call.id, userIds: ids }] });
		expect(req.status).toBe(200);
		expect(gong.sandbox.state.callAccess[call.id]).toEqual(ids);
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual({ requestId: expect.any(String) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Get: POST /v2/calls/users-access with filter.callIds (read, retried after a 5xx), one item per call', async () => {
		const [a, b] = [calls()[0], calls()[1]];
		gong.sandbox.state.callAccess[a.id] = [users()[4].id];
		gong.sandbox.failNext(1, { status: 502, match: { catalogId: 'permissions.getCallsUsersAccess' } });
		const result = await gong.run({ parameters: { resource: 'callAccess', operation: 'get', callIds: [a.id, b.id] } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r) => r.status)).toEqual([502, 200]);
		expect(reqs[1].method).toBe('POST');
		expect(reqs[1].path).toBe('/v2/calls/users-access');
		expect(reqs[1].body).toEqual({ filter: { callIds: [a.id, b.id] } });
		expect(result.json).toEqual([
			{ callId: a.id, users: [{ userId: users()[4].id }] },
			{ callId: b.id, users: [] },
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('Remove: DELETE /v2/calls/users-access with a JSON body; only the named users lose access', async () => {
		const call = calls()[2];
		gong.sandbox.state.callAccess[call.id] = [users()[2].id, users()[3].id, users()[5].id];
		const result = await gong.run({ parameters: { resource: 'callAccess', operation: 'remove', callId: byId(call.id), userIds: [users()[2].id, users()[5].id] } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('DELETE');
		expect(req.path).toBe('/v2/calls/users-access');
		expect(req.query).toEqual({});
		expect(req.headers['content-type']).toBe('application/json');
		expect(req.body).toEqual({ callAccessList: [{ callId: call.id, userIds: [users()[2].id, users()[5].id] }] });
		expect(gong.sandbox.state.callAccess[call.id]).toEqual([users()[3].id]);
		expect(result.json).toEqual([{ requestId: expect.any(String) }]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Remove: a write is not repeated after a 5xx', async () => {
		const call = calls()[3];
		gong.sandbox.failNext(1, { status: 500, match: { catalogId: 'permissions.removeCallsUsersAccess' } });
		const result = await gong.run({ parameters: { resource: 'callAccess', operation: 'remove', callId: byId(call.id), userIds: users()[2].id } });
		expect(result.error!.message).toMatch(/500/);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Add: JSON body gives several calls at once', async () => {
		const list = [
			{ callId: calls()[4].id, userIds: [users()[6].id] },
			{ callId: calls()[5].id, userIds: [users()[7].id, users()[8].id] },
		];
		const result = await gong.run({ parameters: { resource: 'callAccess', operation: 'add', bodyInput: 'json', jsonBody: JSON.stringify({ callAccessList: list }) } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({ callAccessList: list });
		expect(gong.sandbox.state.callAccess[calls()[5].id]).toEqual([users()[7].id, users()[8].id]);
		gong.sandbox.clearRequests();
		const wrong = await gong.run({ parameters: { resource: 'callAccess', operation: 'remove', bodyInput: 'json', jsonBody: JSON.stringify({ callId: calls()[4].id, userIds: [] }) } });
		expect(wrong.error!.message).toMatch(/Parameter "JSON Body" \(jsonBody\): must be \{ "callAccessList"/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('bad or missing ids are refused before any request, naming the parameter', async () => {
		const noUsers = await gong.run({ parameters: { resource: 'callAccess', operation: 'add', callId: byId(calls()[0].id), userIds: [] } });
		expect(noUsers.error!.message).toMatch(/Parameter "User IDs" \(userIds\): is required/);
		const badUser = await gong.run({ parameters: { resource: 'callAccess', operation: 'remove', callId: byId(calls()[0].id), userIds: ['12', 'abc'] } });
		expect(badUser.error!.message).toMatch(/Parameter "User IDs" \(userIds\): "abc" is not a Gong ID/);
		const badCall = await gong.run({ input: [{ json: { id: '1.5' } }], parameters: { resource: 'callAccess', operation: 'add', callId: byId('={{ $json.id }}'), userIds: ['12'] } });
		expect(badCall.error!.message).toMatch(/Parameter "Call" \(callId\): "1.5" is not a Gong ID/);
		const noCalls = await gong.run({ parameters: { resource: 'callAccess', operation: 'get', callIds: '' } });
		expect(noCalls.error!.message).toMatch(/Parameter "Call IDs" \(callIds\): is required/);
		expect(gong.requests()).toHaveLength(0);
	});
});
