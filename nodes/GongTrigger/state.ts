import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data. Everything is plain JSON (numbers are epoch
 * milliseconds), because n8n persists static data as JSON.
 *
 * Static data outlives bugs, clock jumps and hand edits, so nothing read back is trusted: every
 * field is checked, sizes are capped and times later than the clock (beyond a small skew) are
 * pulled back, each with a warning. A state too broken to salvage is dropped (a first poll).
 */
export const STATE_VERSION = 1;

/** How far a stored time may lie ahead of the clock before it counts as a clock that jumped back. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Caps on what is read back (far above what a 7-day window of a busy company needs). */
export const MAX_SEEN = 50_000;
export const MAX_PENDING = 5_000;
const MAX_CURSOR_LENGTH = 4096;
const MAX_CHECKS = 1000;
/** The longest delay between two checks of a held call (poll.ts). */
export const MAX_RECHECK_DELAY_MS = 60 * 60 * 1000;
/** Static data keys that are not part of the state (the poll lease, see lease.ts). */
export const LEASE_KEY = 'lease';

const GONG_ID = /^\d{1,20}$/;
/** Workspace scope: '' (all) or a Gong ID. */
const SCOPE = /^\d{0,20}$/;

/** A window whose listing stopped early (poll time budget): the next poll continues it. */
export interface ResumePoint {
	/** The window being listed: fromDateTime (inclusive) … toDateTime (exclusive). */
	from: number;
	to: number;
	/** Gong's cursor of the next page. */
	cursor: string;
	/** Set while the first poll's listing is unfinished: calls older than this are only remembered. */
	baselineBefore?: number;
}

/** A call held back because its transcript or extended data is not available yet. */
export interface PendingCall {
	/** Latest of started / scheduled (ms). */
	t: number;
	/** Checks so far. */
	n: number;
	/** Not checked again before this time (ms). */
	next: number;
}

export interface TriggerState {
	v: typeof STATE_VERSION;
	/** The listing scope the IDs belong to (workspace ID, '' for all). */
	scope: string;
	/** End (exclusive) of the last window listed completely. */
	windowEnd: number;
	/** IDs of calls older than this were forgotten: such calls are never emitted (again). */
	floor: number;
	/**
	 * Latest call time (started / scheduled, at most the window's end) the trigger has listed. A
	 * time from Gong, not from this machine's clock: `floor` never passes it, so a clock that runs
	 * ahead cannot make the trigger forget calls it has not yet seen the end of.
	 */
	newest?: number;
	/** Call ID → latest of its started / scheduled times (ms): emitted or deliberately skipped. */
	seen: Record<string, number>;
	pending?: Record<string, PendingCall>;
	resume?: ResumePoint;
}

