import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { addCurrentTokens, getConnection, type GongConnection } from './connection';
import { GONG_APP_CREDENTIAL } from './credentials';
import { gongApiError, isGongErrorBody, missingIdsOf, readGongError, redactError, type ErrorHints } from './errors';
import { asNodeError } from '../framework/nodeError';
import { parseJsonKeepingIds, stringifyWithInt64 } from './json';
import { IDLE_TIMEOUT_MS, MAX_PAGES, REQUEST_DEADLINE_MS } from './limits';
import { answered, monotonicNow, rateLimited, waitForSlot } from './pacing';
import type { GongContext } from './types';

export type { GongContext } from './types';
export { getConnection } from './connection';
export { gongApiError } from './errors';
export { MAX_PAGES, REQUEST_DEADLINE_MS } from './limits';

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
	/** 404 with a Gong error body means "nothing matched": resolve to null (not when it names missing ids). */
	emptyOn404?: boolean;
	scope?: string;
	notFoundLabel?: string;
	/**
	 * Why a request that is not retry-safe is never sent twice, for its error messages
	 * (default: it changes data in Gong). E.g. "it consumes Gong AI credits".
	 */
	notRepeatedBecause?: string;
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

/** Thrown by `send` when the whole exchange took longer than REQUEST_DEADLINE_MS. */
class DeadlineExceeded extends Error {}

/**
 * The context n8n's request helper runs in, with `signal` as the execution's cancel signal:
 * n8n sets a request's abortSignal from `getExecutionCancelSignal()` when the context has one
 * (execute contexts), overriding the request's own. Everything else is the real context.
 */
function withCancelSignal(ctx: GongContext, signal: AbortSignal): GongContext {
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getExecutionCancelSignal') return () => signal;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
		has(target, property) {
			return property === 'getExecutionCancelSignal' || Reflect.has(target, property);
		},
	});
}

/**
 * One HTTP exchange through n8n's authenticated request helper, as status + headers + text.
 * Redirects are never followed (the credential goes only to the Base URL), and the whole
 * exchange — not only silences — is bounded by REQUEST_DEADLINE_MS: the request is aborted
 * (connection closed) when the answer has not fully arrived by then.
 */
