import { sleep } from 'n8n-workflow';

/**
 * Request pacing per Gong company (credential). Each request reserves the next free slot, so
 * all items, pages and concurrent runs in this n8n process share one budget:
 *
 * - slots are spaced (1000 / rate) × SPACING_MARGIN ms apart, on a grid counted from the epoch
 *   of the wall clock, so every n8n process (queue-mode workers, several instances) that uses
 *   the same company sees the same grid;
 * - Gong counts requests in one-second windows as they arrive. The first request after a pause
 *   leaves late (new connection, cold code paths), so the request `rate` slots later is kept at
 *   least one second plus COLD_ALLOWANCE_MS after it — otherwise both could land in one window;
 * - a 429 holds every request of this process for Retry-After, including those already asleep.
 *
 * Several processes cannot share memory, but all of them see Gong's answers. A process alone
 * uses every slot and never meets a 429 of its own making. When a 429 shows that others use the
 * same company, the process lowers its share: it uses only every `share`-th slot of the grid,
 * at a `phase`. Shares are powers of two and nest like a binary tree (share 2, phase 1 holds the
 * slots of share 4, phases 1 and 3): a further collision at half the slots first moves the
 * process to the other half; after that (and at smaller shares) it halves its share inside the
 * slots it held, at random — so processes that collided split their part between them and leave
 * everybody else's slots alone. Slots of a shared budget keep more slack
 * (SHARED_SPACING_MARGIN): requests of different processes jitter independently. One collision
 * after a long clean stretch is taken as noise: only the hold.
 *
 * Back up: after PROBE_AFTER_MS without a 429 the process tries twice the rate (sooner at deep
 * shares). The try is confirmed by PROBE_CONFIRM_ANSWERS clean answers over PROBE_WINDOW_MS —
 * then the others have gone, and the next try comes after PROBE_AGAIN_MS; a 429 before that
 * undoes it and doubles the wait before the next try. A lone process returns to the full rate;
 * several converge to splitting the slots.
 *
 * Restarts: workers of one n8n get the executions of one schedule together, after a pause in
 * which a process may have climbed back to the full rate. A budget unused for RESTART_IDLE_MS
 * restarts at the share and phase it last held among others (remembered for
 * CONTENTION_MEMORY_MS): their places did not collide then, so they usually don't now.
 *
 * Times are kept on the monotonic clock (performance.now()); the wall clock is only read to
 * place the grid, and every wait is bounded by the pending hold, `share` slots and the cold
 * allowance — a wall clock that jumps backwards never makes a request sleep for the jump.
 */

/** Slots leave 3 % further apart than 1/rate: ≈ 97 % of the limit, 30 ms of jitter per second tolerated. */
export const SPACING_MARGIN = 1.03;
/**
 * Slot spacing while the process shares the budget with others (share > 1): requests of
 * different processes leave with independent delays, so the common grid keeps 5 % of slack
 * (≈ 50 ms per one-second window) instead of 3 %.
 */
export const SHARED_SPACING_MARGIN = 1.05;
/** Extra distance kept from a request that started after a pause (connection setup). */
export const COLD_ALLOWANCE_MS = 150;
/**
 * Distance kept beyond one second from the request `rate` slots back (slots are 1030 ms apart per
 * three at 3/s, so only a request that left more than ~15 ms late pushes the next one back).
 */
