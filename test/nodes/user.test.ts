import { byId, useGong } from '../helpers';

describe('User resource', () => {
	const gong = useGong({ seed: { calls: 20, users: 150 }, pageSize: 100 });

	test('Get: GET /v2/users/{id} → the user', async () => {
		const user = gong.sandbox.state.users[0];
		const result = await gong.run({ parameters: { resource: 'user', operation: 'get', userId: byId(user.id) } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe(`/v2/users/${user.id}`);
		expect(result.json).toEqual([expect.objectContaining({ id: user.id, emailAddress: user.emailAddress })]);
	});

	test('Get Many: GET /v2/users, cursor in the query, Return All and Limit', async () => {
		const all = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true, options: { includeAvatars: true } } });
		expect(all.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs[0].query).toEqual({ includeAvatars: 'true' });
		expect(reqs[1].query.cursor).toBeTruthy();
		expect(all.items.length).toBeGreaterThanOrEqual(150);
		gong.sandbox.clearRequests();
		const some = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 7 } });
		expect(some.items).toHaveLength(7);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Get Many (Extensive): POST /v2/users/extensive with filter and body cursor', async () => {
		const ids = gong.sandbox.state.users.slice(0, 2).map((u: any) => u.id);
		const result = await gong.run({
			parameters: { resource: 'user', operation: 'getManyExtensive', returnAll: true, filters: { userIds: ids, createdFromDateTime: '2000-01-01T00:00:00Z' } },
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({ filter: { userIds: ids, createdFromDateTime: '2000-01-01T00:00:00Z' } });
		expect(result.json.map((u: any) => u.id).sort()).toEqual([...ids].sort());
	});

	test('Get Many (Extensive): unknown user IDs fail the item with Gong\'s 404 message (not an empty result); continueOnFail gives an error item', async () => {
		const known = gong.sandbox.state.users[0].id;
		const params = { resource: 'user', operation: 'getManyExtensive', returnAll: true, filters: { userIds: [known, '99999999999999999999'] } };
		const failed = await gong.run({ parameters: params });
		expect(failed.error!.message).toBe('Gong API error 404 (Not found): The following userIds were not found: 99999999999999999999');
		expect(failed.error!.httpCode).toBe('404');
		expect(failed.error!.description).toMatch(/Gong does not know the IDs it names/);
		const soft = await gong.run({ parameters: params, continueOnFail: true, input: [{ json: {} }, { json: {} }] });
		expect(soft.items).toHaveLength(2);
		expect(soft.json[0]).toMatchObject({ httpCode: '404', gongErrors: ['The following userIds were not found: 99999999999999999999'] });
		expect(soft.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Get Many (Extensive): Gong\'s "no users found corresponding to the provided filters" 404 stays an empty result', async () => {
		const result = await gong.run({
			parameters: { resource: 'user', operation: 'getManyExtensive', returnAll: true, filters: { createdFromDateTime: '1990-01-01T00:00:00Z', createdToDateTime: '1990-01-02T00:00:00Z' } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(gong.requests().map((r: any) => r.status)).toEqual([404]);
	});

	test('Get Settings History: GET /v2/users/{id}/settings-history, one item per entry', async () => {
		const user = gong.sandbox.state.users[0];
		const result = await gong.run({ parameters: { resource: 'user', operation: 'getSettingsHistory', userId: byId(user.id) } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe(`/v2/users/${user.id}/settings-history`);
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('bad user id from an expression → NodeOperationError naming the parameter, nothing sent', async () => {
		const result = await gong.run({ input: [{ json: { id: '12a' } }], parameters: { resource: 'user', operation: 'get', userId: byId('={{ $json.id }}') } });
		expect(result.error!.message).toMatch(/Parameter "User" \(userId\): "12a" is not a Gong ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('a typed ID that is not digits is refused by n8n itself (locator validation), nothing sent', async () => {
		const result = await gong.run({ parameters: { resource: 'user', operation: 'get', userId: byId('12a') } });
		expect(result.error!.message).toMatch(/workflow has issues/);
		expect(gong.requests()).toHaveLength(0);
	});
});
