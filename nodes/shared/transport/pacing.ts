import { sleep } from 'n8n-workflow';

/**
 * Request pacing per Gong company (credential). Each request reserves the next free slot, so
 * all items, pages and concurrent runs in this n8n process share one budget:
 *
 * - slots are spaced (1000 / rate) × SPACING_MARGIN ms apart;
 * - Gong counts requests in one-second windows as they arrive. The first request after a pause
 *   leaves late (new connection, cold code paths), so the request `rate` slots later is kept at
 *   least one second plus COLD_ALLOWANCE_MS after it — otherwise both could land in one window;
 * - a 429 pushes every waiting request back by Retry-After, including those already asleep
 *   waiting for an earlier slot.
 */

/** Slots leave 3 % further apart than 1/rate: ≈ 97 % of the limit, 30 ms of jitter per second tolerated. */
export const SPACING_MARGIN = 1.03;
/** Extra distance kept from a request that started after a pause (connection setup). */
export const COLD_ALLOWANCE_MS = 150;
/** A request is "cold" when nothing was sent with this budget for this long. */
const IDLE_MS = 1000;
/** Sliding-window rule only for limits where a window holds few requests. */
const MAX_WINDOW = 50;
/** Upper bound of re-reservations after holds (a 429 from elsewhere); keeps the loop bounded. */
const MAX_RESERVATIONS = 50;

interface Slot {
	at: number;
	cold: boolean;
}

interface Budget {
	/** Earliest start of the next slot (spacing). */
	next: number;
	/** Nobody sends before this (after a 429). */
	held: number;
	/** The most recent reservations, oldest first (at most `window`). */
	recent: Slot[];
}

const budgets = new Map<string, Budget>();

function budgetOf(key: string): Budget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = { next: 0, held: 0, recent: [] };
		budgets.set(key, budget);
	}
	return budget;
}

function reserve(budget: Budget, requestsPerSecond: number, now: number): number {
	const interval = (1000 / requestsPerSecond) * SPACING_MARGIN;
	const window = Math.floor(requestsPerSecond);
	const last = budget.recent[budget.recent.length - 1];
	const cold = !last || now - last.at > IDLE_MS;
	let slot = Math.max(now, budget.next, budget.held);
	if (window >= 1 && window <= MAX_WINDOW && budget.recent.length >= window) {
		const anchor = budget.recent[budget.recent.length - window];
		if (anchor.cold) slot = Math.max(slot, anchor.at + 1000 + COLD_ALLOWANCE_MS);
	}
	budget.recent.push({ at: slot, cold });
	if (budget.recent.length > Math.min(Math.max(window, 1), MAX_WINDOW)) budget.recent.shift();
	budget.next = slot + interval;
	return slot;
}

/** Waits until this request may be sent; resolves at its reserved slot. */
export async function waitForSlot(key: string, requestsPerSecond: number): Promise<void> {
	const budget = budgetOf(key);
	for (let attempt = 0; attempt < MAX_RESERVATIONS; attempt++) {
		const now = Date.now();
		const slot = reserve(budget, requestsPerSecond, now);
		if (slot > now) await sleep(slot - now);
		// A 429 seen by another request while this one slept: take a slot after the hold.
		if (budget.held <= Math.max(slot, Date.now())) return;
	}
}

/** After a 429: nobody sharing this budget sends before `untilMs`. */
export function holdUntil(key: string, untilMs: number): void {
	const budget = budgetOf(key);
	if (budget.held < untilMs) budget.held = untilMs;
	if (budget.next < untilMs) budget.next = untilMs;
}

/** For tests and benchmarks that start from a clean budget. */
export function resetPacing(): void {
	budgets.clear();
}
