import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../shared/framework/nodeError';
import { toId, toList } from '../shared/framework/validate';
import { primaryUserIds as primaryUserIdsField, workspaceId as workspaceIdField } from '../shared/fields';
import {
	callItem,
	callTimes,
	compareIds,
	fetchExtended,
	fetchTranscripts,
	HOUR_MS,
	ID_BATCH,
	listCalls,
	type CallTimes,
	type ListResult,
} from './calls';
import { DEFAULT_LOOKBACK_HOURS, MAX_LOOKBACK_HOURS } from './description';
import { acquireLease, DEFAULT_LEASE_MS, holds, releaseLease, renewLease, type Lease } from './lease';
import { MAX_RECHECK_DELAY_MS, prune, readState, STATE_VERSION, writeState, type PendingCall, type TriggerState } from './state';

/** After a pause, the first poll catches up on at most this much beyond the lookback. */
export const MAX_CATCH_UP_MS = 7 * 24 * HOUR_MS;
/** Re-checks of a held call: 5 min, 10, 20, 40, then every 60 min. */
const PENDING_FIRST_DELAY_MS = 5 * 60 * 1000;
const PENDING_MAX_DELAY_MS = MAX_RECHECK_DELAY_MS;
/** Checks a call is held for missing extended data (Gong's extensive list lags by minutes) before it is emitted without. */
const MAX_EXTENDED_CHECKS = 4;
/** Share of n8n's poll time budget the trigger plans to use. */
const BUDGET_SHARE = 0.8;
/** Windows tried, newest first, by "Fetch Test Event" before the whole lookback (hours). */
const MANUAL_STEPS_HOURS = [1, 6, 24, 72];

interface Config {
	lookbackMs: number;
	excludePrivate: boolean;
	includeTranscript: boolean;
	waitForTranscript: boolean;
	extended: boolean;
	include: string[];
	context: string;
	firstRunMs: number;
	workspaceId?: string;
	primaryUsers?: Set<string>;
}

function unwrapLocator(value: unknown): unknown {
	if (value && typeof value === 'object' && (value as IDataObject).__rl) return (value as IDataObject).value;
	return value;
}

function hoursParameter(ctx: IPollFunctions, name: string, label: string, value: unknown, min: number): number {
	const hours = Number(value);
	if (!Number.isFinite(hours) || hours < min || hours > MAX_LOOKBACK_HOURS) {
		throw new NodeOperationError(ctx.getNode(), `Parameter "${label}" (${name}) must be between ${min} and ${MAX_LOOKBACK_HOURS} hours, got ${String(value)}`);
	}
	return hours;
}

function readConfig(ctx: IPollFunctions): Config {
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const lookback = hoursParameter(ctx, 'lookbackHours', 'Lookback (Hours)', ctx.getNodeParameter('lookbackHours', DEFAULT_LOOKBACK_HOURS), 1);
	const firstRun = hoursParameter(ctx, 'firstRunHours', 'Emit Calls From the Last N Hours on First Run', options.firstRunHours ?? 0, 0);
	const extended = ctx.getNodeParameter('includeExtendedData', false) === true;
	const config: Config = {
		lookbackMs: lookback * HOUR_MS,
		excludePrivate: ctx.getNodeParameter('excludePrivateCalls', true) !== false,
		includeTranscript: ctx.getNodeParameter('includeTranscript', false) === true,
		waitForTranscript: options.waitForTranscript === true,
		extended,
		include: extended ? ((ctx.getNodeParameter('dataToInclude', []) as string[]) ?? []) : [],
		context: extended ? String(ctx.getNodeParameter('crmContext', 'None') ?? 'None') : 'None',
		firstRunMs: firstRun * HOUR_MS,
	};
	const workspace = unwrapLocator(options.workspaceId);
	if (workspace !== undefined && workspace !== null && String(workspace).trim() !== '') {
		config.workspaceId = toId(ctx.getNode(), workspaceIdField, workspace, 0);
	}
	const users = toList(options.primaryUserIds).map((u) => toId(ctx.getNode(), primaryUserIdsField, u, 0));
	if (users.length) config.primaryUsers = new Set(users);
	return config;
}

