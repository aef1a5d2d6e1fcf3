import { useGong } from '../helpers';

describe('Stats resource', () => {
	const gong = useGong({ seed: { calls: 120, users: 14 }, pageSize: 5 });

	const range = { fromDate: '2025-01-01', toDate: '2025-04-01' };

	test('Get Interaction: POST /v2/stats/interaction with filter dates, cursor at the top of the body, Return All', async () => {
		const result = await gong.run({ parameters: { resource: 'stats', operation: 'getInteraction', ...range, returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.length).toBeGreaterThan(1);
		expect(reqs[0].method).toBe('POST');
		expect(reqs[0].path).toBe('/v2/stats/interaction');
		expect(reqs[0].query).toEqual({});
		expect(reqs[0].body).toEqual({ filter: { fromDate: '2025-01-01', toDate: '2025-04-01' } });
		expect(reqs[1].body).toEqual({ filter: { fromDate: '2025-01-01', toDate: '2025-04-01' }, cursor: expect.any(String) });
		const hosts = new Set(gong.sandbox.state.calls.map((c: any) => c.primaryUserId));
		expect(result.items).toHaveLength(hosts.size);
		expect(new Set(result.json.map((r) => r.userId))).toEqual(hosts);
		expect(result.json[0]).toEqual({ userId: expect.any(String), userEmailAddress: expect.any(String), personInteractionStats: expect.arrayContaining([{ name: 'Talk Ratio', value: expect.any(Number) }]) });
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Interaction: filters (users, created range) in filter; Limit stops after the first page; empty period (404) → no items', async () => {
		const ids = gong.sandbox.state.users.slice(1, 4).map((u: any) => u.id);
		const result = await gong.run({
			parameters: {
				resource: 'stats',
				operation: 'getInteraction',
				...range,
				returnAll: false,
				limit: 2,
				filters: { userIds: ids, createdFromDateTime: '2000-01-01T00:00:00Z', createdToDateTime: '2030-01-01T00:00:00Z' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(1);
		expect(gong.lastRequest().body).toEqual({
			filter: { ...range, userIds: ids, createdFromDateTime: '2000-01-01T00:00:00Z', createdToDateTime: '2030-01-01T00:00:00Z' },
		});
		expect(result.json.map((r) => r.userId)).toEqual(ids.slice(0, 2));

		gong.sandbox.clearRequests();
		const empty = await gong.run({ parameters: { resource: 'stats', operation: 'getInteraction', fromDate: '2020-01-01', toDate: '2020-02-01', returnAll: true } });
		expect(empty.error).toBeUndefined();
		expect(empty.items).toHaveLength(0);
		expect(gong.requests().map((r) => r.status)).toEqual([404]);
	});

	test('stats dates: to in the future, from not before to, or not a date are refused before any request', async () => {
		const tomorrow = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 10);
		const future = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityAggregate', fromDate: '2025-01-01', toDate: tomorrow } });
		expect(future.error!.message).toMatch(/Parameter "To Date" \(toDate\): \d{4}-\d\d-\d\d is in the future/);
		const reversed = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityDayByDay', fromDate: '2025-02-01', toDate: '2025-02-01' } });
		expect(reversed.error!.message).toMatch(/Parameter "From Date" \(fromDate\): 2025-02-01 must be before "To Date"/);
		const garbage = await gong.run({ parameters: { resource: 'stats', operation: 'getInteraction', fromDate: 'Q1', toDate: '2025-02-01' } });
		expect(garbage.error!.message).toMatch(/Parameter "From Date" \(fromDate\): "Q1" is not a date/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Answered Scorecards: POST /v2/stats/activity/scorecards with the filter; int64 ids come out as exact strings', async () => {
		const all = gong.sandbox.state.answeredScorecards;
		const result = await gong.run({
			parameters: { resource: 'stats', operation: 'getAnsweredScorecards', returnAll: true, filters: { reviewMethod: 'BOTH', callFromDate: '2024-12-01', callToDate: '2025-06-01' } },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs[0].path).toBe('/v2/stats/activity/scorecards');
		expect(reqs[0].body).toEqual({ filter: { callFromDate: '2024-12-01', callToDate: '2025-06-01', reviewMethod: 'BOTH' } });
		expect(reqs).toHaveLength(Math.ceil(all.length / 5));
		expect(result.items).toHaveLength(all.length);
		const first = result.json[0] as any;
		expect(first.answeredScorecardId).toBe(all[0].answeredScorecardId.toString());
		expect(first.scorecardId).toBe(all[0].scorecardId.toString());
		expect(first.callId).toBe(all[0].callId.toString());
		expect(typeof first.reviewedUserId).toBe('string');
		expect(first.answers[0].questionId).toBe(all[0].answers[0].questionId.toString());
	});

	test('Get Answered Scorecards: empty filter is sent as {}; ids filters; nothing found (404) → no items', async () => {
		const card = gong.sandbox.state.scorecards[0];
		const unfiltered = await gong.run({ parameters: { resource: 'stats', operation: 'getAnsweredScorecards', returnAll: false, limit: 2 } });
		expect(unfiltered.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({ filter: {} });
		expect(unfiltered.items).toHaveLength(2);
		expect(unfiltered.json.every((a) => a.reviewMethod === 'MANUAL')).toBe(true);
		gong.sandbox.clearRequests();
		const none = await gong.run({ parameters: { resource: 'stats', operation: 'getAnsweredScorecards', returnAll: true, filters: { scorecardIds: '123', reviewedUserIds: ['456'] } } });
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
		expect(gong.lastRequest().body).toEqual({ filter: { reviewedUserIds: ['456'], scorecardIds: ['123'] } });
		expect(gong.lastRequest().status).toBe(404);
		gong.sandbox.clearRequests();
		const manual = await gong.run({ parameters: { resource: 'stats', operation: 'getAnsweredScorecards', returnAll: false, limit: 1, filters: { scorecardIds: [card.scorecardId.toString()] } } });
		expect(manual.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({ filter: { scorecardIds: [card.scorecardId.toString()] } });
		expect(manual.items).toHaveLength(1);
		expect(manual.json[0].scorecardId).toBe(card.scorecardId.toString());
	});

	test('Get Activity Day by Day: POST /v2/stats/activity/day-by-day; unknown user → 404 error, not an empty result', async () => {
		const user = gong.sandbox.state.users[3];
		const result = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityDayByDay', fromDate: '2025-01-01', toDate: '2025-02-01', returnAll: true, filters: { userIds: user.id } } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.path).toBe('/v2/stats/activity/day-by-day');
		expect(req.body).toEqual({ filter: { fromDate: '2025-01-01', toDate: '2025-02-01', userIds: [user.id] } });
		expect(result.items).toHaveLength(1);
		expect(result.json[0].userId).toBe(user.id);
		for (const day of result.json[0].userDailyActivityStats as any[]) {
			expect(day.fromDate >= '2025-01-01' && day.toDate <= '2025-02-01').toBe(true);
			expect(Array.isArray(day.callsAsHost)).toBe(true);
		}
		const unknown = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityDayByDay', ...range, returnAll: true, filters: { userIds: '999' } } });
		expect(unknown.error!.message).toMatch(/404.*User not found/);
	});

	test('Get Activity Aggregate: POST /v2/stats/activity/aggregate, one item per user with counts', async () => {
		const result = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityAggregate', ...range, returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs[0].path).toBe('/v2/stats/activity/aggregate');
		expect(reqs[0].body).toEqual({ filter: range });
		expect(reqs.length).toBeGreaterThan(1);
		expect(reqs[1].body.cursor).toBeTruthy();
		expect(result.items.length).toBeGreaterThan(5);
		expect(new Set(result.json.map((r) => r.userId)).size).toBe(result.items.length);
		expect(typeof (result.json[0].userAggregateActivityStats as any).callsAsHost).toBe('number');
	});

	test('Get Activity Aggregate by Period: aggregationPeriod at the top level of the body, one entry per month', async () => {
		const user = gong.sandbox.state.users[2];
		const result = await gong.run({
			parameters: { resource: 'stats', operation: 'getActivityAggregateByPeriod', ...range, aggregationPeriod: 'MONTH', returnAll: true, filters: { userIds: [user.id] } },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.path).toBe('/v2/stats/activity/aggregate-by-period');
		expect(req.body).toEqual({ filter: { ...range, userIds: [user.id] }, aggregationPeriod: 'MONTH' });
		expect(result.items).toHaveLength(1);
		expect((result.json[0].userAggregateActivity as any[]).map((p) => p.fromDate)).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Get Activity Aggregate by Period: an unknown period is refused before any request', async () => {
		const result = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityAggregateByPeriod', ...range, aggregationPeriod: '={{ "FORTNIGHT" }}' } });
		expect(result.error!.message).toMatch(/Parameter "Aggregation Period" \(aggregationPeriod\): "FORTNIGHT" is not one of DAY, MONTH, QUARTER, WEEK, YEAR/);
		expect(gong.requests()).toHaveLength(0);
	});
});