const LATE_ALLOWANCE_MS = 15;
/** A request is "cold" when nothing was sent with this budget for this long. */
const IDLE_MS = 1000;
/** Sliding-window rule only for limits where a window holds few requests. */
const MAX_WINDOW = 50;
/** Upper bound of re-reservations after holds (a 429 from elsewhere); keeps the loop bounded. */
const MAX_RESERVATIONS = 50;
/** Fewest slots of the grid one process may use: 1 of MAX_SHARE (3/s → one request every 5.5 s); a power of 2. */
export const MAX_SHARE = 16;
/** From this share on, tries of a larger share come sooner in proportion (see answered). */
const DEEP_SHARE = 4;
/** Clean time (no 429) after which a process tries one step more of the budget. */
export const PROBE_AFTER_MS = 30000;
/** Longest time between two such tries after failed ones. */
const MAX_PROBE_AFTER_MS = 120000;
/** A try is confirmed after this long … */
export const PROBE_WINDOW_MS = 4000;
/** … and this many clean answers at the larger share; a 429 before that undoes it. */
export const PROBE_CONFIRM_ANSWERS = 3;
/** After a confirmed try (others have gone), the next one comes this soon. */
export const PROBE_AGAIN_MS = 3000;
/** A budget unused this long restarts at the share it last held with others (see reserve). */
export const RESTART_IDLE_MS = 3000;
/** After such a restart, a try of a larger share comes this soon. */
const RESTART_PROBE_AFTER_MS = 6000;
/** How long the share held with others is remembered for such a restart. */
export const CONTENTION_MEMORY_MS = 10 * 60 * 1000;
/** 429s this close together belong to one collision (requests in flight together). */
const SAME_COLLISION_MS = 500;
/** A process that has sent with a budget for this long without a 429 is settled (see rateLimited). */
const SETTLED_MS = 5000;
/** After this long without a 429, the phases tried at the current share are forgotten. */
const PHASES_FORGOTTEN_MS = 10000;

/** Milliseconds on a clock that never jumps (not the wall clock). */
export function monotonicNow(): number {
	return performance.now();
}

interface Slot {
	/** Monotonic time of the slot; moved to the time the request really left, when later. */
	at: number;
	cold: boolean;
}

interface Probe {
	at: number;
	share: number;
	phase: number;
	/** Clean answers since the try began. */
	answers: number;
}

/** The share and phase a process settled on while others used the budget. */
interface Contended {
	at: number;
	share: number;
	phase: number;
}

interface Budget {
	/** Earliest start of the next slot (monotonic). */
	next: number;
	/** Nobody sends before this (monotonic; after a 429). */
	held: number;
	/** The most recent reservations, oldest first (at most `window`). */
	recent: Slot[];
	/** This process uses one slot of every `share` on the grid … */
	share: number;
	/** … the one whose index modulo `share` is `phase`. */
	phase: number;
	/** Monotonic time of the last 429 (−Infinity: none yet). */
	lastLimited: number;
	/** Monotonic time of the last change of `share`. */
	lastChange: number;
	probeAfter: number;
	/** Wait before a try after failed tries (doubles per failure, up to MAX_PROBE_AFTER_MS). */
	probeBackoff: number;
	probe: Probe | null;
	contended: Contended | null;
	/** At half the slots: the other half was tried since the last clean stretch. */
	otherHalfTried: boolean;
	/** Monotonic time of the first request with this budget. */
	since: number;
}

const budgets = new Map<string, Budget>();

function budgetOf(key: string): Budget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = {
			next: 0,
			held: 0,
			recent: [],
			share: 1,
			phase: 0,
			lastLimited: Number.NEGATIVE_INFINITY,
			lastChange: Number.NEGATIVE_INFINITY,
			probeAfter: PROBE_AFTER_MS,
			probeBackoff: PROBE_AFTER_MS,
			probe: null,
			contended: null,
			otherHalfTried: false,
			since: monotonicNow(),
		};
		budgets.set(key, budget);
	}
	return budget;
}

const modulo = (a: number, m: number) => ((a % m) + m) % m;