export interface ReadResult {
	/** Undefined: nothing usable stored (a first poll). */
	state?: TriggerState;
	/** What was wrong with the stored data and how it was repaired (one line each). */
	warnings: string[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own enumerable keys of a record, at most `limit` + 1 of them (enough to tell "too many"). */
function entries(record: IDataObject, limit: number): Array<[string, unknown]> {
	const out: Array<[string, unknown]> = [];
	for (const key in record) {
		if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
		out.push([key, record[key]]);
		if (out.length > limit) break;
	}
	return out;
}

/**
 * Reads the stored state as a fresh copy (static data is not modified), repaired where needed.
 * `now` is the clock of this poll.
 */
export function readState(staticData: unknown, now: number): ReadResult {
	const warnings: string[] = [];
	if (!isRecord(staticData)) {
		if (staticData !== undefined && staticData !== null) warnings.push('the stored state is not an object; starting over as on first activation (nothing old is emitted)');
		return { warnings };
	}
	const keys = Object.keys(staticData).filter((k) => k !== LEASE_KEY);
	if (keys.length === 0) return { warnings };
	const raw = staticData;
	if (raw.v !== STATE_VERSION || !isRecord(raw.seen) || typeof raw.scope !== 'string' || !SCOPE.test(raw.scope)) {
		warnings.push('the stored state is not one this version understands; starting over as on first activation (nothing old is emitted)');
		return { warnings };
	}
	const limit = now + MAX_CLOCK_SKEW_MS;

	// Call times from Gong: never later than the clock, except after a clock that jumped back.
	let newest: number | undefined;
	if (raw.newest !== undefined) {
		if (isNumber(raw.newest) && raw.newest <= limit) newest = raw.newest;
		else warnings.push(`the stored newest call time (${describe(raw.newest)}) is invalid or in the future; ignored`);
	}

	// Seen IDs: valid ones only, times pulled back to the clock, the newest MAX_SEEN kept.
	let dropped = 0;
	let pulledBack = 0;
	const seenList: Array<[string, number]> = [];
	const rawSeen = entries(raw.seen, MAX_SEEN * 2);
	for (const [id, t] of rawSeen.slice(0, MAX_SEEN * 2)) {
		if (!GONG_ID.test(id) || !isNumber(t)) {
			dropped++;
			continue;
		}
		if (t > limit) pulledBack++;
		seenList.push([id, Math.min(t, now)]);
	}
	if (rawSeen.length > MAX_SEEN * 2) warnings.push(`the stored list of seen calls has more than ${MAX_SEEN * 2} entries; only the first ${MAX_SEEN * 2} were read`);
	if (dropped) warnings.push(`${dropped} invalid seen-call entries were dropped`);
	if (pulledBack) warnings.push(`${pulledBack} seen calls had a time in the future; set to now`);

	// floor: a number not in the future. After a clock that jumped back, calls up to the newest
	// listed one are known (emitted, skipped or remembered); everything after it is new.
	let floor: number;
	if (isNumber(raw.floor) && raw.floor <= limit) {
		floor = raw.floor;
	} else {
		if (isNumber(raw.floor)) {
			// In the future: calls up to the newest one listed are known, later ones are new.
			floor = newest !== undefined ? newest + 1 : now;
		} else {
			// Not a number: every call at least as late as the oldest remembered one is remembered.
			floor = seenList.length ? seenList.reduce((min, [, t]) => Math.min(min, t), Number.POSITIVE_INFINITY) : newest !== undefined ? newest + 1 : now;
		}
		warnings.push(`the stored floor (${describe(raw.floor)}) is invalid or in the future (clock jumped back?); calls from ${new Date(floor).toISOString()} on that were not seen count as new`);
	}
	if (seenList.length > MAX_SEEN) {
		seenList.sort((a, b) => b[1] - a[1]);
		const forgotten = seenList.splice(MAX_SEEN);
		// Calls as old as the forgotten ones are not emitted: they may be among them.
		floor = Math.max(floor, forgotten[0][1] + 1);
		warnings.push(`the stored list of seen calls had ${seenList.length + forgotten.length} entries; kept the newest ${MAX_SEEN}`);
	}
	const seen: Record<string, number> = {};
	for (const [id, t] of seenList) seen[id] = t;

	let windowEnd: number;
	if (isNumber(raw.windowEnd) && raw.windowEnd <= limit) {
		windowEnd = raw.windowEnd;
	} else {
		windowEnd = now;
		warnings.push(`the stored window end (${describe(raw.windowEnd)}) is invalid or in the future (clock jumped back?); the window restarts from now`);
	}

	const pending: Record<string, PendingCall> = {};
	if (raw.pending !== undefined) {
		let bad = 0;
		let count = 0;
		let rescheduled = 0;
		const list = isRecord(raw.pending) ? entries(raw.pending, MAX_PENDING) : [];
		if (!isRecord(raw.pending)) bad++;
		for (const [id, p] of list) {
			if (count >= MAX_PENDING) {
				bad++;
				break;
			}
			if (!GONG_ID.test(id) || !isRecord(p) || !isNumber(p.t) || !isNumber(p.n) || !isNumber(p.next)) {
				bad++;
				continue;
			}
			// A re-check planned further ahead than the longest delay (clock jumped back) is due now.
			const farAhead = p.next > limit + MAX_RECHECK_DELAY_MS;
			if (farAhead) rescheduled++;
			pending[id] = { t: Math.min(p.t, now), n: Math.max(0, Math.min(Math.floor(p.n), MAX_CHECKS)), next: farAhead ? now : p.next };
			count++;
		}
		if (bad) warnings.push('invalid held-call entries were dropped (those calls are checked again)');
		if (rescheduled) warnings.push(`${rescheduled} held calls had a re-check planned too far in the future (clock jumped back?); they are checked now`);
	}

	const state: TriggerState = { v: STATE_VERSION, scope: raw.scope, windowEnd, floor, seen, pending };
	if (newest !== undefined) state.newest = newest;

	if (raw.resume !== undefined) {
		const resume = raw.resume;
		const valid =
			isRecord(resume) &&
			isNumber(resume.from) &&
			isNumber(resume.to) &&
			resume.from < resume.to &&
			typeof resume.cursor === 'string' &&
			resume.cursor.length > 0 &&
			resume.cursor.length <= MAX_CURSOR_LENGTH &&
			(resume.baselineBefore === undefined || isNumber(resume.baselineBefore));
		if (!valid) {
			warnings.push('the stored resume point of an unfinished listing is invalid; the window is listed again from its start');
		} else if ((resume.to as number) > limit) {
			warnings.push('the stored resume point ends in the future (clock jumped back?); the window is listed again from its start');
		} else {
			state.resume = { from: resume.from as number, to: resume.to as number, cursor: resume.cursor as string };
			if (isNumber(resume.baselineBefore)) state.resume.baselineBefore = resume.baselineBefore;
		}
	}
	return { state, warnings };
}

function describe(value: unknown): string {
	if (isNumber(value)) return new Date(Math.max(-8.64e15, Math.min(8.64e15, value))).toISOString();
	if (typeof value === 'string') return `text of ${value.length} characters`;
	return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/** Replaces the stored state in place (n8n persists the object it handed out). */
export function writeState(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	const out: IDataObject = { v: state.v, scope: state.scope, windowEnd: state.windowEnd, floor: state.floor, seen: state.seen };
	if (state.newest !== undefined) out.newest = state.newest;
	if (state.pending && Object.keys(state.pending).length) out.pending = state.pending as unknown as IDataObject;
	if (state.resume) out.resume = state.resume as unknown as IDataObject;
	Object.assign(staticData, out);
}

/**
 * Forgets calls older than `floor`: they can no longer be listed by the next window. The floor
 * never passes the newest call listed so far (a time from Gong), so a clock running ahead cannot
 * move it past calls Gong has not listed yet. Keeps at most MAX_SEEN IDs (the newest).
 */
export function prune(state: TriggerState, floor: number): void {
	// No call listed yet: nothing to forget, and the clock alone does not move the floor.
	const capped = state.newest !== undefined ? Math.min(floor, state.newest + 1) : state.floor;
	state.floor = Math.max(state.floor, capped);
	for (const [id, t] of Object.entries(state.seen)) if (t < state.floor) delete state.seen[id];
	const seen = Object.entries(state.seen);
	if (seen.length > MAX_SEEN) {
		// Keep the newest; calls as old as the ones let go are not emitted (they may be among them).
		seen.sort((a, b) => b[1] - a[1]);
		const forgotten = seen.slice(MAX_SEEN);
		state.floor = Math.max(state.floor, forgotten[0][1] + 1);
		for (const [id, t] of Object.entries(state.seen)) if (t < state.floor) delete state.seen[id];
	}
	for (const [id, p] of Object.entries(state.pending ?? {})) if (p.t < state.floor) delete state.pending![id];
}