async function send(
	ctx: GongContext,
	credentialType: string,
	request: IHttpRequestOptions,
	headers: Record<string, string>,
	ignoreHttpStatusErrors: boolean,
): Promise<RawResponse> {
	const deadline = AbortSignal.timeout(REQUEST_DEADLINE_MS);
	const execution = (ctx as { getExecutionCancelSignal?: () => AbortSignal | undefined }).getExecutionCancelSignal?.();
	const controller = new AbortController();
	const stop = () => controller.abort();
	deadline.addEventListener('abort', stop, { once: true });
	execution?.addEventListener('abort', stop, { once: true });
	if (execution?.aborted) controller.abort();
	try {
		const full = (await ctx.helpers.httpRequestWithAuthentication.call(withCancelSignal(ctx, controller.signal), credentialType, {
			...request,
			headers: { ...headers },
			ignoreHttpStatusErrors,
			abortSignal: controller.signal,
		})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		return { statusCode: full.statusCode, headers: full.headers ?? {}, body: bodyText(full.body) };
	} catch (error) {
		// Internal: the caller turns both into a NodeApiError (see gongApiRequest's catch).
		throw deadline.aborted && !execution?.aborted ? new DeadlineExceeded() : error;
	} finally {
		deadline.removeEventListener('abort', stop);
		execution?.removeEventListener('abort', stop);
	}
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
			? `Connection to Gong at ${conn.baseUrl} failed after the ${opts.method} request was sent (${what}) — it was not repeated, because ${opts.notRepeatedBecause ?? 'it changes data in Gong'} and may already have taken effect`
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

/** The host (and port) a Location header points to, resolved against the request URL; never its path or query. */
function locationHost(location: unknown, requestUrl: string): string | undefined {
	const text = Array.isArray(location) ? String(location[0]) : typeof location === 'string' ? location : undefined;
	if (!text) return undefined;
	try {
		return new URL(text, requestUrl).host || undefined;
	} catch {
		return undefined;
	}
}

/** A 3xx answer: redirects are never followed, so the credential never leaves the Base URL. */
function redirectError(node: INode, status: number, headers: Record<string, unknown>, opts: GongRequestOptions, conn: GongConnection, url: string): NodeApiError {
	const host = locationHost(headers.location ?? headers.Location, url);
	const target = host ? `a redirect to ${host}` : 'a redirect';
	const message = conn.redact(`Gong answered ${status} (${target}) to ${opts.method} ${opts.path}; the request was not sent there`);
	const description = conn.redact(
		`Gong's API does not redirect, so redirects are not followed: the credential is only ever sent to the Base URL (${conn.baseUrl}), and nothing was re-sent. Check that the Base URL is your company's Gong API address as shown on Gong's API page (e.g. https://us-12345.api.gong.io), not a web address or a proxy that redirects.`,
	);
	const error = new NodeApiError(node, { message, httpCode: String(status) }, { message, description, httpCode: String(status), itemIndex: opts.itemIndex });
	error.message = message;
	error.context.redirectHost = host;
	return error;
}

/** The whole exchange took longer than REQUEST_DEADLINE_MS: it was cancelled, and is not retried. */
function deadlineError(node: INode, opts: GongRequestOptions, conn: GongConnection, retrySafe: boolean): NodeApiError {
	const seconds = REQUEST_DEADLINE_MS / 1000;
	const message = conn.redact(
		`Gong did not finish answering within ${seconds} s (${opts.method} ${opts.path}); the request was cancelled${retrySafe ? '' : ` and not repeated, because ${opts.notRepeatedBecause ?? 'it changes data in Gong'}`}`,
	);
	const description = retrySafe
		? `Every exchange with Gong must complete within ${seconds} s (besides the ${IDLE_TIMEOUT_MS / 1000} s limit on silence). Gong, or a proxy in between, kept the connection open without finishing the answer. Try again later; for large reads, ask for less per run (a shorter time range or a Limit).`
		: `Every exchange with Gong must complete within ${seconds} s. Gong may or may not have processed this ${opts.method} request; it was not repeated automatically, to avoid doing it twice — check in Gong before running it again.`;
	const error = new NodeApiError(node, { message, code: 'ETIMEDOUT' }, { message, description, itemIndex: opts.itemIndex });
	error.message = message;
	error.context.deadlineMs = REQUEST_DEADLINE_MS;
	return error;
}

/** Where the OAuth2 token endpoint is (host and port), for errors. */
function tokenHost(conn: GongConnection): string {
	try {
		return conn.tokenUrl ? new URL(conn.tokenUrl).host : "Gong's token endpoint";
	} catch {
		return 'the Access Token URL';
	}
}

/**
 * Renews the OAuth2 access token after a 401 through n8n's own OAuth2 client, so a failure is
 * known to come from the token endpoint (not from the Base URL), and the new tokens are redacted.
 */
async function refreshToken(ctx: GongContext, conn: GongConnection, opts: GongRequestOptions): Promise<void> {
	const node = ctx.getNode();
	let data: unknown;
	try {
		data = await ctx.helpers.refreshOAuth2Token.call(ctx, conn.credentialType);
	} catch (error) {
		const e = error as IDataObject;
		const host = tokenHost(conn);
		const code = networkCodeOf(error);
		const status = Number(e?.status ?? (e?.response as IDataObject | undefined)?.status);
		let message: string;
		let description: string;
		if (code && code !== 'EAUTH' && code !== 'ESTATUS') {
			message = `Could not renew the OAuth2 access token: Gong's OAuth2 token endpoint at ${host} could not be reached (${code})`;
			description = `Gong refused the access token (401), and n8n could not reach the credential's Access Token URL (${host}) to renew it. Check the Access Token URL in the credential (Gong's is https://app.gong.io/oauth2/generate-customer-token) and that this n8n can reach ${host} (DNS, proxy, firewall). The request to Gong's API at ${conn.baseUrl} was not processed.`;
		} else {
			const reason = String(e?.message ?? error);
			message = `Gong's OAuth2 token endpoint at ${host} did not renew the access token${Number.isInteger(status) && status > 0 ? ` (HTTP ${status})` : ''}: ${reason}`;
			description = 'The stored refresh token was not accepted (Gong\'s refresh tokens can be used once, and expire when the app is disconnected). Reconnect the credential in n8n; check its Client ID, Client Secret and Access Token URL.';
		}
		await addCurrentTokens(ctx, conn);
		const out = new NodeApiError(node, { message: conn.redact(message) }, { message: conn.redact(message), description: conn.redact(description), itemIndex: opts.itemIndex });
		out.message = conn.redact(message);
		out.context.tokenEndpoint = host;
		if (code) out.context.networkCode = code;
		throw out;
	}
	const tokenData = data as IDataObject | undefined;
	conn.addSecrets([tokenData?.access_token, tokenData?.refresh_token, tokenData?.id_token]);
}

/** A wait in words: seconds, or "more than 100 years" for absurd Retry-After values. */
function waitText(seconds: number): string {
	return Number.isFinite(seconds) && seconds < 100 * 365 * 86400 ? `${Math.ceil(seconds)} s` : 'more than 100 years';
}

/** `ms` since the epoch as ISO text, or undefined when out of Date's range (no RangeError). */
function isoOrUndefined(ms: number): string | undefined {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Concatenates without spreading (a page of 100,000s of records would overflow the call stack). */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
	for (const item of items) target.push(item);
	return target;
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
	try {
		return await requestWithRetries(this, conn, opts);
	} catch (error) {
		// OAuth2 tokens may have been renewed meanwhile (here or by another execution).
		await addCurrentTokens(this, conn);
		throw redactError(error, conn.redact);
	}
}

async function requestWithRetries(ctx: GongContext, conn: GongConnection, opts: GongRequestOptions): Promise<IDataObject | null> {
	const node = ctx.getNode();
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
		timeout: IDLE_TIMEOUT_MS,
		// Gong's API does not redirect: a 3xx is answered with an error, never followed (the
		// credential would go to the Location's host, and a 307 would send a write again).
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const reason = opts.notRepeatedBecause ?? 'it changes data in Gong';

	let faultRetries = 0;
	let rateLimitRetries = 0;
	let firstRateLimitAt: number | undefined;
	for (;;) {
		await waitForSlot(conn.paceKey, conn.requestsPerSecond);
		let response: RawResponse | undefined;
		try {
			response = await send(ctx, conn.credentialType, request, headers, true);
			if (response.statusCode === 401 && conn.credentialType === GONG_APP_CREDENTIAL) {
				if (typeof ctx.helpers.refreshOAuth2Token === 'function') {
					// Renew the token through n8n's OAuth2 client, then send again with the new one.
					await refreshToken(ctx, conn, opts);
					await waitForSlot(conn.paceKey, conn.requestsPerSecond);
					response = await send(ctx, conn.credentialType, request, headers, true);
				} else {
					// Older n8n: its OAuth2 client renews the token only for a thrown 401.
					await waitForSlot(conn.paceKey, conn.requestsPerSecond);
					response = await send(ctx, conn.credentialType, request, headers, false);
				}
			}
		} catch (error) {
			if (error instanceof DeadlineExceeded) throw deadlineError(node, opts, conn, retrySafe);
			if (error instanceof NodeApiError && error.context.tokenEndpoint !== undefined) throw asNodeError(node, error);
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
		if (status >= 300 && status < 400) throw redirectError(node, status, response.headers, opts, conn, request.url);
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
						: `Gong answered ${status} with invalid JSON; the request was not repeated because ${opts.notRepeatedBecause ?? 'it is a write'} — check in Gong whether it took effect`,
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
				// A huge Retry-After is a date beyond Date's range: no RangeError, just no date.
				const retryAt = isoOrUndefined(Date.now() + waitSeconds * 1000);
				const until = retryAt ? ` (until ${retryAt})` : '';
				const retryHint = retryAt ? `Retry after ${retryAt}.` : 'Retry later.';
				throw gongApiError(
					node,
					info,
					hintsFor(opts, conn, rateLimitRetries + 1),
					opts.itemIndex,
					quota
						? `Gong rate limit: Gong asks to wait ${waitText(waitSeconds)}${until}, longer than the credential's max wait of ${conn.maxRetryWaitSeconds} s — the company's daily quota of 10,000 requests is probably used up. ${retryHint}`
						: `Gong rate limit: still refused after ${rateLimitRetries} waits over ${Math.round(waitedSeconds)} s (at most ${RATE_LIMIT_BUDGET_FACTOR} × the credential's max wait of ${conn.maxRetryWaitSeconds} s). ${retryHint}`,
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
		// "Nothing matched" is empty; a 404 naming ids Gong does not know is an error.
		if (status === 404 && opts.emptyOn404 && isGongErrorBody(info) && !missingIdsOf(info)) return null;
		const unrepeatedWrite = !retrySafe && status >= 500;
		throw gongApiError(
			node,
			info,
			hintsFor(opts, conn, faultRetries + 1, unrepeatedWrite),
			opts.itemIndex,
			unrepeatedWrite
				? `Gong API error ${status} (${info.errors.join('; ') || 'server error'}) — the ${opts.method} request was not repeated, because ${reason} and may already have taken effect`
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

/** A listing stopped by its bounds: how far it got and why. */
function pagingError(ctx: GongContext, opts: PaginateOptions, why: 'cap' | 'repeated', pages: number, records: number): NodeOperationError {
	const read = `${pages} page${pages === 1 ? '' : 's'}, ${records} record${records === 1 ? '' : 's'} read`;
	const message =
		why === 'cap'
			? `Gong listing ${opts.method} ${opts.path} stopped after ${pages} pages (${records} record${records === 1 ? '' : 's'} read): Gong still returned a cursor for a next page`
			: `Gong listing ${opts.method} ${opts.path} stopped: Gong returned a cursor it had already returned (after ${read})`;
	const description =
		why === 'cap'
			? `A listing follows at most ${MAX_PAGES} pages — more pages than any real listing needs (Gong's pages hold up to 100 records, and ${MAX_PAGES} requests is a whole daily quota of a Gong company). Narrow the listing (a shorter time range or a filter) or use Limit instead of Return All; nothing read so far is output.`
			: 'Following it would read the same pages again and again, so the listing was stopped rather than returned as if it were complete. Try again later; if it persists, report it to Gong support.';
	return new NodeOperationError(ctx.getNode(), message, { itemIndex: opts.itemIndex, description });
}

/**
 * Yields Gong's pages one by one, following `records.cursor` until it is absent. Bounded: a
 * cursor seen before, or more than MAX_PAGES pages, ends the listing with a NodeOperationError
 * (never silently, as if the list were complete).
 */
export async function* gongApiPages(
	this: GongContext,
	opts: PaginateOptions,
	startCursor?: string,
): AsyncGenerator<Page> {
	let cursor = startCursor;
	const seen = new Set<string>(startCursor === undefined ? [] : [startCursor]);
	let pages = 0;
	let recordCount = 0;
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
		const rawNext = (response.records as IDataObject | undefined)?.cursor;
		const next = rawNext === undefined || rawNext === null || rawNext === '' ? undefined : String(rawNext);
		pages++;
		recordCount += records.length;
		yield { records, response, cursor: next };
		if (!next) return;
		if (seen.has(next)) throw pagingError(this, opts, 'repeated', pages, recordCount);
		if (pages >= MAX_PAGES) throw pagingError(this, opts, 'cap', pages, recordCount);
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
		appendAll(records, page.records);
		if (limit !== undefined && records.length >= limit) break;
	}
	return { records: limit === undefined ? records : records.slice(0, limit), responses };
}
