import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { getConnection, type GongConnection } from './connection';
import { OAUTH2_CREDENTIAL } from './credentials';
import { gongApiError, isGongErrorBody, readGongError, type ErrorHints } from './errors';
import { parseJsonKeepingIds, stringifyWithInt64 } from './json';
import { answered, monotonicNow, rateLimited, waitForSlot } from './pacing';
import type { GongContext } from './types';

export type { GongContext } from './types';
export { getConnection } from './connection';
export { gongApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface GongRequestOptions {
	method: HttpMethod;
	/** Path starting with /v2/. */
	path: string;
	qs?: IDataObject;
	/** JSON body (ids as strings; Int64 values are written as exact numbers). */
	body?: unknown;
	/** Already encoded body (multipart); `headers` must carry its Content-Type. */
	rawBody?: Buffer;
	headers?: Record<string, string>;
	itemIndex?: number;
	/**
	 * Safe to send again after a 5xx, a malformed answer or a dropped connection (reads, and
	 * writes made idempotent by Gong, e.g. add call with clientUniqueId). Default: GET only.
	 * A 429 is always retried: Gong did not process the request.
	 */
	retrySafe?: boolean;
	/** 404 with a Gong error body means "nothing matched": resolve to null. */
	emptyOn404?: boolean;
	scope?: string;
	notFoundLabel?: string;
}

/** Retries after 5xx / network faults / malformed answers, for retry-safe requests. */
export const MAX_FAULT_RETRIES = 4;
/**
 * A request refused with 429 is sent again after Retry-After for as long as the time since its
 * first 429 stays within RATE_LIMIT_BUDGET_FACTOR × the credential's max wait (default 120 s →
 * 20 minutes), however many 429s that takes: with several n8n processes sharing one Gong
 * company, meeting many 429s in a row is normal. A single Retry-After longer than the max wait
 * (daily quota) fails at once. MAX_RATE_LIMIT_WAITS only keeps the loop bounded.
 */
export const RATE_LIMIT_BUDGET_FACTOR = 10;
export const MAX_RATE_LIMIT_WAITS = 10000;
const RETRY_STATUSES = [500, 502, 503, 504];

/** Network errors after which the request certainly did not reach Gong. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'];
/** Of those, the ones worth trying again (ENOTFOUND is a wrong host, not a hiccup). */
const NOT_SENT_TRANSIENT = ['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
/** Network errors after which Gong may or may not have processed the request. */
const AMBIGUOUS_CODES = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_BAD_RESPONSE', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT'];

/** One HTTP exchange through n8n's authenticated request helper, as status + headers + text. */
async function send(
	ctx: GongContext,
	credentialType: string,
	request: IHttpRequestOptions,
	headers: Record<string, string>,
	ignoreHttpStatusErrors: boolean,
): Promise<RawResponse> {
	const full = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
		...request,
		headers: { ...headers },
		ignoreHttpStatusErrors,
	})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
	return { statusCode: full.statusCode, headers: full.headers ?? {}, body: bodyText(full.body) };
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: string;
}

function bodyText(data: unknown): string {
	if (data === undefined || data === null) return '';
	if (Buffer.isBuffer(data)) return data.toString('utf8');
	if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
	if (typeof data === 'string') return data;
	return JSON.stringify(data);
}

/**
 * The network error code (ECONNRESET …) of an error thrown by n8n's request helpers. n8n wraps
 * errors in NodeApiError and keeps only message and httpCode, so both are searched.
 */
function networkCodeOf(error: unknown): string | undefined {
	const e = error as IDataObject | undefined;
	for (const candidate of [e?.code, e?.httpCode, (e?.cause as IDataObject | undefined)?.code]) {
		if (typeof candidate === 'string' && /^E[A-Z_]{3,}$/.test(candidate)) return candidate;
	}
	const match = String(e?.message ?? '').match(/\b(E[A-Z_]{3,})\b/);
	if (match) return match[1];
	if (/socket hang up/i.test(String(e?.message ?? ''))) return 'ECONNRESET';
	return undefined;
}

