import type { IDataObject } from 'n8n-workflow';

/**
 * Remembers which calls a Gong Webhook Trigger already started an execution for.
 *
 * Two layers:
 * - an in-process map per workflow + node (module level, so every delivery this n8n process
 *   handles sees it). Check and record happen in one synchronous step, so two deliveries of the
 *   same call that arrive together still start one execution;
 * - a copy in the node's static data, written by replacing one top-level key (n8n only notices a
 *   change to static data through its proxies) in webhook() and again in the execution the
 *   delivery started (see persistSeen), loaded when the process has no map for the node yet
 *   (after a restart). n8n saves static data without locking, so this copy is best effort:
 *   executions ending together can overwrite each other's entries (each writes all it knows).
 */

/** Call IDs kept per node (oldest dropped first). */
export const MAX_REMEMBERED = 5000;
/** Call IDs kept in static data (the most recent ones). */
export const MAX_PERSISTED = 2000;
/** Nodes (workflow + node) the process keeps maps for. */
const MAX_NODES = 500;
const STATE_KEY = 'deliveredCalls';

/** workflow+node → (call id → time first delivered, ms). Insertion order = age. */
const seenByNode = new Map<string, Map<string, number>>();

function load(key: string, staticData: IDataObject | undefined, windowMs: number, now: number): Map<string, number> {
	let seen = seenByNode.get(key);
	if (seen) {
		// Refresh its place so the least recently used node goes first.
		seenByNode.delete(key);
		seenByNode.set(key, seen);
		return seen;
	}
	seen = new Map();
	const stored = staticData?.[STATE_KEY];
	if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
		const entries = Object.entries(stored as IDataObject)
			.map(([id, t]) => [id, Number(t)] as [string, number])
			.filter(([id, t]) => /^\d{1,20}$/.test(id) && Number.isFinite(t) && now - t < windowMs)
			.sort((a, b) => a[1] - b[1]);
		for (const [id, t] of entries.slice(-MAX_REMEMBERED)) seen.set(id, t);
	}
	seenByNode.set(key, seen);
	while (seenByNode.size > MAX_NODES) {
		const oldest = seenByNode.keys().next().value as string;
		seenByNode.delete(oldest);
	}
	return seen;
}

function prune(seen: Map<string, number>, windowMs: number, now: number): void {
	for (const [id, t] of seen) {
		if (now - t < windowMs && seen.size <= MAX_REMEMBERED) break;
		seen.delete(id);
	}
}

/**
 * True when the call was delivered to this node within the window (then nothing is recorded);
 * otherwise records it and returns false. Call only for verified deliveries.
 */
export function seenBefore(key: string, callId: string, windowMs: number, now: number, staticData?: IDataObject): boolean {
	const seen = load(key, staticData, windowMs, now);
	prune(seen, windowMs, now);
	const at = seen.get(callId);
	if (at !== undefined && now - at < windowMs) return true;
	seen.delete(callId);
	seen.set(callId, now);
	while (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value as string);
	if (staticData) {
		const persisted: IDataObject = {};
		const recent = [...seen.entries()].slice(-MAX_PERSISTED);
		for (const [id, t] of recent) persisted[id] = t;
		// Replace the key (never mutate the stored object): n8n's static data proxy then marks it changed.
		staticData[STATE_KEY] = persisted;
	}
	return false;
}

/**
 * Writes what this node has seen into its static data: the stored entries, this process's map
 * and the given (verified, already recorded) call IDs, newest MAX_PERSISTED kept. Called from the
 * execution a delivery started: n8n saves static data changed there when the execution ends,
 * whereas a change made in webhook() is lost once the workflow has static data (n8n re-wraps the
 * shared object for the execution, which clears its "changed" mark before the request saves it).
 */
export function persistSeen(key: string, callIds: string[], windowMs: number, now: number, staticData: IDataObject): void {
	const merged = new Map<string, number>();
	const stored = staticData[STATE_KEY];
	if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
		for (const [id, t] of Object.entries(stored as IDataObject)) {
			const at = Number(t);
			if (/^\d{1,20}$/.test(id) && Number.isFinite(at) && now - at < windowMs) merged.set(id, at);
		}
	}
	for (const [id, at] of seenByNode.get(key) ?? new Map<string, number>()) {
		if (now - at < windowMs) merged.set(id, Math.min(at, merged.get(id) ?? at));
	}
	for (const id of callIds) if (!merged.has(id)) merged.set(id, now);
	const persisted: IDataObject = {};
	for (const [id, at] of [...merged.entries()].sort((a, b) => a[1] - b[1]).slice(-MAX_PERSISTED)) persisted[id] = at;
	staticData[STATE_KEY] = persisted;
}

/** Forgets every node's map (tests simulate a restart of n8n with it). */
export function forgetAll(): void {
	seenByNode.clear();
}
