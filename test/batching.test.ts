/**
 * Cross-item batching (nodes/shared/framework/batch.ts): N input items of Call → Get, User → Get
 * and Call → Get Transcripts make ⌈N/100⌉ requests to Gong's bulk endpoints, each record goes
 * back to its own input item, unknown ids fail only their item.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId, useGong } from './helpers';

const visible = (sandbox: any) => sandbox.state.calls.filter((c: any) => !c.visibleAt || c.visibleAt <= Date.now());

describe('Batching: Call → Get', () => {
	const gong = useGong({ seed: { calls: 400, users: 30 }, pageSize: 100 });
	afterEach(() => gong.sandbox.clearFaults());
	const getCalls = (ids: string[], continueOnFail = false) =>
		gong.run({
			continueOnFail,
			input: ids.map((id) => ({ json: { id } })),
			parameters: { resource: 'call', operation: 'get', callId: byId('={{ $json.id }}') },
		});

	test('300 items → 3 requests to POST /v2/calls/extensive, each call back to its item, equal to GET /v2/calls/{id}', async () => {
		const ids = visible(gong.sandbox).slice(0, 300).map((c: any) => c.id);
		const result = await getCalls(ids);
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(3);
		for (const [k, req] of reqs.entries()) {
			expect(req.method).toBe('POST');
			expect(req.path).toBe('/v2/calls/extensive');
			expect(req.body).toEqual({ filter: { callIds: ids.slice(k * 100, (k + 1) * 100) } });
		}
		expect(result.items).toHaveLength(300);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.id).toBe(ids[i]);
		});
		gong.sandbox.clearRequests();
		const single = await gong.run({ parameters: { resource: 'call', operation: 'get', callId: byId(ids[123]) } });
		expect(gong.lastRequest().path).toBe(`/v2/calls/${ids[123]}`);
		expect(result.json[123]).toEqual(single.json[0]);
	});

	test('one input item keeps GET /v2/calls/{id} (narrowest scope)', async () => {
		const id = visible(gong.sandbox)[0].id;
		const result = await getCalls([id]);
		expect(result.error).toBeUndefined();
		expect(gong.requests().map((r: any) => `${r.method} ${r.path}`)).toEqual([`GET /v2/calls/${id}`]);
	});

	test('mixed known and unknown ids with continueOnFail: unknown items get a 404 "not found" error item, others their call', async () => {
		const known = visible(gong.sandbox).slice(0, 5).map((c: any) => c.id);
		const ids = [known[0], '99999999999999999991', known[1], known[2], '99999999999999999992', known[3], known[4]];
		const result = await getCalls(ids, true);
		expect(result.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(1);
		expect(result.items).toHaveLength(7);
		result.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		expect(result.json[1]).toMatchObject({ httpCode: '404', error: 'Call 99999999999999999991 was not found in Gong' });
		expect(result.json[1].description).toMatch(/Call 99999999999999999991 was not found in Gong\. Check the ID/);
		expect(result.json[4].error).toMatch(/Call 99999999999999999992 was not found/);
		expect([0, 2, 3, 5, 6].map((i) => result.json[i].id)).toEqual(known);
	});

	test('a 404 naming missing call ids (not "no calls found") fails only those items; the others are asked again', async () => {
		const known = visible(gong.sandbox).slice(0, 3).map((c: any) => c.id);
		gong.sandbox.failNext(1, { status: 404, message: `The following callIds were not found: ${known[1]}`, match: { path: '/v2/calls/extensive' } });
		const result = await getCalls(known, true);
		expect(result.error).toBeUndefined();
		expect(gong.requests().map((r: any) => r.body.filter.callIds)).toEqual([known, [known[0], known[2]]]);
		expect(result.json[0].id).toBe(known[0]);
		expect(result.json[1]).toMatchObject({ error: `Call ${known[1]} was not found in Gong`, httpCode: '404', gongErrors: [`The following callIds were not found: ${known[1]}`] });
		expect(result.json[2].id).toBe(known[2]);
	});

	test('unknown id without continueOnFail: the run fails naming the item', async () => {
		const known = visible(gong.sandbox).slice(0, 3).map((c: any) => c.id);
		const result = await getCalls([known[0], known[1], '12345', known[2]]);
		expect(result.error!.message).toBe('Call 12345 was not found in Gong');
		expect(result.error!.httpCode).toBe('404');
		expect(result.error!.context!.itemIndex).toBe(2);
	});

	test('only unknown ids (Gong answers 404 "No calls found"): every item is "not found"', async () => {
		const result = await getCalls(['111', '222'], true);
		expect(result.json.map((j) => j.error)).toEqual(['Call 111 was not found in Gong', 'Call 222 was not found in Gong']);
		expect(gong.requests()).toHaveLength(1);
	});

	test('the same id in several items is requested once and every item gets its own copy', async () => {
		const id = visible(gong.sandbox)[7].id;
		const result = await getCalls([id, id, id]);
		expect(gong.requests()[0].body).toEqual({ filter: { callIds: [id] } });
		expect(result.json.map((j) => j.id)).toEqual([id, id, id]);
		expect(result.json[0]).not.toBe(result.json[1]);
	});

	test('bad id in one item with continueOnFail: validated before any request, others still batched', async () => {
		const known = visible(gong.sandbox).slice(0, 2).map((c: any) => c.id);
		const result = await getCalls([known[0], 'x1', known[1]], true);
		expect(result.json[1].error).toMatch(/Parameter "Call" \(callId\): "x1" is not a Gong ID/);
		expect(result.json[0].id).toBe(known[0]);
		expect(result.json[2].id).toBe(known[1]);
		expect(gong.requests()).toHaveLength(1);
	});

	test('a credential without the extensive scope (403 on the bulk endpoint) falls back to one GET per item', async () => {
		const ids = visible(gong.sandbox).slice(0, 3).map((c: any) => c.id);
		gong.sandbox.failNext(1, { status: 403, match: { path: '/v2/calls/extensive' } });
		const result = await getCalls(ids);
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.id)).toEqual(ids);
		expect(gong.requests().map((r: any) => r.path)).toEqual(['/v2/calls/extensive', ...ids.map((id: string) => `/v2/calls/${id}`)]);
	});

	test('faults on the bulk request (500, reset, malformed) are retried; no item lost or repeated', async () => {
		const ids = visible(gong.sandbox).slice(0, 250).map((c: any) => c.id);
		gong.sandbox.failNext(1, { status: 502, match: { path: '/v2/calls/extensive' } });
		gong.sandbox.failNext(1, { reset: true, match: { path: '/v2/calls/extensive' } });
		gong.sandbox.failNext(1, { malformed: true, match: { path: '/v2/calls/extensive' } });
		const result = await getCalls(ids);
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.id)).toEqual(ids);
		expect(gong.requests().filter((r: any) => r.status === 200 && !r.fault)).toHaveLength(3);
	});

	test('a bulk request that keeps failing: continueOnFail gives its items error items with status and requestId', async () => {
		const ids = visible(gong.sandbox).slice(0, 150).map((c: any) => c.id);
		gong.sandbox.failNext(1, { status: 400, message: 'filter.callIds: too many', match: { path: '/v2/calls/extensive' } });
		const result = await getCalls(ids, true);
		expect(result.items).toHaveLength(150);
		expect(result.json.slice(0, 100).every((j) => j.httpCode === '400' && typeof j.requestId === 'string')).toBe(true);
		expect(result.json.slice(100).map((j) => j.id)).toEqual(ids.slice(100));
	});
});

describe('Batching: User → Get', () => {
	const gong = useGong({ seed: { calls: 10, users: 250 }, pageSize: 100 });

	test('220 items → 3 requests to POST /v2/users/extensive (avatars included), each user back to its item', async () => {
		const users = gong.sandbox.state.users.slice(0, 220);
		const result = await gong.run({
			input: users.map((u: any) => ({ json: { id: u.id } })),
			parameters: { resource: 'user', operation: 'get', userId: byId('={{ $json.id }}') },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(3);
		expect(reqs.every((r: any) => r.path === '/v2/users/extensive' && r.body.filter.includeAvatars === true)).toBe(true);
		expect(reqs.map((r: any) => r.body.filter.userIds.length)).toEqual([100, 100, 20]);
		expect(result.json.map((j) => j.id)).toEqual(users.map((u: any) => u.id));
		result.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const avatar = users.findIndex((u: any) => u.isAvatar);
		if (avatar >= 0) expect(result.json[avatar].id).toBe(users[avatar].id);
		gong.sandbox.clearRequests();
		const single = await gong.run({ parameters: { resource: 'user', operation: 'get', userId: byId(users[5].id) } });
		expect(gong.lastRequest().path).toBe(`/v2/users/${users[5].id}`);
		expect(result.json[5]).toEqual(single.json[0]);
	});
	const getUsers = (ids: string[], continueOnFail = false) =>
		gong.run({
			continueOnFail,
			input: ids.map((id) => ({ json: { id } })),
			parameters: { resource: 'user', operation: 'get', userId: byId('={{ $json.id }}') },
		});

	test('unknown ids: Gong\'s 404 "The following userIds were not found" fails only those items, with Gong\'s message; the rest is asked again and succeeds', async () => {
		const known = gong.sandbox.state.users.slice(0, 4).map((u: any) => u.id);
		const ids = [known[0], '99999999999999999991', known[1], known[2], '99999999999999999992', known[3]];
		const result = await getUsers(ids, true);
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r: any) => [r.status, r.body.filter.userIds])).toEqual([
			[404, ids],
			[200, known],
		]);
		expect(result.items).toHaveLength(6);
		result.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		expect([0, 2, 3, 5].map((i) => result.json[i].id)).toEqual(known);
		for (const [i, id] of [[1, '99999999999999999991'], [4, '99999999999999999992']] as const) {
			expect(result.json[i]).toMatchObject({ error: `User ${id} was not found in Gong`, httpCode: '404', requestId: expect.any(String) });
			expect(result.json[i].gongErrors).toEqual(['The following userIds were not found: 99999999999999999991, 99999999999999999992']);
			expect(result.json[i].description).toMatch(/Gong does not know the IDs it names/);
		}
	});

	test('unknown id without continueOnFail: the run fails naming that item', async () => {
		const known = gong.sandbox.state.users.slice(0, 2).map((u: any) => u.id);
		const result = await getUsers([known[0], known[1], '12345']);
		expect(result.error!.message).toBe('User 12345 was not found in Gong');
		expect(result.error!.httpCode).toBe('404');
		expect(result.error!.context!.itemIndex).toBe(2);
	});

	test('only unknown ids: every item fails, one request', async () => {
		const result = await getUsers(['111', '222'], true);
		expect(result.json.map((j) => j.error)).toEqual(['User 111 was not found in Gong', 'User 222 was not found in Gong']);
		expect(gong.requests()).toHaveLength(1);
	});
});

describe('Batching: Call → Get Transcripts', () => {
	const gong = useGong({ seed: { calls: 400, users: 30 }, pageSize: 100 });
	const run = (input: IDataObject[], filters: IDataObject, extra: IDataObject = {}, continueOnFail = false) =>
		gong.run({
			continueOnFail,
			input: input.map((json) => ({ json })),
			parameters: { resource: 'call', operation: 'getTranscripts', returnAll: true, filters, ...extra },
		});

	test('300 items with one call each → 3 requests to POST /v2/calls/transcript, each transcript to its item', async () => {
		const ids = visible(gong.sandbox).slice(0, 300).map((c: any) => c.id);
		const result = await run(ids.map((id: string) => ({ id })), { callIds: '={{ $json.id }}' });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(3);
		expect(reqs.every((r: any) => r.path === '/v2/calls/transcript')).toBe(true);
		expect(reqs[0].body).toEqual({ filter: { callIds: ids.slice(0, 100) } });
		expect(result.items).toHaveLength(300);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.callId).toBe(ids[i]);
			expect(Array.isArray(item.json.transcript)).toBe(true);
		});
	});

	test('a single item also uses the bulk endpoint; items with several ids get all of theirs, in their order', async () => {
		const ids = visible(gong.sandbox).slice(10, 15).map((c: any) => c.id);
		const result = await run([{ ids: [ids[2], ids[0]] }, { ids: [ids[1], ids[3], ids[4]] }], { callIds: '={{ $json.ids }}' });
		expect(result.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(1);
		expect(result.json.map((j) => j.callId)).toEqual([ids[2], ids[0], ids[1], ids[3], ids[4]]);
		expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual([0, 0, 1, 1, 1]);
	});

	test('items whose other filters differ are grouped separately; items without call ids run on their own', async () => {
		const calls = visible(gong.sandbox).slice(0, 4);
		const input = [
			{ id: calls[0].id, from: '' },
			{ id: calls[1].id, from: '2000-01-01T00:00:00Z' },
			{ id: calls[2].id, from: '' },
			{ id: '', from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' },
			{ id: calls[3].id, from: '2000-01-01T00:00:00Z' },
		];
		const result = await run(input, { callIds: '={{ $json.id }}', fromDateTime: '={{ $json.from }}', toDateTime: '={{ $json.to }}' }, {}, true);
		expect(result.error).toBeUndefined();
		const bodies = gong.requests().map((r: any) => r.body);
		expect(bodies).toContainEqual({ filter: { callIds: [calls[0].id, calls[2].id] } });
		expect(bodies).toContainEqual({ filter: { callIds: [calls[1].id, calls[3].id], fromDateTime: '2000-01-01T00:00:00Z' } });
		expect(bodies).toContainEqual({ filter: { fromDateTime: '2000-01-01T00:00:00Z', toDateTime: '2000-01-02T00:00:00Z' } });
		expect(bodies).toHaveLength(3);
		const byItem = (i: number) => result.items.filter((it) => (it.pairedItem as { item: number }).item === i).map((it) => it.json.callId);
		expect(byItem(0)).toEqual([calls[0].id]);
		expect(byItem(1)).toEqual([calls[1].id]);
		expect(byItem(2)).toEqual([calls[2].id]);
		expect(byItem(3)).toEqual([]);
		expect(byItem(4)).toEqual([calls[3].id]);
	});

	test('unknown call id: its item gets a clear "not found" error item; the others their transcripts', async () => {
		const ids = visible(gong.sandbox).slice(20, 22).map((c: any) => c.id);
		const result = await run([{ id: ids[0] }, { id: '77777777777777777777' }, { id: ids[1] }], { callIds: '={{ $json.id }}' }, {}, true);
		expect(result.items).toHaveLength(3);
		expect(result.json[0].callId).toBe(ids[0]);
		expect(result.json[1].error).toMatch(/^Transcript of call 77777777777777777777 was not found in Gong \(the call may not exist.*transcribed yet/);
		expect(result.json[1].httpCode).toBe('404');
		expect(result.json[2].callId).toBe(ids[1]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Limit applies per item', async () => {
		const ids = visible(gong.sandbox).slice(30, 36).map((c: any) => c.id);
		const result = await run([{ ids: ids.slice(0, 3) }, { ids: ids.slice(3) }], { callIds: '={{ $json.ids }}' }, { returnAll: false, limit: 2 });
		expect(result.json.map((j) => j.callId)).toEqual([ids[0], ids[1], ids[3], ids[4]]);
		expect(gong.requests()).toHaveLength(1);
	});

	test('the operation\'s postReceive (Output Format "Readable") runs per item on the batched results', async () => {
		const ids = visible(gong.sandbox).slice(40, 43).map((c: any) => c.id);
		const result = await run(ids.map((id: string) => ({ id })), { callIds: '={{ $json.id }}' }, { options: { outputFormat: 'readable' } });
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.callId)).toEqual(ids);
		expect(result.json.every((j) => typeof j.text === 'string')).toBe(true);
		expect(gong.requests().filter((r: any) => r.path === '/v2/calls/transcript')).toHaveLength(1);
	});
});
