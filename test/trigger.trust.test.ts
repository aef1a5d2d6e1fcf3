import type { IDataObject } from 'n8n-workflow';

import { useGong } from './helpers';

const { PollContext } = require('n8n-core');
const { Container } = require('@n8n/di');
const { Logger } = require('@n8n/backend-common');
const { DEFAULT_LEASE_MS } = require('../nodes/GongTrigger/lease');
const { MAX_SEEN } = require('../nodes/GongTrigger/state');

/**
 * Issue 11 (trigger): overlapping polls and clock jumps. The Gong Trigger runs through n8n-core's
 * real PollContext against the sandbox. Time is simulated as in trigger.test.ts: Date.now runs
 * `clock.offset` ahead of (or behind) the real clock — for the trigger, the transport and the
 * sandbox alike. Call times are set by the test ("Gong's clock").
 */

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const realNow = Date.now.bind(Date);
const clock = { offset: 0 };
const now = () => Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

let warnings: string[] = [];
beforeEach(() => {
	clock.offset = 0;
	warnings = [];
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clock.offset);
	jest.spyOn(Container.get(Logger), 'warn').mockImplementation((message: unknown) => {
		warnings.push(String(message));
	});
	jest.spyOn(Container.get(Logger), 'info').mockImplementation(() => undefined);
});
afterEach(() => {
	jest.restoreAllMocks();
});

