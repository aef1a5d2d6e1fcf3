import { sleep } from 'n8n-workflow';

/**
 * Request pacing per Gong company (credential). Each request reserves the next free slot,
 * spaced 1/rate seconds apart, so all items, pages and concurrent runs in this n8n process
 * share one budget. A 429 pushes every waiting request back by Retry-After, including those
 * already asleep waiting for an earlier slot.
 */
const nextSlot = new Map<string, number>();
const heldUntil = new Map<string, number>();

/**
 * Spacing margin: requests leave 2 % further apart than 1/rate, so that network jitter does
 * not put rate + 1 requests into one of Gong's one-second windows (≈ 98 % of the rate).
 */
export const SPACING_MARGIN = 1.02;

/** Upper bound of re-reservations after holds (a 429 from elsewhere); keeps the loop bounded. */
const MAX_RESERVATIONS = 50;

function reserve(key: string, interval: number, now: number): number {
	const slot = Math.max(now, nextSlot.get(key) ?? 0, heldUntil.get(key) ?? 0);
	nextSlot.set(key, slot + interval);
	return slot;
}

/** Waits until this request may be sent; resolves at its reserved slot. */
export async function waitForSlot(key: string, requestsPerSecond: number): Promise<void> {
	const interval = (1000 / requestsPerSecond) * SPACING_MARGIN;
	for (let attempt = 0; attempt < MAX_RESERVATIONS; attempt++) {
		const now = Date.now();
		const slot = reserve(key, interval, now);
		if (slot > now) await sleep(slot - now);
		// A 429 seen by another request while this one slept: take a slot after the hold.
		if ((heldUntil.get(key) ?? 0) <= Math.max(slot, Date.now())) return;
	}
}

/** After a 429: nobody sharing this budget sends before `untilMs`. */
export function holdUntil(key: string, untilMs: number): void {
	if ((heldUntil.get(key) ?? 0) < untilMs) heldUntil.set(key, untilMs);
	if ((nextSlot.get(key) ?? 0) < untilMs) nextSlot.set(key, untilMs);
}

/** For tests and benchmarks that start from a clean budget. */
export function resetPacing(): void {
	nextSlot.clear();
	heldUntil.clear();
}