/** The HTTP status n8n recorded on a thrown error, when the error came from an HTTP answer. */
function httpStatusOf(error: unknown): number | undefined {
	const code = Number((error as IDataObject | undefined)?.httpCode);
	return Number.isInteger(code) && code >= 100 && code < 600 ? code : undefined;
}

/** Retry-After in seconds (delta-seconds or an HTTP date); 1 s when absent. */
export function retryAfterSeconds(headers: Record<string, unknown>): number {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	const text = Array.isArray(raw) ? String(raw[0]) : raw === undefined ? '' : String(raw);
	if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.max(0, Number(text));
	const date = Date.parse(text);
	if (!Number.isNaN(date)) return Math.max(0, (date - Date.now()) / 1000);
	return 1;
}

/** Exponential backoff with jitter: 125–250 ms, 250–500 ms, 0.5–1 s, 1–2 s (then capped at 4 s). */
export function backoffMs(attempt: number): number {
	const base = Math.min(4000, 250 * 2 ** (attempt - 1));
	return base / 2 + Math.random() * (base / 2);
}

function hintsFor(opts: GongRequestOptions, conn: GongConnection, attempts: number, unrepeatedWrite = false): ErrorHints {
	return {
		scope: opts.scope,
		notFoundLabel: opts.notFoundLabel,
		baseUrl: conn.baseUrl,
		attempts,
		unrepeatedWrite,
		redact: conn.redact,
	};
}

type NetworkFailure = 'notSent' | 'retriedRead' | 'ambiguousWrite';

function networkError(
	node: INode,
	code: string | undefined,
	opts: GongRequestOptions,
	conn: GongConnection,
	attempts: number,
	failure: NetworkFailure,
): NodeApiError {
	const what = code ?? 'network error';
	const message = conn.redact(
		failure === 'ambiguousWrite'
			? `Connection to Gong at ${conn.baseUrl} failed after the ${opts.method} request was sent (${what}) — it was not repeated, because it changes data in Gong and may already have taken effect`
			: `Could not reach Gong at ${conn.baseUrl} (${what})`,
	);
	const tries = `Tried ${attempts} time${attempts === 1 ? '' : 's'}.`;
	let description: string;
	if (failure === 'ambiguousWrite') {
		description = `The connection failed after the request was sent, so Gong may or may not have processed this ${opts.method} request. It was not repeated automatically, to avoid doing it twice; check in Gong before running it again.`;
	} else if (failure === 'notSent') {
		description = `The request did not reach Gong. ${tries} Check the Base URL (${conn.baseUrl}) and the network.`;
	} else {
		description = `The connection to Gong failed. ${tries} Gong or the network may be having problems; try again later.`;
	}
	const error = new NodeApiError(node, { message, code: what }, { message, description, itemIndex: opts.itemIndex });
	// NodeApiError replaces messages that mention a network code with generic text: keep ours.
	error.message = message;
	error.context.networkCode = what;
	error.context.attempts = attempts;
	return error;
}

/** An error of n8n's request helper that is neither an HTTP answer nor a network failure. */
function requestFailedError(node: INode, error: unknown, opts: GongRequestOptions, conn: GongConnection): NodeApiError {
	const original = conn.redact(String((error as Error)?.message ?? error));
	const message = `The request to Gong could not be sent: ${original}`;
	const out = new NodeApiError(node, { message }, {
		message,
		description: 'Nothing was received from Gong. Check the credential (for OAuth2: reconnect it) and the Base URL.',
		itemIndex: opts.itemIndex,
	});
	out.message = message;
	return out;
}

/**
 * Sends one request to Gong: the only place a request leaves the package. Applies the
 * credential (httpRequestWithAuthentication), the base-URL policy, pacing, Retry-After,
 * retries of retry-safe requests, and turns every failure into a NodeApiError whose text
 * never contains the credential's secrets.
 * Resolves to the parsed JSON body (ids longer than 15 digits as strings), or null for an
 * "empty" 404 when `emptyOn404` is set.
 */
