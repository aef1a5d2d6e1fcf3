/**
 * Pacing across processes (queue mode): two copies of the pacing module (two "n8n processes",
 * jest.isolateModules) share one sandbox credential at Gong's 3/s and must find a way to share
 * the budget; the share adapts (smaller after collisions, one step more after a clean stretch,
 * undone when that step collides); a wall clock that jumps back never makes a request sleep for
 * the jump; a request meeting many 429s in a row keeps going while its total wait stays within
 * 10 × the credential's max wait, and fails with a clear message after that.
 * Counts and bounds only — no timing asserts.
 */
import * as http from 'http';

import { useGong } from './helpers';

type Pacing = typeof import('../nodes/shared/transport/pacing');

const { createSandbox } = require('./sandbox/server');

/** A fresh copy of the pacing module, as a separate n8n process would have. */
function pacingProcess(sleepMock?: (ms: number) => Promise<void>): Pacing {
	let mod: Pacing | undefined;
	jest.isolateModules(() => {
		if (sleepMock) {
			jest.doMock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: sleepMock }));
		}
		mod = require('../nodes/shared/transport/pacing');
	});
	jest.dontMock('n8n-workflow');
	return mod!;
}

function get(url: string, auth: string): Promise<{ status: number; retryAfter: number }> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { headers: { Authorization: auth } }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 1) }));
		});
		req.on('error', reject);
	});
}

describe('Pacing: two processes sharing one Gong company (sandbox at 3/s)', () => {
	let sandbox: any;
	beforeAll(async () => {
		sandbox = await createSandbox({ port: 0, rateLimit: { perSecond: 3, perDay: 100000 } });
	});
	afterAll(async () => {
		await sandbox?.close();
	});

	test('they converge to sharing the slots: every request answered, few 429s, both take a smaller share', async () => {
		const auth = sandbox.basicAuthHeader();
		const key = `${sandbox.url}|shared-credential`;
		const worker = async (pacing: Pacing, wanted: number) => {
			let ok = 0;
			let refused = 0;
			let maxShare = 1;
			// bounded: every turn is either an answer or a 429 (which holds ≥ 1 s)
			for (let turn = 0; ok < wanted && turn < wanted * 6; turn++) {
				await pacing.waitForSlot(key, 3);
				const res = await get(`${sandbox.url}/v2/workspaces`, auth);
				if (res.status === 429) {
					refused++;
					pacing.rateLimited(key, res.retryAfter * 1000);
				} else {
					expect(res.status).toBe(200);
					ok++;
					pacing.answered(key);
				}
				maxShare = Math.max(maxShare, pacing.pacingShare(key));
			}
			return { ok, refused, maxShare };
		};
		const [a, b] = await Promise.all([worker(pacingProcess(), 12), worker(pacingProcess(), 12)]);
		expect(a.ok).toBe(12);
		expect(b.ok).toBe(12);
		// Each process noticed the other and took a smaller share of the slots …
		expect(Math.max(a.maxShare, b.maxShare)).toBeGreaterThanOrEqual(2);
		// … so 429s stay a minority (two processes each pacing at the full 3/s would be refused about
		// every other time); generous bound for a loaded machine.
		const requests = sandbox.requests.filter((r: any) => r.path === '/v2/workspaces');
		const refused = requests.filter((r: any) => r.status === 429).length;
		expect(refused).toBe(a.refused + b.refused);
		expect(refused / requests.length).toBeLessThanOrEqual(0.35);
	});
});

describe('Pacing: the share adapts (monotonic clock mocked)', () => {
	let clock = 0;
	beforeEach(() => {
		clock = 1_000_000;
		jest.spyOn(performance, 'now').mockImplementation(() => clock);
	});
	afterEach(() => jest.restoreAllMocks());

	test('429 → half the slots; a next collision tries the other phase, then half again; one 429 after a clean stretch is noise', () => {
		const p = pacingProcess();
		const key = 'k';
		expect(p.pacingShare(key)).toBe(1);
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2);
		// a second 429 within the same collision (requests in flight together) counts once
		clock += 100;
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2);
		// next collision: the other phase at the same share
		clock += 3000;
		p.answered(key);
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2);
		// and the one after that: both phases tried → a quarter of the slots
		clock += 3000;
		p.answered(key);
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(4);
		// a single 429 after more than 10 s without one: only the hold, the share stays
		clock += 12_000;
		p.answered(key);
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(4);
	});

	test('a clean stretch of PROBE_AFTER_MS tries twice the rate; a 429 right after undoes it', () => {
		const p = pacingProcess();
		const key = 'k';
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2);
		clock += p.PROBE_AFTER_MS - 1000;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(2); // not yet
		clock += 2000;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(1); // the try
		clock += 500;
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2); // undone
		// the next try waits twice as long
		clock += p.PROBE_AFTER_MS + 1000;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(2);
		clock += p.PROBE_AFTER_MS;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(1);
		// a lone process stays at the full rate when nothing collides
		clock += 10_000;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(1);
	});

	test('a lone process that has run cleanly for a while takes one stray 429 as noise, a second as others', async () => {
		const p = pacingProcess(async () => undefined);
		const key = 'k';
		await p.waitForSlot(key, 3);
		clock += 15_000;
		p.answered(key);
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(1);
		clock += 3000;
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2);
	});

	test('the share never goes below 1 of MAX_SHARE slots', () => {
		const p = pacingProcess();
		for (let i = 0; i < 200; i++) {
			clock += 600;
			p.rateLimited('k', 1000);
		}
		expect(p.pacingShare('k')).toBe(p.MAX_SHARE);
	});
});

