import { sleep } from 'n8n-workflow';

/**
 * Request pacing per Gong company (credential). Each request reserves the next free slot,
 * spaced 1/rate seconds apart, so all items, pages and concurrent runs in this n8n process
 * share one budget. A 429 pushes every waiting request back by Retry-After.
 */
const nextSlot = new Map<string, number>();

/** Safety margin so network jitter does not push two requests into one window at Gong. */
const SPACING_MARGIN = 1.01;

export async function waitForSlot(key: string, requestsPerSecond: number): Promise<void> {
	const interval = (1000 / requestsPerSecond) * SPACING_MARGIN;
	const now = Date.now();
	const slot = Math.max(now, nextSlot.get(key) ?? 0);
	nextSlot.set(key, slot + interval);
	if (slot > now) await sleep(slot - now);
}

/** After a 429: nobody sharing this budget sends before `untilMs`. */
export function holdUntil(key: string, untilMs: number): void {
	if ((nextSlot.get(key) ?? 0) < untilMs) nextSlot.set(key, untilMs);
}

/** For tests and benchmarks that start from a clean budget. */
export function resetPacing(): void {
	nextSlot.clear();
}
