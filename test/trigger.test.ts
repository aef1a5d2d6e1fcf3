import type { IDataObject } from 'n8n-workflow';

import { useGong } from './helpers';

const { PollContext } = require('n8n-core');
const { MAX_FAULT_RETRIES } = require('../nodes/shared/transport');

/**
 * Gong Trigger through n8n-core's real PollContext against the sandbox. Time is simulated: Date.now
 * (used by the trigger, the transport's pacing and the sandbox's "visibleAt") runs `clock.offset`
 * ahead of the real clock, so hours pass between polls without waiting.
 */

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const realNow = Date.now.bind(Date);
const clock = { offset: 0 };
const now = () => Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

beforeEach(() => {
	clock.offset = 0;
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clock.offset);
});
afterEach(() => {
	jest.restoreAllMocks();
});

describe('Gong Trigger', () => {
	const gong = useGong();

	beforeEach(() => {
		// Every test starts with an empty Gong (the seeded calls are from 2025 anyway).
		gong.sandbox.state.calls.splice(0);
	});

	let nextId = 7000000000000000000n;
	/** Adds a call with a 19-digit id (kept as a string end to end). */
	function addCall(partial: IDataObject = {}): string {
		nextId += 1n;
		const id = String(partial.id ?? nextId);
		gong.sandbox.addCall({ ...partial, id });
		return id;
	}
	const sandboxCall = (id: string) => gong.sandbox.state.calls.find((c: any) => c.id === id);
	const listRequests = () => gong.requests().filter((r) => r.path === '/v2/calls');
	const ids = (result: any): string[] => (result.items ?? []).map((i: any) => i.json.id);

	/** One poll; `staticData` is mutated like n8n's. Returns the emitted ids and the items. */
	async function poll(parameters: IDataObject, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
		const result = await gong.poll({ parameters, staticData, mode });
		return { ...result, ids: ids(result) };
	}

	test('multi-poll scenario: late calls, web conferences, equal start times, restart, 429, 500, uncommitted re-run — every call exactly once', async () => {
		const params = { lookbackHours: 6 };
		const T0 = now();
		// Already there at activation: never emitted.
		const old = [
			addCall({ started: iso(T0 - 3 * HOUR) }),
			addCall({ started: iso(T0 - 2 * HOUR + 5 * MIN), scheduled: iso(T0 - 2 * HOUR), isWebConference: true }),
			addCall({ started: iso(T0 - 1 * HOUR), isPrivate: true }),
		];

		// Poll 1: first activation records the window, emits nothing.
		let sd: IDataObject = {};
		let r = await poll(params, sd);
		expect(r.items).toBeNull();
		sd = r.staticData;
		expect(Object.keys(sd.seen as IDataObject).sort()).toEqual([...old].sort());
		expect(listRequests()).toHaveLength(1);
		const firstWindowEnd = sd.windowEnd as number;
		expect(listRequests()[0].query.fromDateTime).toBe(iso(firstWindowEnd - 6 * HOUR).replace('.000Z', 'Z'));

		const emitted: string[] = [];
		const expected: string[] = [];
		const track = (list: string[]) => {
			emitted.push(...list);
		};

		// New calls: three with the same start second (ids out of order), web conferences filtered on
		// their scheduled time, a late one (processed hours after its start), a private one.
		const sameSecond = iso(Math.floor((T0 - 30 * MIN) / 1000) * 1000);
		const c3 = addCall({ id: '7100000000000000003', started: sameSecond });
		const c1 = addCall({ id: '7100000000000000001', started: sameSecond });
		const c2 = addCall({ id: '7100000000000000002', started: sameSecond });
		const wEarly = addCall({ started: iso(T0 - 25 * MIN), scheduled: iso(T0 - 20 * MIN), isWebConference: true });
		const wLate = addCall({ started: iso(T0 - 8 * MIN), scheduled: iso(T0 - 10 * MIN), isWebConference: true });
		// Started before the window, scheduled inside it: Gong files it under its scheduled time.
		const wStartedBefore = addCall({ started: iso(T0 - 7 * HOUR), scheduled: iso(T0 - 40 * MIN), isWebConference: true });
		// Started 15 min ago but scheduled in 2 h: Gong lists it only once its scheduled time is in the window.
		const wFuture = addCall({ started: iso(T0 - 15 * MIN), scheduled: iso(T0 + 2 * HOUR), isWebConference: true });
		const late = addCall({ started: iso(T0 - 4 * HOUR), visibleAt: T0 + 1000 * HOUR });
		addCall({ started: iso(T0 - 5 * MIN), isPrivate: true });
		expected.push(c1, c2, c3, wEarly, wLate, wStartedBefore, wFuture, late);

		// Poll 2 (+5 min): the visible new calls, by start time then id.
		clock.offset += 5 * MIN;
		gong.sandbox.clearRequests();
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([wStartedBefore, c1, c2, c3, wEarly, wLate]);
		expect(listRequests()[0].query.fromDateTime).toBe(iso(firstWindowEnd - 6 * HOUR).replace('.000Z', 'Z'));
		expect(r.items[0].json.id).toEqual(expect.any(String));
		track(r.ids);

		// Poll 3 (+5 min): Gong finishes processing the call that started 4 h ago.
		clock.offset += 5 * MIN;
		sandboxCall(late).visibleAt = now();
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([late]);
		track(r.ids);

		// Poll 4: a 429 with Retry-After 1 is waited out by the transport; the poll succeeds.
		clock.offset += 5 * MIN;
		const n1 = addCall({ started: iso(now() - 3 * MIN) });
		expected.push(n1);
		gong.sandbox.clearRequests();
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1 });
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([n1]);
		expect(gong.requests().map((q) => q.status)).toEqual([429, 200]);
		track(r.ids);

		// Poll 5: one 500 is retried by the transport (GET is safe to repeat).
		clock.offset += 5 * MIN;
		const n2 = addCall({ started: iso(now() - 2 * MIN) });
		expected.push(n2);
		gong.sandbox.failNext(1, { status: 500 });
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([n2]);
		track(r.ids);

		// Poll 6: 500s until the transport gives up → the poll throws, the state is untouched.
		clock.offset += 5 * MIN;
		const n3 = addCall({ started: iso(now() - 2 * MIN) });
		expected.push(n3);
		const before = copy(sd);
		gong.sandbox.clearRequests();
		gong.sandbox.failNext(MAX_FAULT_RETRIES + 1, { status: 500 });
		await expect(poll(params, sd)).rejects.toThrow(/500/);
		expect(gong.requests()).toHaveLength(MAX_FAULT_RETRIES + 1);
		expect(copy(sd)).toEqual(before);

		// Poll 7: the same window again; n3 is emitted now.
		clock.offset += 5 * MIN;
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([n3]);
		track(r.ids);

		// Restart: n8n persisted the static data as JSON and loads it into a new process.
		sd = copy(sd);
		clock.offset += 5 * MIN;
		gong.sandbox.clearRequests();
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.items).toBeNull();
		expect(gong.requests()).toHaveLength(1); // nothing new = one request

		// n8n 2.x could not commit a poll's state and runs the window again on the old state:
		// the same calls come again (the first output was never committed), then never again.
		clock.offset += 5 * MIN;
		const n4 = addCall({ started: iso(now() - 1 * MIN) });
		expected.push(n4);
		const committed = copy(sd);
		const lost = await poll(params, copy(committed));
		expect(lost.ids).toEqual([n4]);
		r = await poll(params, copy(committed));
		expect(r.ids).toEqual([n4]);
		sd = r.staticData;
		track(r.ids);
		clock.offset += 1 * MIN;
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.items).toBeNull();

		// +2 h: the web conference scheduled for T0 + 2 h enters the window.
		clock.offset += 2 * HOUR;
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([wFuture]);
		track(r.ids);

		// +8 h of quiet polls: everything falls out of the window and is forgotten.
		for (let i = 0; i < 4; i++) {
			clock.offset += 2 * HOUR;
			r = await poll(params, sd);
			sd = r.staticData;
			expect(r.items).toBeNull();
		}
		expect(sd.seen).toEqual({});

		expect(emitted).toHaveLength(expected.length);
		expect(new Set(emitted)).toEqual(new Set(expected));
	});

	test('first activation emits nothing old; "last N hours" emits the calls of those hours, sorted', async () => {
		const T0 = now();
		const h1 = addCall({ started: iso(T0 - 1 * HOUR) });
		const h5 = addCall({ started: iso(T0 - 5 * HOUR) });
		addCall({ started: iso(T0 - 10 * HOUR) });
		addCall({ started: iso(T0 - 30 * HOUR) }); // outside the 24 h window
		const plain = await poll({ lookbackHours: 24 }, {});
		expect(plain.items).toBeNull();
		expect(Object.keys(plain.staticData.seen)).toHaveLength(3);

		const withHours = await poll({ lookbackHours: 24, options: { firstRunHours: 6 } }, {});
		expect(withHours.ids).toEqual([h5, h1]);
		clock.offset += MIN;
		const again = await poll({ lookbackHours: 24, options: { firstRunHours: 6 } }, withHours.staticData);
		expect(again.items).toBeNull();

		// Asking for more hours than the lookback widens the first window.
		const wide = await poll({ lookbackHours: 2, options: { firstRunHours: 36 } }, {});
		expect(wide.ids).toHaveLength(4);
	});

	test('manual mode ("Fetch Test Event") returns the most recent matching call, enriched, and leaves static data alone', async () => {
		const T0 = now();
		addCall({ started: iso(T0 - 3 * HOUR) });
		const recent = addCall({ started: iso(T0 - 30 * MIN) });
		addCall({ started: iso(T0 - 10 * MIN), isPrivate: true });
		const state = { v: 1, scope: '', windowEnd: T0 - HOUR, floor: 0, seen: { '1': T0 } };
		const before = copy(state);
		const r = await poll({ lookbackHours: 24, includeTranscript: true, includeExtendedData: true, dataToInclude: ['parties'] }, state, 'manual');
		expect(r.ids).toEqual([recent]);
		expect(r.items[0].json.transcript.length).toBeGreaterThan(0);
		expect(r.items[0].json.parties.length).toBeGreaterThan(0);
		expect(copy(r.staticData)).toEqual(before);
		// The newest hour had a call: one list request, then the two enrichment requests.
		expect(gong.requests().map((q) => q.path)).toEqual(['/v2/calls', '/v2/calls/transcript', '/v2/calls/extensive']);

		const empty = {};
		gong.sandbox.state.calls.splice(0);
		await expect(poll({ lookbackHours: 12 }, empty, 'manual')).rejects.toThrow(/No Gong call found in the last 12 hours \(private calls excluded\)/);
		expect(empty).toEqual({});
	});

	test('private calls are excluded (and never emitted later); primary-user and workspace filters', async () => {
		const T0 = now();
		const users = gong.sandbox.state.users.filter((u: any) => !u.isAvatar && u.active);
		let sd = (await poll({ lookbackHours: 4 }, {})).staticData;
		const priv = addCall({ started: iso(T0 - 20 * MIN), isPrivate: true, primaryUserId: users[0].id });
		const mine = addCall({ started: iso(T0 - 19 * MIN), primaryUserId: users[0].id });
		const theirs = addCall({ started: iso(T0 - 18 * MIN), primaryUserId: users[1].id });
		clock.offset += MIN;
		const r = await poll({ lookbackHours: 4, options: { primaryUserIds: [users[0].id] } }, sd);
		expect(r.ids).toEqual([mine]);
		sd = r.staticData;
		// Skipped calls are remembered: removing the filters later does not flood old calls.
		expect(Object.keys(sd.seen)).toEqual(expect.arrayContaining([priv, theirs]));
		clock.offset += MIN;
		expect((await poll({ lookbackHours: 4, excludePrivateCalls: false }, sd)).items).toBeNull();

		// Workspace: sent as workspaceId; switching workspaces starts over without emitting old calls.
		const ws = gong.sandbox.state.workspaces[1].id;
		addCall({ started: iso(T0 - 10 * MIN), workspaceId: ws });
		gong.sandbox.clearRequests();
		clock.offset += MIN;
		const switched = await poll({ lookbackHours: 4, options: { workspaceId: { __rl: true, mode: 'id', value: ws } } }, sd);
		expect(switched.items).toBeNull();
		expect(listRequests()[0].query.workspaceId).toBe(ws);
		expect(switched.staticData.scope).toBe(ws);
		const inWs = addCall({ started: iso(T0 - 5 * MIN), workspaceId: ws });
		addCall({ started: iso(T0 - 5 * MIN), workspaceId: gong.sandbox.state.workspaces[0].id });
		clock.offset += MIN;
		const next = await poll({ lookbackHours: 4, options: { workspaceId: { __rl: true, mode: 'id', value: ws } } }, switched.staticData);
		expect(next.ids).toEqual([inWs]);
	});

	test('extended data + transcripts: 150 new calls → 2 list, 2 transcript and 2 extensive requests of ≤100 ids; nothing new = listing only', async () => {
		const params = {
			lookbackHours: 24,
			includeTranscript: true,
			includeExtendedData: true,
			dataToInclude: ['parties', 'brief', 'speakers'],
			crmContext: 'Basic',
		};
		let sd = (await poll(params, {})).staticData;
		expect(gong.requests()).toHaveLength(1); // empty window: 404 = no calls
		expect(gong.requests()[0].status).toBe(404);
		const T0 = now();
		const added: string[] = [];
		for (let i = 0; i < 150; i++) added.push(addCall({ started: iso(T0 - (200 - i) * MIN) }));
		clock.offset += MIN;
		gong.sandbox.clearRequests();
		const r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual(added);
		const reqs = gong.requests();
		expect(reqs.map((q) => q.path)).toEqual(['/v2/calls', '/v2/calls', '/v2/calls/transcript', '/v2/calls/transcript', '/v2/calls/extensive', '/v2/calls/extensive']);
		const ext = reqs.filter((q) => q.path === '/v2/calls/extensive');
		expect(ext.map((q) => q.body.filter.callIds.length)).toEqual([100, 50]);
		expect(ext[0].body.contentSelector).toEqual({ context: 'Basic', exposedFields: { parties: true, content: { brief: true }, interaction: { speakers: true } } });
		expect(reqs.filter((q) => q.path === '/v2/calls/transcript').map((q) => q.body.filter.callIds.length)).toEqual([100, 50]);
		const item = r.items[0].json;
		expect(item.id).toBe(added[0]);
		expect(item.url).toEqual(expect.any(String)); // basic data
		expect(item.parties.length).toBeGreaterThan(0); // extended data
		expect(item.content.brief).toBeDefined();
		expect(item.transcript.length).toBeGreaterThan(0);
		expect(item.metaData).toBeUndefined();
		expect(item.transcriptMissing).toBeUndefined();

		clock.offset += MIN;
		gong.sandbox.clearRequests();
		expect((await poll(params, sd)).items).toBeNull();
		// Nothing new: only the listing (150 calls = 2 pages), no enrichment request.
		expect(gong.requests().map((q) => q.path)).toEqual(['/v2/calls', '/v2/calls']);
	});

	test('"Emit Only When Transcript Is Ready": held calls are re-checked with backoff, emitted once ready, or at their last chance flagged transcriptMissing', async () => {
		const params = { lookbackHours: 2, includeTranscript: true, options: { waitForTranscript: true } };
		let sd = (await poll(params, {})).staticData;
		const T0 = now();
		const notYet = addCall({ started: iso(T0 - 30 * MIN), transcript: [] });
		const ready = addCall({ started: iso(T0 - 20 * MIN) });
		const leaving = addCall({ started: iso(T0 - 115 * MIN), transcript: [] });

		clock.offset += MIN;
		let r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([ready]);
		expect(Object.keys(sd.pending).sort()).toEqual([notYet, leaving].sort());
		expect(sd.seen[notYet]).toBeUndefined();

		// Held calls are not checked again before 5 min: this poll costs one request.
		clock.offset += MIN;
		const pendingBefore = copy(sd.pending);
		gong.sandbox.clearRequests();
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.items).toBeNull();
		expect(gong.requests()).toHaveLength(1);
		expect(copy(sd.pending)).toEqual(pendingBefore);

		// A failure while fetching transcripts leaves everything as it was.
		clock.offset += 5 * MIN;
		const before = copy(sd);
		gong.sandbox.failNext(1, { status: 403, match: { path: '/v2/calls/transcript' } });
		await expect(poll(params, sd)).rejects.toThrow(/403/);
		expect(copy(sd)).toEqual(before);

		// The transcript arrives; the other call is about to leave the 2 h window.
		sandboxCall(notYet).transcript = [{ speakerId: null, topic: 'Pricing', sentences: [{ start: 0, end: 2000, text: 'Hello' }] }];
		clock.offset += 3 * MIN;
		gong.sandbox.clearRequests();
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([leaving, notYet]);
		expect(r.items[0].json.transcriptMissing).toBe(true);
		expect(r.items[0].json.transcript).toEqual([]);
		expect(r.items[1].json.transcript[0].sentences[0].text).toBe('Hello');
		expect(r.items[1].json.transcriptMissing).toBeUndefined();
		expect(sd.pending).toBeUndefined();

		clock.offset += MIN;
		expect((await poll(params, sd)).items).toBeNull();
	});

	test('pruning keeps static data bounded by the window; raising the lookback later does not re-emit forgotten calls', async () => {
		const params = { lookbackHours: 2 };
		let sd = (await poll(params, {})).staticData;
		const emitted: string[] = [];
		const added: string[] = [];
		let maxSeen = 0;
		for (let step = 0; step < 12; step++) {
			for (let k = 0; k < 5; k++) added.push(addCall({ started: iso(now() - (10 + k) * MIN) }));
			clock.offset += 30 * MIN;
			const r = await poll(params, sd);
			sd = r.staticData;
			emitted.push(...r.ids);
			maxSeen = Math.max(maxSeen, Object.keys(sd.seen).length);
		}
		expect(emitted.sort()).toEqual([...added].sort());
		// 2 h window polled every 30 min with 5 calls per step: at most ~5 steps of calls remembered.
		expect(maxSeen).toBeLessThanOrEqual(25);
		expect(Object.keys(sd.seen).length).toBeLessThanOrEqual(25);
		expect(JSON.stringify(sd).length).toBeLessThan(2000);
		expect(sd.floor).toBe((sd.windowEnd as number) - 2 * HOUR);

		clock.offset += MIN;
		const wider = await poll({ lookbackHours: 24 }, sd);
		expect(wider.items).toBeNull();
	});

	test('poll time budget (n8n 2.x): a long backlog is listed page by page across polls, without loss', async () => {
		const T0 = now();
		for (let i = 0; i < 150; i++) addCall({ started: iso(T0 - (300 - i) * MIN) });
		PollContext.prototype.getPollBudgetMs = () => 1;
		try {
			// First activation with a backlog: the baseline is also recorded page by page.
			let r = await poll({ lookbackHours: 24 }, {});
			expect(r.items).toBeNull();
			expect(r.staticData.resume.cursor).toEqual(expect.any(String));
			expect(Object.keys(r.staticData.seen)).toHaveLength(100);
			r = await poll({ lookbackHours: 24 }, r.staticData);
			expect(r.items).toBeNull();
			expect(r.staticData.resume).toBeUndefined();
			let sd = r.staticData;
			expect(Object.keys(sd.seen)).toHaveLength(150);

			const added: string[] = [];
			for (let i = 0; i < 250; i++) added.push(addCall({ started: iso(T0 - (260 - i) * 30 * 1000) }));
			clock.offset += MIN;
			const windowEnd = sd.windowEnd;
			const emitted: string[] = [];
			const pagesPerPoll: number[] = [];
			const perPoll: number[] = [];
			for (let i = 0; i < 10 && emitted.length < 250; i++) {
				gong.sandbox.clearRequests();
				r = await poll({ lookbackHours: 24 }, sd);
				sd = r.staticData;
				pagesPerPoll.push(listRequests().length);
				emitted.push(...r.ids);
				perPoll.push(r.ids.length);
				if (sd.resume) expect(sd.windowEnd).toBe(windowEnd);
				if (i === 1) {
					// A resumed poll continues the same window with Gong's cursor.
					expect(listRequests()[0].query.cursor).toEqual(expect.any(String));
				}
			}
			// 400 calls in the window (150 old ones first) = 4 pages, one per poll; 100 enriched-free calls each.
			expect(pagesPerPoll).toEqual([1, 1, 1, 1]);
			expect(perPoll).toEqual([0, 50, 100, 100]);
			expect(emitted).toHaveLength(250);
			expect(new Set(emitted)).toEqual(new Set(added));
			expect(sd.resume).toBeUndefined();

			// A stored cursor Gong refuses: the window is listed again from its start, nothing lost.
			const more: string[] = [];
			for (let i = 0; i < 120; i++) more.push(addCall({ started: iso(T0 - (200 - i) * 1000) }));
			clock.offset += MIN;
			r = await poll({ lookbackHours: 24 }, sd);
			sd = r.staticData;
			const got = [...r.ids];
			sd.resume.cursor = 'not-a-valid-cursor';
			for (let i = 0; i < 10 && got.length < 120; i++) {
				r = await poll({ lookbackHours: 24 }, sd);
				sd = r.staticData;
				got.push(...r.ids);
			}
			expect(new Set(got)).toEqual(new Set(more));
			expect(got).toHaveLength(120);
		} finally {
			delete PollContext.prototype.getPollBudgetMs;
		}
	});

	test('errors: the first poll throws and stores nothing; bad parameters are named', async () => {
		const sd: IDataObject = {};
		gong.sandbox.failNext(1, { status: 401 });
		await expect(poll({ lookbackHours: 24 }, sd)).rejects.toThrow(/401/);
		expect(sd).toEqual({});
		await expect(poll({ lookbackHours: 500 }, sd)).rejects.toThrow(/Lookback \(Hours\).*between 1 and 168/);
		await expect(poll({ lookbackHours: 24, options: { primaryUserIds: ['abc'] } }, sd)).rejects.toThrow(/Primary User IDs/);
		expect(gong.requests()).toHaveLength(1);
	});
});