describe('Gong Trigger: overlapping polls and clock jumps', () => {
	const gong = useGong();

	beforeEach(() => {
		gong.sandbox.state.calls.splice(0);
	});

	let nextId = 7300000000000000000n;
	function addCall(partial: IDataObject = {}): string {
		nextId += 1n;
		const id = String(partial.id ?? nextId);
		gong.sandbox.addCall({ ...partial, id });
		return id;
	}
	const ids = (result: any): string[] => (result.items ?? []).map((i: any) => i.json.id);
	const listRequests = () => gong.requests().filter((r) => r.path === '/v2/calls');

	async function poll(parameters: IDataObject, staticData: IDataObject) {
		const result = await gong.poll({ parameters, staticData, mode: 'trigger' });
		return { ...result, ids: ids(result) };
	}

	const params = { lookbackHours: 6 };

	test('two polls at once on the same static data: each call is emitted once, the one seen only by the skipped poll comes on the next poll', async () => {
		const T0 = now();
		addCall({ started: iso(T0 - 2 * HOUR) });
		const sd: IDataObject = {};
		expect((await poll(params, sd)).items).toBeNull();

		const a = addCall({ started: iso(T0 - 20 * MIN) });
		const b = addCall({ started: iso(T0 - 10 * MIN) });
		clock.offset += MIN;
		gong.sandbox.clearRequests();
		// The first poll is slowed by a 429 (waited out for 1 s), so the second starts while it runs.
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1 });
		const first = poll(params, sd);
		clock.offset += MIN;
		const second = poll(params, sd);
		// Started after the first poll's window ended, before the second's: only the skipped poll would list it.
		const c = addCall({ started: iso(now() - 30 * 1000) });
		const [r1, r2] = await Promise.all([first, second]);

		expect(r2.items).toBeNull(); // skipped: another poll of this trigger was running
		expect(r1.ids).toEqual([a, b]);
		// Only the first poll talked to Gong (the 429, then its listing).
		expect(gong.requests().map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual(['GET /v2/calls 429', 'GET /v2/calls 200']);
		expect(sd.lease).toBeUndefined(); // released, not persisted as state

		clock.offset += MIN;
		const r3 = await poll(params, sd);
		expect(r3.ids).toEqual([c]);
		clock.offset += MIN;
		expect((await poll(params, sd)).items).toBeNull();
	});

	test('two polls at once with a private copy of the static data each (n8n 2.x durable cursors): the second is skipped all the same', async () => {
		// Both polls belong to the same workflow and node; n8n hands each a copy of the committed state.
		jest.spyOn(PollContext.prototype, 'getWorkflow').mockReturnValue({ id: 'wf-overlap', name: 'Overlap', active: true });
		const T0 = now();
		const committed = (await poll(params, {})).staticData;
		const a = addCall({ started: iso(T0 - 20 * MIN) });
		clock.offset += MIN;
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1 });
		const first = poll(params, copy(committed));
		const second = poll(params, copy(committed));
		const [r1, r2] = await Promise.all([first, second]);
		expect([...r1.ids, ...r2.ids]).toEqual([a]);
		expect(r2.items).toBeNull();
		// The registry entry is gone once the poll ended: the next poll runs.
		clock.offset += MIN;
		const b = addCall({ started: iso(now() - MIN) });
		expect((await poll(params, copy(r1.staticData))).ids).toEqual([b]);
	});

	test('a poll that outlasts its lease is taken over: the late one discards its result, no call twice, none lost', async () => {
		const T0 = now();
		const sd: IDataObject = {};
		await poll(params, sd);
		const a = addCall({ started: iso(T0 - 20 * MIN) });
		clock.offset += MIN;
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1 });
		const stuck = poll(params, sd);
		// The stuck poll holds the lease; a poll now is skipped…
		expect((await poll(params, sd)).items).toBeNull();
		// …until the lease has expired: then the next poll takes over.
		clock.offset += DEFAULT_LEASE_MS + MIN;
		const b = addCall({ started: iso(now() - MIN) });
		const takeover = await poll(params, sd);
		expect(takeover.ids).toEqual([a, b]);
		const late = await stuck;
		expect(late.items).toBeNull();
		expect(warnings.some((w) => /outlasted its lease/.test(w))).toBe(true);
		clock.offset += MIN;
		expect((await poll(params, sd)).items).toBeNull();
		expect(sd.seen).toEqual(expect.objectContaining({ [a]: expect.any(Number), [b]: expect.any(Number) }));
	});

	test('a lease left in static data by another process (n8n restarted mid-poll) does not block', async () => {
		const T0 = now();
		let sd = (await poll(params, {})).staticData;
		sd = copy(sd);
		sd.lease = { owner: 'another-process:1', until: now() + 10 * MIN };
		const a = addCall({ started: iso(T0 - 5 * MIN) });
		clock.offset += MIN;
		const r = await poll(params, sd);
		expect(r.ids).toEqual([a]);
		expect(r.staticData.lease).toBeUndefined();
	});

	test('a lease of this process dated far ahead (clock jumped back during a poll) does not block the trigger', async () => {
		const T0 = now();
		const sd: IDataObject = {};
		await poll(params, sd);
		clock.offset += MIN;
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1 });
		const running = poll(params, sd);
		const held = copy(sd.lease) as IDataObject;
		expect(held).toEqual({ owner: expect.any(String), until: expect.any(Number) });
		await running;
		expect(sd.lease).toBeUndefined();
		// The same owner's lease, but a year ahead of the clock: not a live lease.
		sd.lease = { owner: held.owner, until: now() + 365 * DAY };
		const a = addCall({ started: iso(T0 - MIN) });
		clock.offset += MIN;
		const r = await poll(params, sd);
		expect(r.ids).toEqual([a]);
		expect(sd.lease).toBeUndefined();
	});

	test('clock jumps forward by days, then back: no call twice, calls from during and after the jump are emitted on the next polls', async () => {
		const T0 = now();
		const old = addCall({ started: iso(T0 - HOUR) });
		let sd = (await poll(params, {})).staticData;
		const emitted: string[] = [];

		clock.offset += 5 * MIN;
		const a1 = addCall({ started: iso(T0 + 2 * MIN) });
		let r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([a1]);
		emitted.push(...r.ids);

		// Gong lists a2 (started before the jump) on the first poll of the jumped clock.
		const a2 = addCall({ started: iso(T0 + 4 * MIN) });
		clock.offset += 3 * DAY;
		r = await poll(params, sd);
		sd = r.staticData;
		expect(r.ids).toEqual([a2]);
		emitted.push(...r.ids);
		// More polls while the clock is 3 days ahead: their windows lie in the future.
		const a3 = addCall({ started: iso(T0 + 6 * MIN) }); // really started now, during the jump
		for (let i = 0; i < 3; i++) {
			clock.offset += 5 * MIN;
			r = await poll(params, sd);
			sd = r.staticData;
			emitted.push(...r.ids);
		}
		expect(sd.windowEnd).toBeGreaterThan(T0 + 3 * DAY);
		// The floor never passes the newest call Gong listed: a clock running ahead forgets nothing new.
		expect(sd.floor).toBeLessThanOrEqual(T0 + 4 * MIN + 1);

		// The clock jumps back to the true time. The transport's pacing waits on a monotonic clock,
		// so the jump does not stretch its schedule either (nothing is reset here).
		clock.offset = 10 * MIN;
		const a4 = addCall({ started: iso(now() - 30 * 1000) });
		warnings = [];
		r = await poll(params, sd);
		sd = r.staticData;
		emitted.push(...r.ids);
		expect(r.ids).toEqual([a3, a4]);
		expect(warnings.join('\n')).toMatch(/window end .* in the future/);
		expect(sd.windowEnd).toBeLessThanOrEqual(now());

		clock.offset += 5 * MIN;
		const a5 = addCall({ started: iso(now() - MIN) });
		warnings = [];
		r = await poll(params, sd);
		sd = r.staticData;
		emitted.push(...r.ids);
		expect(r.ids).toEqual([a5]);
		expect(warnings).toEqual([]); // repaired state was committed: no warning again

		expect(emitted).toEqual([a1, a2, a3, a4, a5]);
		expect(emitted).not.toContain(old);
	});

	test('a trigger that has not listed any call yet: a clock jump ahead and back does not silence it either', async () => {
		let sd = (await poll(params, {})).staticData; // empty Gong
		clock.offset += 2 * DAY;
		sd = (await poll(params, sd)).staticData;
		expect(sd.floor).toBe(0); // nothing listed: the clock alone does not move the floor
		clock.offset = 5 * MIN;
		const a = addCall({ started: iso(now() - MIN) });
		const r = await poll(params, sd);
		expect(r.ids).toEqual([a]);
		expect(warnings.join('\n')).toMatch(/window end .* in the future/);
	});

	test('a stored window end and floor a year in the future are recovered from with a warning; new calls are emitted', async () => {
		const T0 = now();
		const known = addCall({ started: iso(T0 - 30 * MIN) });
		const committed = (await poll(params, {})).staticData;
		const yearAhead = T0 + 365 * DAY;
		const sd = { ...copy(committed), windowEnd: yearAhead, floor: yearAhead - 6 * HOUR };
		const fresh = addCall({ started: iso(T0 - 5 * MIN) });
		clock.offset += MIN;
		gong.sandbox.clearRequests();
		const r = await poll(params, sd);
		expect(r.ids).toEqual([fresh]); // not the known call, not silence for a year
		expect(warnings.join('\n')).toMatch(/window end .* in the future/);
		expect(warnings.join('\n')).toMatch(/floor .* in the future/);
		// The window is the lookback before now, not before the stored year-ahead end.
		expect(Date.parse(listRequests()[0].query.fromDateTime)).toBeLessThanOrEqual(now() - 6 * HOUR);
		expect(Date.parse(listRequests()[0].query.toDateTime)).toBeLessThanOrEqual(now());
		expect(r.staticData.windowEnd).toBeLessThanOrEqual(now());
		// Calls up to the newest one listed before (the known call) count as known.
		expect(r.staticData.floor).toBe(Date.parse(sandboxCall(known).started) + 1);
		clock.offset += MIN;
		expect((await poll(params, r.staticData)).items).toBeNull();
	});

	test('garbage static data is recovered from with a warning: wrong types, NaN, strings, huge lists, future re-checks', async () => {
		const T0 = now();
		const known = addCall({ started: iso(T0 - 40 * MIN) });
		const committed = (await poll({ ...params, includeTranscript: true, options: { waitForTranscript: true } }, {})).staticData;

		// 1. Salvageable: the seen IDs are kept, broken fields repaired.
		const huge: Record<string, unknown> = {};
		for (let i = 0; i < MAX_SEEN + 500; i++) huge[String(1000000 + i)] = T0 - 3 * HOUR + i;
		Object.assign(huge, copy(committed.seen), { 'not-an-id': T0, '123': 'yesterday', '124': NaN, '125': null });
		const held = addCall({ started: iso(T0 - 20 * MIN), transcript: [] });
		const sd: IDataObject = {
			v: 1,
			scope: '',
			windowEnd: 'soon',
			floor: Number.NaN,
			seen: huge,
			pending: { [held]: { t: T0 - 20 * MIN, n: 1, next: T0 + 300 * DAY }, '9': 'x' },
			resume: { from: 5, to: 'later', cursor: 42 },
			newest: T0 + 200 * DAY,
		};
		sandboxCall(held).transcript = [{ speakerId: null, topic: 'x', sentences: [{ start: 0, end: 1, text: 'Hi' }] }];
		const fresh = addCall({ started: iso(T0 - 5 * MIN) });
		clock.offset += MIN;
		let r = await poll({ ...params, includeTranscript: true, options: { waitForTranscript: true } }, sd);
		// The held call's far-future re-check is due now; the known call is not emitted again.
		expect(r.ids).toEqual([held, fresh]);
		const text = warnings.join('\n');
		for (const field of [/window end/, /floor/, /newest/, /invalid seen-call entries/, /kept the newest/, /held-call entries/, /re-check planned too far/, /resume point/]) expect(text).toMatch(field);
		expect(Object.keys(r.staticData.seen).length).toBeLessThanOrEqual(MAX_SEEN);
		expect(r.staticData.seen[known]).toBeDefined();
		expect(r.staticData.resume).toBeUndefined();
		expect(r.staticData.newest).toBeLessThanOrEqual(now());
		warnings = [];
		clock.offset += MIN;
		r = await poll(params, r.staticData);
		expect(r.items).toBeNull();
		expect(warnings).toEqual([]);

		// 2. Not a state at all: a first poll (nothing old emitted), then new calls as usual.
		for (const junk of [{ v: 1, scope: '', seen: [1, 2, 3], windowEnd: 1, floor: 1 }, { v: 'x' }, { v: 1, scope: 5, seen: {} }]) {
			warnings = [];
			const s = copy(junk) as IDataObject;
			const first = await poll(params, s);
			expect(first.items).toBeNull();
			expect(warnings.join('\n')).toMatch(/starting over/);
			const newer = addCall({ started: iso(now() - 30 * 1000) });
			clock.offset += MIN;
			expect((await poll(params, first.staticData)).ids).toEqual([newer]);
		}
	});

	const sandboxCall = (id: string) => gong.sandbox.state.calls.find((c: any) => c.id === id);
});
