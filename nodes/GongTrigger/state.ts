import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data. Everything is plain JSON (numbers are epoch
 * milliseconds), because n8n persists static data as JSON.
 */
export const STATE_VERSION = 1;

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
	/** Call ID → latest of its started / scheduled times (ms): emitted or deliberately skipped. */
	seen: Record<string, number>;
	pending?: Record<string, PendingCall>;
	resume?: ResumePoint;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A deep copy of the stored state, or undefined when there is none (first poll) or it is not
 * one this version understands (treated as a first poll: nothing old is emitted).
 */
export function readState(staticData: IDataObject): TriggerState | undefined {
	const raw = JSON.parse(JSON.stringify(staticData ?? {})) as IDataObject;
	if (raw.v !== STATE_VERSION || !isNumber(raw.windowEnd) || !isNumber(raw.floor)) return undefined;
	if (typeof raw.scope !== 'string' || !raw.seen || typeof raw.seen !== 'object') return undefined;
	const seen: Record<string, number> = {};
	for (const [id, t] of Object.entries(raw.seen as IDataObject)) if (isNumber(t)) seen[id] = t;
	const pending: Record<string, PendingCall> = {};
	for (const [id, p] of Object.entries((raw.pending ?? {}) as IDataObject)) {
		const entry = p as IDataObject;
		if (isNumber(entry?.t) && isNumber(entry.n) && isNumber(entry.next)) pending[id] = { t: entry.t, n: entry.n, next: entry.next };
	}
	const state: TriggerState = { v: STATE_VERSION, scope: raw.scope, windowEnd: raw.windowEnd, floor: raw.floor, seen, pending };
	const resume = raw.resume as IDataObject | undefined;
	if (resume && isNumber(resume.from) && isNumber(resume.to) && typeof resume.cursor === 'string' && resume.cursor) {
		state.resume = { from: resume.from, to: resume.to, cursor: resume.cursor };
		if (isNumber(resume.baselineBefore)) state.resume.baselineBefore = resume.baselineBefore;
	}
	return state;
}

/** Replaces the stored state in place (n8n persists the object it handed out). */
export function writeState(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	const out: IDataObject = { v: state.v, scope: state.scope, windowEnd: state.windowEnd, floor: state.floor, seen: state.seen };
	if (state.pending && Object.keys(state.pending).length) out.pending = state.pending as unknown as IDataObject;
	if (state.resume) out.resume = state.resume as unknown as IDataObject;
	Object.assign(staticData, out);
}

/** Forgets calls older than `floor`: they can no longer be listed by the next window. */
export function prune(state: TriggerState, floor: number): void {
	state.floor = Math.max(state.floor, floor);
	for (const [id, t] of Object.entries(state.seen)) if (t < state.floor) delete state.seen[id];
	for (const [id, p] of Object.entries(state.pending ?? {})) if (p.t < state.floor) delete state.pending![id];
}