export async function gongApiRequest(this: GongContext, opts: GongRequestOptions): Promise<IDataObject | null> {
	const conn = await getConnection(this);
	const node = this.getNode();
	const retrySafe = opts.retrySafe ?? opts.method === 'GET';
	const headers: Record<string, string> = { Accept: 'application/json', ...(opts.headers ?? {}) };
	let body: string | Buffer | undefined;
	if (opts.rawBody) body = opts.rawBody;
	else if (opts.body !== undefined) {
		body = stringifyWithInt64(opts.body);
		headers['Content-Type'] = 'application/json';
	}
	const request: IHttpRequestOptions = {
		method: opts.method,
		url: `${conn.baseUrl}${opts.path}`,
		qs: opts.qs && Object.keys(opts.qs).length ? opts.qs : undefined,
		arrayFormat: 'repeat',
		headers,
		body,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: 120000,
	};

	let faultRetries = 0;
	let rateLimitRetries = 0;
	let firstRateLimitAt: number | undefined;
	for (;;) {
		await waitForSlot(conn.paceKey, conn.requestsPerSecond);
		let response: RawResponse | undefined;
		try {
			response = await send(this, conn.credentialType, request, headers, true);
			if (response.statusCode === 401 && conn.credentialType === OAUTH2_CREDENTIAL) {
				// Let n8n's OAuth2 client refresh the token: it does so only for a thrown 401.
				await waitForSlot(conn.paceKey, conn.requestsPerSecond);
				response = await send(this, conn.credentialType, request, headers, false);
			}
		} catch (error) {
			const status = httpStatusOf(error);
			if (status !== undefined) {
				response = { statusCode: status, headers: {}, body: '' };
			} else {
				const code = networkCodeOf(error);
				if (!code) throw requestFailedError(node, error, opts, conn);
				const sent = !NOT_SENT_CODES.includes(code);
				const retryable = sent
					? retrySafe && AMBIGUOUS_CODES.includes(code)
					: NOT_SENT_TRANSIENT.includes(code);
				if (retryable && faultRetries < MAX_FAULT_RETRIES) {
					faultRetries++;
					await sleep(backoffMs(faultRetries));
					continue;
				}
				const failure: NetworkFailure = !sent ? 'notSent' : retrySafe ? 'retriedRead' : 'ambiguousWrite';
				throw networkError(node, code, opts, conn, faultRetries + 1, failure);
			}
		}

		const status = response.statusCode;
		if (status !== 429) answered(conn.paceKey);
		if (status >= 200 && status < 300) {
			try {
				const parsed = parseJsonKeepingIds(response.body);
				return (parsed ?? {}) as IDataObject;
			} catch {
				if (retrySafe && faultRetries < MAX_FAULT_RETRIES) {
					faultRetries++;
					await sleep(backoffMs(faultRetries));
					continue;
				}
				throw gongApiError(
					node,
					{ status, errors: ['Gong answered with a body that is not valid JSON'] },
					hintsFor(opts, conn, faultRetries + 1),
					opts.itemIndex,
					retrySafe
						? `Gong answered ${status} with invalid JSON`
						: `Gong answered ${status} with invalid JSON; the request was not repeated because it is a write — check in Gong whether it took effect`,
				);
			}
		}

		const info = readGongError(status, response.body);
		if (status === 429) {
			const waitSeconds = retryAfterSeconds(response.headers);
			const now = monotonicNow();
			firstRateLimitAt ??= now;
			const waitedSeconds = (now - firstRateLimitAt) / 1000;
			const budgetSeconds = conn.maxRetryWaitSeconds * RATE_LIMIT_BUDGET_FACTOR;
			const quota = waitSeconds > conn.maxRetryWaitSeconds;
			if (quota || waitedSeconds + waitSeconds > budgetSeconds || rateLimitRetries >= MAX_RATE_LIMIT_WAITS) {
				const retryAt = new Date(Date.now() + waitSeconds * 1000).toISOString();
				throw gongApiError(
					node,
					info,
					hintsFor(opts, conn, rateLimitRetries + 1),
					opts.itemIndex,
					quota
						? `Gong rate limit: Gong asks to wait ${Math.ceil(waitSeconds)} s (until ${retryAt}), longer than the credential's max wait of ${conn.maxRetryWaitSeconds} s — the company's daily quota of 10,000 requests is probably used up. Retry after ${retryAt}.`
						: `Gong rate limit: still refused after ${rateLimitRetries} waits over ${Math.round(waitedSeconds)} s (at most ${RATE_LIMIT_BUDGET_FACTOR} × the credential's max wait of ${conn.maxRetryWaitSeconds} s). Retry after ${retryAt}.`,
				);
			}
			rateLimitRetries++;
			// Everyone in this process sharing the budget waits, and the process takes a smaller
			// share of it; the retry below sleeps until then (pacing).
			rateLimited(conn.paceKey, waitSeconds * 1000);
			continue;
		}
		if (RETRY_STATUSES.includes(status) && retrySafe && faultRetries < MAX_FAULT_RETRIES) {
			faultRetries++;
			await sleep(backoffMs(faultRetries));
			continue;
		}
		if (status === 404 && opts.emptyOn404 && isGongErrorBody(info)) return null;
		const unrepeatedWrite = !retrySafe && status >= 500;
		throw gongApiError(
			node,
			info,
			hintsFor(opts, conn, faultRetries + 1, unrepeatedWrite),
			opts.itemIndex,
			unrepeatedWrite
				? `Gong API error ${status} (${info.errors.join('; ') || 'server error'}) — the ${opts.method} request was not repeated, because it changes data in Gong and may already have taken effect`
				: undefined,
		);
	}
}