/** Reserves the next slot of this process's share; returns its monotonic time. */
function reserve(budget: Budget, requestsPerSecond: number, mono: number, wall: number): number {
	let last: Slot | undefined = budget.recent[budget.recent.length - 1];
	if (last && mono - last.at > RESTART_IDLE_MS) {
		restartAfterIdle(budget, mono);
		budget.recent = [];
		last = undefined;
	}
	const interval = (1000 / requestsPerSecond) * (budget.share > 1 ? SHARED_SPACING_MARGIN : SPACING_MARGIN);
	const window = Math.floor(requestsPerSecond);
	const cold = !last || mono - last.at > IDLE_MS;
	const earliest = Math.max(mono, budget.next, budget.held);
	// Alone, a cold request leaves COLD_ALLOWANCE_MS before its grid slot: it arrives late, and
	// the request `window` slots later is then far enough from it without skipping a slot.
	const early = cold && budget.share === 1 ? COLD_ALLOWANCE_MS : 0;
	// Grid index of the first slot at or after `earliest`, in wall-clock terms.
	let index = Math.ceil((wall + (earliest + early - mono)) / interval - 1e-9);
	let slot = earliest;
	// Bounded: each turn moves at least one slot; the cold rule needs at most ~1.2 s of slots.
	for (let turn = 0; turn < 4 * MAX_SHARE + 100; turn++) {
		index += modulo(budget.phase - index, budget.share);
		slot = Math.max(earliest, mono + (index * interval - wall) - early);
		const anchor = window >= 1 && window <= MAX_WINDOW && budget.recent.length >= window ? budget.recent[budget.recent.length - window] : undefined;
		// The request `window` slots back: a cold one arrives late; one that left late (busy event
		// loop) arrives late too. Keep a second from it, so both never land in one window.
		if (anchor && slot < anchor.at + 1000 + (anchor.cold ? COLD_ALLOWANCE_MS : LATE_ALLOWANCE_MS)) {
			index++;
			continue;
		}
		break;
	}
	budget.recent.push({ at: slot, cold });
	if (budget.recent.length > Math.min(Math.max(window, 1), MAX_WINDOW)) budget.recent.shift();
	// The next reservation takes the next slot of the grid, never this one again.
	budget.next = slot + interval / 2;
	return slot;
}

/** Waits until this request may be sent; resolves at its reserved slot. */
export async function waitForSlot(key: string, requestsPerSecond: number): Promise<void> {
	const budget = budgetOf(key);
	for (let attempt = 0; attempt < MAX_RESERVATIONS; attempt++) {
		const mono = monotonicNow();
		const slot = reserve(budget, requestsPerSecond, mono, Date.now());
		const reserved = budget.recent[budget.recent.length - 1];
		if (slot > mono) await sleep(slot - mono);
		const left = monotonicNow();
		// Woken late (busy machine): later slots keep their distance from when it really leaves.
		if (reserved && reserved.at === slot && left > slot) reserved.at = left;
		// A 429 seen by another request while this one slept: take a slot after the hold.
		if (budget.held <= Math.max(slot, left)) return;
	}
}

/**
 * After a 429: nobody in this process sending with this budget sends before `waitMs` have
 * passed, and the process takes a smaller share of the slots (or undoes its last try).
 */
export function rateLimited(key: string, waitMs: number): void {
	const budget = budgetOf(key);
	const mono = monotonicNow();
	const until = mono + Math.max(0, waitMs);
	if (budget.held < until) budget.held = until;
	if (budget.next < until) budget.next = until;
	const sinceLast = mono - budget.lastLimited;
	budget.lastLimited = mono;
	if (sinceLast >= SAME_COLLISION_MS) adapt(budget, mono, sinceLast);
	// Others use this budget: remember where this process stands among them (see restartAfterIdle).
	if (budget.share > 1) budget.contended = { at: mono, share: budget.share, phase: budget.phase };
}