/** n8n 2.x gives a poll a time budget; older hosts do not (then there is no limit). */
function pollBudgetMs(ctx: IPollFunctions): number | undefined {
	const host = ctx as unknown as { getPollBudgetMs?: () => unknown };
	if (typeof host.getPollBudgetMs !== 'function') return undefined;
	const budget = Number(host.getPollBudgetMs());
	return Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

/** Whether a listed call passes the user's filters (private, primary users). */
function wanted(call: IDataObject, config: Config): boolean {
	if (config.excludePrivate && call.isPrivate === true) return false;
	if (config.primaryUsers && !config.primaryUsers.has(String(call.primaryUserId ?? ''))) return false;
	return true;
}

interface Candidate {
	id: string;
	call: IDataObject;
	times: CallTimes;
	/** The next full listing will not return it: emit now, whatever is missing. */
	lastChance: boolean;
	/** Earlier checks while it was held. */
	checks: number;
	transcript?: IDataObject[];
	extended?: IDataObject;
	transcriptMissing?: boolean;
	extendedMissing?: boolean;
}

function byStart(a: Candidate, b: Candidate): number {
	return a.times.started - b.times.started || compareIds(a.id, b.id);
}

/**
 * Adds transcripts and extended data. With `hold`, calls whose transcript (when waited for) or
 * extended data is not there yet are returned in `held` instead, unless it is their last chance.
 */
async function enrich(
	ctx: IPollFunctions,
	config: Config,
	candidates: Candidate[],
	hold: boolean,
	onPage?: () => void,
): Promise<{ ready: Candidate[]; held: Candidate[] }> {
	let ready = candidates;
	const held: Candidate[] = [];
	if ((config.includeTranscript || config.waitForTranscript) && ready.length) {
		const transcripts = await fetchTranscripts(ctx, ready.map((c) => c.id), onPage);
		const next: Candidate[] = [];
		for (const c of ready) {
			const transcript = transcripts.get(c.id);
			const missing = !transcript || transcript.length === 0;
			if (missing && hold && config.waitForTranscript && !c.lastChance) {
				held.push(c);
				continue;
			}
			c.transcript = transcript ?? [];
			c.transcriptMissing = missing;
			next.push(c);
		}
		ready = next;
	}
	if (config.extended && ready.length) {
		const extended = await fetchExtended(ctx, ready.map((c) => c.id), { include: config.include, context: config.context, onPage });
		const next: Candidate[] = [];
		for (const c of ready) {
			c.extended = extended.get(c.id);
			// Gong's extensive endpoint can lag the call list by minutes: wait for it like for a transcript.
			if (!c.extended && hold && !c.lastChance && c.checks < MAX_EXTENDED_CHECKS) {
				held.push(c);
				continue;
			}
			c.extendedMissing = !c.extended;
			next.push(c);
		}
		ready = next;
	}
	return { ready, held };
}

function toItem(config: Config, c: Candidate): INodeExecutionData {
	const json = callItem(c.call, c.extended);
	if (config.includeTranscript) json.transcript = c.transcript ?? [];
	if ((config.includeTranscript || config.waitForTranscript) && c.transcriptMissing) json.transcriptMissing = true;
	if (config.extended && c.extendedMissing) json.extendedDataMissing = true;
	return { json };
}

function describeFilters(config: Config): string {
	const parts: string[] = [];
	if (config.workspaceId) parts.push(`workspace ${config.workspaceId}`);
	if (config.primaryUsers) parts.push(`primary users ${[...config.primaryUsers].join(', ')}`);
	if (config.excludePrivate) parts.push('private calls excluded');
	return parts.length ? ` (${parts.join('; ')})` : '';
}

/** "Fetch Test Event": the most recent matching call, enriched like a real one; state untouched. */
async function manualPoll(ctx: IPollFunctions, config: Config): Promise<INodeExecutionData[][]> {
	const now = Math.floor(Date.now() / 1000) * 1000;
	const steps = [...MANUAL_STEPS_HOURS.map((h) => h * HOUR_MS).filter((ms) => ms < config.lookbackMs), config.lookbackMs];
	for (const span of steps) {
		const { calls } = await listCalls(ctx, { from: now - span, to: now, workspaceId: config.workspaceId });
		const matching = calls.filter((call) => wanted(call, config));
		if (!matching.length) continue;
		const candidates = matching.map((call) => ({ id: String(call.id), call, times: callTimes(call, now), lastChance: true, checks: 0 }));
		candidates.sort(byStart);
		const latest = candidates[candidates.length - 1];
		const { ready } = await enrich(ctx, config, [latest], false);
		return [ready.map((c) => toItem(config, c))];
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`No Gong call found in the last ${config.lookbackMs / HOUR_MS} hours${describeFilters(config)}`,
		{
			description:
				'"Fetch Test Event" shows the most recent call of the lookback window. Record a call (Gong lists it once processed), widen "Lookback (Hours)" or relax the filters, then try again.',
		},
	);
}

/**
 * One scheduled poll, under the trigger's lease (see lease.ts): a poll that overlaps a running
 * one of the same trigger emits nothing and leaves the state alone.
 */
async function scheduledPoll(ctx: IPollFunctions, config: Config): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node');
	const budget = pollBudgetMs(ctx);
	const lease = acquireLease(ctx, staticData, budget ?? DEFAULT_LEASE_MS);
	if (!lease) {
		ctx.logger.info('Gong Trigger: the previous poll of this trigger is still running; this poll is skipped (the next one lists its window)');
		return null;
	}
	try {
		return await pollUnderLease(ctx, config, staticData, lease, budget);
	} finally {
		releaseLease(lease);
	}
}