export interface PaginateOptions extends GongRequestOptions {
	/** Where Gong wants the cursor: query (GET lists) or the top level of the JSON body (POST lists). */
	pagination: 'query' | 'body';
	recordsKey: string;
}

export interface Page {
	records: IDataObject[];
	response: IDataObject;
	cursor?: string;
}

/** Yields Gong's pages one by one, following `records.cursor` until it is absent. */
export async function* gongApiPages(
	this: GongContext,
	opts: PaginateOptions,
	startCursor?: string,
): AsyncGenerator<Page> {
	let cursor = startCursor;
	const seen = new Set<string>();
	for (;;) {
		const request: GongRequestOptions = { ...opts, emptyOn404: opts.emptyOn404 ?? true };
		if (cursor !== undefined) {
			if (opts.pagination === 'query') request.qs = { ...(opts.qs ?? {}), cursor };
			else request.body = { ...((opts.body as IDataObject) ?? {}), cursor };
		}
		const response = await gongApiRequest.call(this, request);
		if (response === null) return;
		const raw = response[opts.recordsKey];
		const records = Array.isArray(raw) ? (raw as IDataObject[]) : [];
		const next = ((response.records as IDataObject | undefined)?.cursor as string | undefined) || undefined;
		yield { records, response, cursor: next };
		if (!next || seen.has(next)) return;
		seen.add(next);
		cursor = next;
	}
}

/**
 * The Limit parameter as a whole number ≥ 1 (digit strings from expressions accepted), or a
 * NodeOperationError naming the parameter — before any request.
 */
export function checkLimit(node: INode, limit: unknown, itemIndex?: number): number {
	const value = typeof limit === 'string' && /^\s*\d+\s*$/.test(limit) ? Number(limit) : limit;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(
			node,
			`Parameter "Limit" (limit): ${JSON.stringify(limit) ?? String(limit)} is not a whole number of at least 1`,
			{ itemIndex, description: 'Fix the value of this parameter; nothing was sent to Gong.' },
		);
	}
	return value;
}

/**
 * Collects records across pages. With `limit`, stops requesting as soon as `limit` records
 * are in hand and returns exactly that many (or all there are).
 */
export async function gongApiPaginate(
	this: GongContext,
	opts: PaginateOptions,
	limit?: number,
): Promise<{ records: IDataObject[]; responses: IDataObject[] }> {
	const records: IDataObject[] = [];
	const responses: IDataObject[] = [];
	if (limit !== undefined) limit = checkLimit(this.getNode(), limit, opts.itemIndex);
	for await (const page of gongApiPages.call(this, opts)) {
		responses.push(page.response);
		records.push(...page.records);
		if (limit !== undefined && records.length >= limit) break;
	}
	return { records: limit === undefined ? records : records.slice(0, limit), responses };
}
