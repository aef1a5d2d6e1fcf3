import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { appendAll, gongApiPages } from '../shared/transport';

export { fetchExtended, fetchTranscripts, ID_BATCH, type ExtendedOptions } from '../shared/calls/byIds';

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
