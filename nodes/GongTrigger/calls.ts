import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { applyContentSelector } from '../shared/calls/content';
import { appendAll, gongApiPages } from '../shared/transport';

/** Gong accepts at most this many call IDs per extensive / transcript request (and pages by 100). */
export const ID_BATCH = 100;

export const HOUR_MS = 3600 * 1000;

/** ISO-8601 in UTC without milliseconds, the form Gong documents. */
export function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The times Gong may file a call under: its scheduled time (Gong-recorded web conferences) or its
 * actual start (everything else). The list does not say which applies, so both are kept:
 * `earliest` decides when a call can leave the window, `latest` when it certainly has.
 */
export interface CallTimes {
	started: number;
	earliest: number;
	latest: number;
	/** False when the call has neither time and `fallback` stands in for both. */
	known: boolean;
}

export function callTimes(call: IDataObject, fallback: number): CallTimes {
	const started = timeOf(call.started);
	const scheduled = timeOf(call.scheduled);
	const known = [started, scheduled].filter((t): t is number => t !== undefined);
	if (!known.length) return { started: fallback, earliest: fallback, latest: fallback, known: false };
	return { started: started ?? Math.min(...known), earliest: Math.min(...known), latest: Math.max(...known), known: true };
}

/** Gong IDs compare as numbers: shorter first, then by digits. */
export function compareIds(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export interface ListResult {
	calls: IDataObject[];
	/** Set when the listing stopped before the last page: the cursor of the next page. */
	nextCursor?: string;
	/** Requests sent for the listing. */
	requests: number;
}

export interface ListOptions {
	from: number;
	to: number;
	workspaceId?: string;
	cursor?: string;
	/** Asked after each page that has a successor: true stops the listing there. */
	stopAfterPage?: (listedSoFar: IDataObject[], requests: number) => boolean;
	/** Called after every page received (the poll is making progress). */
	onPage?: () => void;
}

/** GET /v2/calls for one window, following every cursor (404 "no calls" = empty). */
export async function listCalls(ctx: IPollFunctions, opts: ListOptions): Promise<ListResult> {
	const qs: IDataObject = { fromDateTime: iso(opts.from), toDateTime: iso(opts.to) };
	if (opts.workspaceId) qs.workspaceId = opts.workspaceId;
	const calls: IDataObject[] = [];
	let requests = 0;
	const pages = gongApiPages.call(
		ctx,
		{ method: 'GET', path: '/v2/calls', qs, pagination: 'query', recordsKey: 'calls', emptyOn404: true, scope: 'api:calls:read:basic' },
		opts.cursor,
	);
	for await (const page of pages) {
		requests++;
		opts.onPage?.();
		appendAll(calls, page.records);
		if (page.cursor && opts.stopAfterPage?.(calls, requests)) return { calls, nextCursor: page.cursor, requests };
	}
	// A 404 "no calls" still cost one request.
	return { calls, requests: Math.max(requests, 1) };
}

function batches<T>(list: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += ID_BATCH) out.push(list.slice(i, i + ID_BATCH));
	return out;
}

/** POST /v2/calls/transcript by call IDs (≤100 per request): call ID → transcript monologues. */
export async function fetchTranscripts(ctx: IPollFunctions, ids: string[], onPage?: () => void): Promise<Map<string, IDataObject[]>> {
	const out = new Map<string, IDataObject[]>();
	for (const batch of batches(ids)) {
		const pages = gongApiPages.call(ctx, {
			method: 'POST',
			path: '/v2/calls/transcript',
			body: { filter: { callIds: batch } },
			pagination: 'body',
			recordsKey: 'callTranscripts',
			emptyOn404: true,
			retrySafe: true,
			scope: 'api:calls:read:transcript',
		});
		for await (const page of pages) {
			onPage?.();
			for (const record of page.records) {
				const transcript = record.transcript;
				out.set(String(record.callId), Array.isArray(transcript) ? (transcript as IDataObject[]) : []);
			}
		}
	}
	return out;
}

export interface ExtendedOptions {
	include: string[];
	context: string;
	/** Called after every page received. */
	onPage?: () => void;
}

/** POST /v2/calls/extensive by call IDs (≤100 per request): call ID → extended record. */
export async function fetchExtended(ctx: IPollFunctions, ids: string[], opts: ExtendedOptions): Promise<Map<string, IDataObject>> {
	const out = new Map<string, IDataObject>();
	for (const batch of batches(ids)) {
		const body: IDataObject = { filter: { callIds: batch } };
		if (opts.context && opts.context !== 'None') body.contentSelector = { context: opts.context };
		const built = applyContentSelector({ method: 'POST', path: '/v2/calls/extensive', qs: {}, body, values: { include: opts.include } });
		const pages = gongApiPages.call(ctx, {
			method: 'POST',
			path: '/v2/calls/extensive',
			body: built.body,
			pagination: 'body',
			recordsKey: 'calls',
			emptyOn404: true,
			retrySafe: true,
			scope: 'api:calls:read:extensive',
		});
		for await (const page of pages) {
			opts.onPage?.();
			for (const record of page.records) {
				const id = (record.metaData as IDataObject | undefined)?.id;
				if (id !== undefined && id !== null) out.set(String(id), record);
			}
		}
	}
	return out;
}

/** One output item: the call's basic data, merged with its extended data when there is some. */
export function callItem(call: IDataObject, extended?: IDataObject): IDataObject {
	let json: IDataObject = { ...call };
	if (extended) {
		const { metaData, ...rest } = extended;
		json = { ...json, ...((metaData as IDataObject | undefined) ?? {}), ...rest };
	}
	json.id = String(call.id);
	return json;
}