describe('Pacing: tries, buddies and restarts (monotonic clock mocked)', () => {
	let clock = 0;
	beforeEach(() => {
		clock = 1_000_000;
		jest.spyOn(performance, 'now').mockImplementation(() => clock);
	});
	afterEach(() => jest.restoreAllMocks());

	/** A fresh process that meets its first 429: half the slots. */
	function atShareTwo(p: Pacing, key: string) {
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(2);
	}

	/** A process that met others (half the slots), then was left alone and climbed back to the full rate. */
	async function sharedThenAlone() {
		const p = pacingProcess(async (ms: number) => {
			clock += ms;
		});
		const key = 'k';
		await p.waitForSlot(key, 3);
		clock += 1000;
		atShareTwo(p, key);
		const held = p.pacingState(key)!;
		// the others finish: a try after the base time, confirmed → full rate
		clock += p.PROBE_AFTER_MS + 1;
		p.answered(key);
		for (let i = 0; i < p.PROBE_CONFIRM_ANSWERS; i++) {
			await p.waitForSlot(key, 3);
			clock += p.PROBE_WINDOW_MS / 2;
			p.answered(key);
		}
		expect(p.pacingShare(key)).toBe(1);
		return { p, key, held };
	}

	test('a try is confirmed only after enough clean answers and time; then the next try comes soon', () => {
		const p = pacingProcess();
		const key = 'k';
		atShareTwo(p, key);
		p.rateLimited(key, 1000); // same collision: counted once
		clock += 2000;
		p.rateLimited(key, 1000); // the buddy half
		clock += 2000;
		p.rateLimited(key, 1000); // both halves tried: a quarter
		expect(p.pacingShare(key)).toBe(4);
		clock += p.PROBE_AFTER_MS + 1;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(2); // the try
		// time alone does not confirm it: a 429 after the window but before enough answers undoes it
		clock += p.PROBE_WINDOW_MS + 1000;
		p.answered(key);
		p.rateLimited(key, 1000);
		expect(p.pacingShare(key)).toBe(4);
		// the next try waits twice the base time: not after 1 ×, but after 2 ×
		clock += p.PROBE_AFTER_MS + 1;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(4);
		clock += p.PROBE_AFTER_MS;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(2);
		for (let i = 0; i < p.PROBE_CONFIRM_ANSWERS; i++) {
			clock += p.PROBE_WINDOW_MS / 2;
			p.answered(key);
		}
		expect(p.pacingShare(key)).toBe(2); // confirmed
		// the others have gone: the next step comes after PROBE_AGAIN_MS, not after the base time
		clock += p.PROBE_AGAIN_MS + 1;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(1);
	});

	test('collisions: first the other half of the slots, then always one of the two halves of its own slots', () => {
		for (let round = 0; round < 20; round++) {
			const p = pacingProcess();
			const key = 'k';
			clock += 60_000;
			atShareTwo(p, key);
			const first = p.pacingState(key)!;
			clock += 2000;
			p.rateLimited(key, 1000);
			const buddy = p.pacingState(key)!;
			expect(buddy).toEqual({ share: 2, phase: (first.phase + 1) % 2 });
			clock += 2000;
			p.rateLimited(key, 1000);
			const quarter = p.pacingState(key)!;
			expect(quarter.share).toBe(4);
			// inside the slots it held (phase ≡ buddy.phase mod 2), never in the other half
			expect(quarter.phase % 2).toBe(buddy.phase);
			// below half the slots no sideways move: the next collision halves again, inside
			clock += 2000;
			p.rateLimited(key, 1000);
			const eighth = p.pacingState(key)!;
			expect(eighth.share).toBe(8);
			expect(eighth.phase % 4).toBe(quarter.phase);
		}
	});

	test('deep shares try sooner: at 1/8 of the slots after half the base time', () => {
		const p = pacingProcess();
		const key = 'k';
		atShareTwo(p, key);
		// half → the other half → a quarter → an eighth (no sideways move below half the slots)
		for (const step of [2000, 2000, 2000]) {
			clock += step;
			p.rateLimited(key, 1000);
		}
		expect(p.pacingShare(key)).toBe(8);
		clock += p.PROBE_AFTER_MS / 2 - 1000;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(8);
		clock += 2000;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(4);
	});

	test('after an idle pause a process restarts at the share and phase it held among others; a lone one at full rate', async () => {
		const { p, key, held } = await sharedThenAlone();
		await p.waitForSlot(key, 3);
		expect(p.pacingShare(key)).toBe(1); // busy: stays at the full rate
		// the next schedule starts them all again: this process takes its old place
		clock += p.RESTART_IDLE_MS + 1000;
		await p.waitForSlot(key, 3);
		expect(p.pacingState(key)).toEqual(held);
		// … and tries the full rate again soon (not after the base time)
		clock += p.PROBE_AFTER_MS / 4;
		p.answered(key);
		expect(p.pacingShare(key)).toBe(1);

		// a lone process never met others: an idle pause changes nothing
		const lone = pacingProcess(async (ms: number) => {
			clock += ms;
		});
		await lone.waitForSlot(key, 3);
		clock += p.RESTART_IDLE_MS + 1000;
		await lone.waitForSlot(key, 3);
		expect(lone.pacingShare(key)).toBe(1);
	});

	test('the share held among others is forgotten after CONTENTION_MEMORY_MS', async () => {
		const { p, key } = await sharedThenAlone();
		clock += p.CONTENTION_MEMORY_MS + 1000;
		await p.waitForSlot(key, 3);
		expect(p.pacingShare(key)).toBe(1);
	});
});