/** A 429 that is not part of a collision already counted: a smaller share, another phase, or nothing. */
function adapt(budget: Budget, mono: number, sinceLast: number): void {
	const probe = budget.probe;
	budget.probe = null;
	if (sinceLast > PHASES_FORGOTTEN_MS) {
		budget.otherHalfTried = false;
		// One collision after a long clean stretch is noise (a request that left late, another
		// integration's burst): the hold is enough. Only a try of a larger share is undone at
		// once, and a process that started less than SETTLED_MS ago takes it as a sign of others.
		if (!probe && (budget.share > 1 || mono - budget.since > SETTLED_MS)) return;
	}
	budget.lastChange = mono;
	budget.probeAfter = budget.probeBackoff;
	if (probe) {
		// The step up collided: back to the share that worked, and try again later.
		budget.share = probe.share;
		budget.phase = probe.phase;
		budget.probeBackoff = Math.min(MAX_PROBE_AFTER_MS, budget.probeBackoff * 2);
		budget.probeAfter = budget.probeBackoff;
		budget.otherHalfTried = false;
		return;
	}
	if (budget.share === 2 && !budget.otherHalfTried) {
		// Another process may use our half: first move to the other half (free when the collision
		// was two processes in one half). Only at half the slots: with smaller shares, three or
		// more processes are sharing, and moving sideways mostly lands on somebody else's slots
		// (measured: it doubled the 429s of four workers).
		budget.phase = (budget.phase + budget.share / 2) % budget.share;
		budget.otherHalfTried = true;
		return;
	}
	if (budget.share < MAX_SHARE) {
		// Half the slots: one of the two halves of our own, at random. Staying inside the slots
		// this process held keeps the others' slots free; shares are powers of two, so they nest
		// (1/2 + 1/4 + 1/4 of the slots can be used without overlap, 1/2 + 1/3 could not).
		budget.phase += budget.share * Math.floor(Math.random() * 2);
		budget.share *= 2;
	}
	budget.otherHalfTried = false;
}

/**
 * After an answer that is not a 429: a try of a larger share is confirmed after enough clean
 * answers (the others have gone: the next try comes soon); after a long enough clean stretch,
 * a new try begins.
 */
export function answered(key: string): void {
	const budget = budgets.get(key);
	if (!budget) return;
	const mono = monotonicNow();
	const probe = budget.probe;
	if (probe) {
		probe.answers++;
		if (probe.answers < PROBE_CONFIRM_ANSWERS || mono - probe.at < PROBE_WINDOW_MS) return;
		budget.probe = null;
		budget.lastChange = mono;
		budget.probeAfter = PROBE_AGAIN_MS;
		if (budget.share === 1) budget.probeBackoff = PROBE_AFTER_MS;
		return;
	}
	if (budget.share <= 1) return;
	// Deep shares try sooner (a quarter of the slots or less: in proportion): a process left
	// alone at 1/16 of the budget would otherwise crawl for minutes after the others finished.
	const after = Math.max(PROBE_AGAIN_MS, budget.probeAfter * Math.min(1, DEEP_SHARE / budget.share));
	if (mono - Math.max(budget.lastChange, budget.lastLimited) <= after) return;
	budget.probe = { at: mono, share: budget.share, phase: budget.phase, answers: 0 };
	budget.share /= 2;
	budget.phase = modulo(budget.phase, budget.share);
	budget.otherHalfTried = false;
	budget.lastChange = mono;
}

/**
 * A budget unused for RESTART_IDLE_MS: the others this process shared it with may start again
 * at the same moment (queue-mode workers get the executions of one schedule together). It
 * restarts at the share and phase it last held among them — they restart at theirs, which did
 * not collide — instead of at the full rate it may have climbed back to when they went idle,
 * and tries a larger share soon. A lone process, or one whose last 429 is older than
 * CONTENTION_MEMORY_MS, keeps its share.
 */
function restartAfterIdle(budget: Budget, mono: number): void {
	const contended = budget.contended;
	if (!contended) return;
	if (mono - contended.at > CONTENTION_MEMORY_MS) {
		budget.contended = null;
		return;
	}
	budget.probe = null;
	if (budget.share < contended.share) {
		budget.share = contended.share;
		budget.phase = contended.phase;
	}
	budget.otherHalfTried = false;
	budget.lastChange = mono;
	budget.probeAfter = RESTART_PROBE_AFTER_MS;
}

/** The share of the grid this process uses for a budget (1 = every slot). For tests and benchmarks. */
export function pacingShare(key: string): number {
	return pacingState(key)?.share ?? 1;
}

/** Share and phase of a budget, for tests and benchmarks. */
export function pacingState(key: string): { share: number; phase: number } | undefined {
	const budget = budgets.get(key);
	return budget && { share: budget.share, phase: budget.phase };
}

/** For tests and benchmarks that start from a clean budget. */
export function resetPacing(): void {
	budgets.clear();
}