/**
 * Reads the committed state, lists the window, decides what is new, enriches it and only then
 * writes the new state: a poll that throws leaves the state as it was, and running a poll again on
 * the same state gives the same answer.
 */
async function pollUnderLease(
	ctx: IPollFunctions,
	config: Config,
	staticData: IDataObject,
	lease: Lease,
	budget: number | undefined,
): Promise<INodeExecutionData[][] | null> {
	const startedAt = Date.now();
	const now = Math.floor(startedAt / 1000) * 1000;
	const scope = config.workspaceId ?? '';
	const read = readState(staticData, now);
	if (read.warnings.length) {
		ctx.logger.warn(`Gong Trigger: repaired its stored state: ${read.warnings.join('; ')}`, {
			workflowId: ctx.getWorkflow().id,
			node: ctx.getNode().name,
		});
	}
	let previous = read.state;
	// Another workspace: the remembered IDs say nothing about its calls. Start over (no flood).
	if (previous && previous.scope !== scope) previous = undefined;

	const state: TriggerState = previous ?? { v: STATE_VERSION, scope, windowEnd: now, floor: 0, seen: {}, pending: {} };
	state.pending = state.pending ?? {};
	let from: number;
	let to: number;
	let cursor: string | undefined;
	let baselineBefore: number | undefined;
	if (previous?.resume) {
		({ from, to, cursor, baselineBefore } = previous.resume);
	} else if (previous) {
		to = now;
		const earliest = now - config.lookbackMs - MAX_CATCH_UP_MS;
		from = Math.min(Math.max(previous.windowEnd - config.lookbackMs, earliest), now - config.lookbackMs);
	} else {
		to = now;
		from = now - Math.max(config.lookbackMs, config.firstRunMs);
		// First poll: remember what is there; emit only calls of the last N hours when asked to.
		baselineBefore = config.firstRunMs > 0 ? now - config.firstRunMs : Number.MAX_SAFE_INTEGER;
	}
	const progress = () => renewLease(lease);

	// Poll time budget: stop listing in time to enrich what was found, and continue next poll.
	const enrichKinds = (config.includeTranscript || config.waitForTranscript ? 1 : 0) + (config.extended ? 1 : 0);
	const stopAfterPage = budget === undefined ? undefined : (listed: IDataObject[], requests: number) => {
		const elapsed = Date.now() - startedAt;
		const perRequest = elapsed / Math.max(1, requests);
		const unseen = listed.filter((c) => state.seen[String(c.id)] === undefined).length;
		const enrichRequests = enrichKinds * Math.ceil(unseen / ID_BATCH);
		return elapsed + perRequest * (1 + enrichRequests) > budget * BUDGET_SHARE;
	};

	let listing: ListResult;
	try {
		listing = await listCalls(ctx, { from, to, workspaceId: config.workspaceId, cursor, stopAfterPage, onPage: progress });
	} catch (error) {
		// A stored cursor Gong no longer accepts: list the same window again from its start.
		if (cursor === undefined || String((error as IDataObject).httpCode) !== '400') throw asNodeError(ctx.getNode(), error);
		listing = await listCalls(ctx, { from, to, workspaceId: config.workspaceId, stopAfterPage, onPage: progress });
	}

	// The next full listing starts here: a call filed before it is not listed again.
	const nextFrom = to - config.lookbackMs;
	const candidates: Candidate[] = [];
	const listedIds = new Set<string>();
	for (const call of listing.calls) {
		const id = String(call.id);
		if (listedIds.has(id)) continue;
		listedIds.add(id);
		const times = callTimes(call, to);
		// The newest call time Gong has shown (never beyond this window's end): see prune().
		if (times.known) state.newest = Math.max(state.newest ?? Number.NEGATIVE_INFINITY, Math.min(times.latest, to));
		if (state.seen[id] !== undefined) continue;
		// Older than what the trigger still remembers (only after the lookback was raised).
		if (times.latest < state.floor) continue;
		if ((baselineBefore !== undefined && times.latest < baselineBefore) || !wanted(call, config)) {
			state.seen[id] = times.latest;
			delete state.pending[id];
			continue;
		}
		const lastChance = times.earliest < nextFrom;
		const held = state.pending[id];
		if (held && held.next > startedAt && !lastChance) continue;
		candidates.push({ id, call, times, lastChance, checks: held?.n ?? 0 });
	}

	const { ready, held } = await enrich(ctx, config, candidates, true, progress);

	for (const c of held) {
		const checks = c.checks + 1;
		const delay = Math.min(PENDING_MAX_DELAY_MS, PENDING_FIRST_DELAY_MS * 2 ** (checks - 1));
		const entry: PendingCall = { t: c.times.latest, n: checks, next: startedAt + delay };
		state.pending[c.id] = entry;
	}
	ready.sort(byStart);
	for (const c of ready) {
		state.seen[c.id] = c.times.latest;
		delete state.pending[c.id];
	}

	if (listing.nextCursor) {
		state.resume = { from, to, cursor: listing.nextCursor };
		if (baselineBefore !== undefined) state.resume.baselineBefore = baselineBefore;
		prune(state, from);
	} else {
		delete state.resume;
		state.windowEnd = to;
		prune(state, nextFrom);
	}

	// Every request succeeded: commit, unless this poll's lease expired and another poll took over
	// (that one lists the same window; committing here too could emit its calls twice).
	if (!holds(lease)) {
		ctx.logger.warn('Gong Trigger: this poll outlasted its lease and another poll took over; its result is discarded (nothing is lost: the other poll lists the same window)');
		return null;
	}
	writeState(staticData, state);
	return ready.length ? [ready.map((c) => toItem(config, c))] : null;
}

export async function pollNewCalls(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const config = readConfig(this);
	if (this.getMode() === 'manual') return await manualPoll(this, config);
	try {
		return await scheduledPoll(this, config);
	} catch (error) {
		throw withNote(
			asNodeError(this.getNode(), error),
			'Nothing was emitted and the trigger\'s state is unchanged: the next poll lists the same window again, so no call is lost.',
		);
	}
}

/** `note` added to the error's description (once). */
function withNote(nodeError: NodeApiError | NodeOperationError, note: string): NodeApiError | NodeOperationError {
	if (!(nodeError.description ?? '').includes(note)) {
		nodeError.description = nodeError.description ? `${nodeError.description} ${note}` : note;
	}
	return nodeError;
}