describe('Pacing: a wall clock that jumps back an hour', () => {
	afterEach(() => jest.restoreAllMocks());

	test('the next request is not delayed by the jump (every wait stays within slots and holds)', async () => {
		// Simulated time: sleep() advances both clocks; the wall clock can be set back.
		let mono = 5_000_000;
		let wall = Date.UTC(2026, 0, 1, 12);
		const waits: number[] = [];
		const p = pacingProcess(async (ms: number) => {
			waits.push(ms);
			mono += ms;
			wall += ms;
		});
		jest.spyOn(performance, 'now').mockImplementation(() => mono);
		jest.spyOn(Date, 'now').mockImplementation(() => wall);
		const key = 'jump';
		for (let i = 0; i < 5; i++) await p.waitForSlot(key, 3);
		wall -= 3_600_000; // NTP / the operator sets the clock back by an hour
		for (let i = 0; i < 5; i++) await p.waitForSlot(key, 3);
		// a 429 just before another jump: the hold is kept on the monotonic clock, not the wall clock
		p.rateLimited(key, 1000);
		wall -= 3_600_000;
		await p.waitForSlot(key, 3);
		expect(waits.length).toBeGreaterThan(5);
		// 1/3 s slots (twice after the 429: half the slots), the cold-start allowance and the 1 s
		// hold: never anywhere near an hour
		expect(Math.max(...waits)).toBeLessThan(2000);
	});
});

describe('Transport: many 429s in a row', () => {
	const gong = useGong({ seed: { calls: 20, users: 5 }, pageSize: 100 }, { gongCommunityApi: { maxRetryWaitSeconds: 1 } });
	afterEach(() => gong.sandbox.clearFaults());
	const params = { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: '2100-01-01T00:00:00Z', returnAll: true };

	test('25 refusals in a row (more than the old limit of 20) within the wait budget: the request succeeds', async () => {
		gong.sandbox.failNext(25, { status: 429, retryAfter: 0.05 });
		const result = await gong.run({ parameters: params });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		const statuses = gong.requests().map((r: any) => r.status);
		expect(statuses.filter((s: number) => s === 429)).toHaveLength(25);
		expect(statuses[statuses.length - 1]).toBe(200);
	});

	test('refused for longer than 10 × max wait in total: fails with a message saying so', async () => {
		gong.harness.credentialsHelper.credentials.gongCommunityApi.maxRetryWaitSeconds = 0.3;
		try {
			gong.sandbox.failNext(1000, { status: 429, retryAfter: 0.2 });
			const result = await gong.run({ parameters: params });
			expect(result.error).toBeDefined();
			expect(result.error!.message).toMatch(/Gong rate limit: still refused after \d+ waits over \d+ s \(at most 10 × the credential's max wait of 0\.3 s\)/);
			const refused = gong.requests().filter((r: any) => r.status === 429).length;
			expect(refused).toBeGreaterThan(5);
			expect(refused).toBeLessThan(40);
		} finally {
			gong.harness.credentialsHelper.credentials.gongCommunityApi.maxRetryWaitSeconds = 1;
		}
	});
});
