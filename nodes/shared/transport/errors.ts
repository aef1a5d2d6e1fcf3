import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseJsonKeepingIds } from './json';

export interface GongErrorInfo {
	status: number;
	requestId?: string;
	errors: string[];
	/** The body was Gong's JSON error shape ({requestId, errors[]}), not a proxy page or plain text. */
	fromGong?: boolean;
}

/** Reads Gong's `{requestId, errors[]}` error body; tolerates anything else. */
export function readGongError(status: number, body: string): GongErrorInfo {
	const info: GongErrorInfo = { status, errors: [] };
	try {
		const parsed = parseJsonKeepingIds(body) as IDataObject;
		if (parsed && typeof parsed === 'object') {
			if (typeof parsed.requestId === 'string') info.requestId = parsed.requestId;
			if (Array.isArray(parsed.errors)) info.errors = parsed.errors.map((e) => String(e));
			else if (typeof parsed.message === 'string') info.errors = [parsed.message];
			info.fromGong = info.requestId !== undefined || Array.isArray(parsed.errors);
		}
	} catch {
		const text = body.trim();
		if (text && text.length < 300 && !text.startsWith('<')) info.errors = [text];
	}
	return info;
}

/** Where Gong names ids it does not know: "The following userIds were not found: 1, 2". */
const MISSING_IDS = /\b(?:was|were) not found\s?:([^\n]{1,20000})/i;

/**
 * The ids a Gong 404 names as missing ("The following userIds were not found: …"), or undefined
 * when it names none. Such a 404 is not "nothing matched the filters": the request asked for
 * records that do not exist (or that the credential cannot see).
 */
export function missingIdsOf(info: GongErrorInfo): string[] | undefined {
	if (info.status !== 404 || !isGongErrorBody(info)) return undefined;
	for (const text of info.errors) {
		const match = MISSING_IDS.exec(text);
		const ids = match?.[1].match(/\d{1,20}/g);
		if (ids?.length) return [...new Set(ids)];
	}
	return undefined;
}

/** A Gong error body (as opposed to a proxy page or an unknown route). */
export function isGongErrorBody(info: GongErrorInfo): boolean {
	return info.fromGong === true;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad request',
	401: 'Access denied',
	402: 'Payment required',
	403: 'Forbidden',
	404: 'Not found',
	409: 'Conflict',
	429: 'Too many requests',
	500: 'Gong server error',
	502: 'Bad gateway',
	503: 'Gong unavailable',
	504: 'Gateway timeout',
};

export interface ErrorHints {
	scope?: string;
	/** What was looked up, for single-resource 404s ("Call 123"). */
	notFoundLabel?: string;
	baseUrl?: string;
	attempts?: number;
	/** The request changes data in Gong and was not repeated after an ambiguous failure. */
	unrepeatedWrite?: boolean;
	/** Removes credential secrets from any text that goes into the error. */
	redact?: (text: string) => string;
}

/**
 * Builds a function that replaces every occurrence of the given secrets (and of the Basic
 * header value made from them) with "[redacted]". Values shorter than 4 characters are ignored.
 */
export function secretRedactor(secrets: unknown[]): (text: string) => string {
	const list = secrets
		.filter((s): s is string => typeof s === 'string' && s.trim().length >= 4)
		.map((s) => s.trim());
	const all = new Set<string>(list);
	for (const a of list) for (const b of list) all.add(Buffer.from(`${a}:${b}`).toString('base64'));
	for (const s of [...all]) {
		all.add(encodeURIComponent(s));
		all.add(JSON.stringify(s).slice(1, -1));
	}
	const sorted = [...all].sort((x, y) => y.length - x.length);
	return (text: string) => {
		let out = String(text);
		for (const secret of sorted) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
		return out;
	};
}

function hintFor(info: GongErrorInfo, hints: ErrorHints): string {
	const text = info.errors.join(' ').toLowerCase();
	switch (info.status) {
		case 401:
			return `Gong refused the credential. Check the access key and secret (or reconnect OAuth2), and that the Base URL is your company's own Gong API address as shown on Gong's API page (e.g. https://us-12345.api.gong.io) — keys of companies hosted outside the default region are refused by https://api.gong.io. Requests went to ${hints.baseUrl ?? 'the configured Base URL'}.`;
		case 402:
			return 'This AI operation consumes Gong credits; Gong reports that none are available (Payment Required). Ask your Gong admin about AI credits.';
		case 403:
			if (text.includes('limited release'))
				return 'This Gong endpoint is in limited release: ask your Gong CSM to enable it for your company.';
			return hints.scope
				? `The credential is not allowed to do this. It needs the Gong scope "${hints.scope}": for OAuth2 add it to the Gong app and the credential's Scope field and reconnect; for access keys ask a Gong technical admin.`
				: 'The credential is not allowed to do this; check its permissions in Gong.';
		case 404:
			if (missingIdsOf(info))
				return 'Gong does not know the IDs it names (or the credential cannot see them). Check the IDs.';
			if (!isGongErrorBody(info))
				return `The address was not found. Check that the Base URL is your company's Gong API address (e.g. https://us-12345.api.gong.io, without a path); requests went to ${hints.baseUrl ?? 'the configured Base URL'}.`;
			return hints.notFoundLabel
				? `${hints.notFoundLabel} was not found in Gong. Check the ID, and that the credential can see it.`
				: 'Gong found nothing for this request.';
		case 409:
			return 'Gong reports a conflict: the request clashes with existing data (for example a reused client request ID) or a company setting.';
		case 429:
			return 'Gong allows 3 requests per second and 10,000 per day per company, shared by every integration.';
		case 400:
			return 'Gong rejected the request as invalid; its message above names the problem.';
		default:
			if (info.status >= 500 && hints.unrepeatedWrite)
				return 'Gong may or may not have applied this change before the error. The request was not repeated automatically, to avoid doing it twice; check in Gong before running it again.';
			if (info.status >= 500) return 'Gong had a problem processing the request. Try again later.';
			return '';
	}
}

/** Builds the NodeApiError for a Gong error answer: status, Gong's messages, requestId and a hint. */
export function gongApiError(
	node: INode,
	info: GongErrorInfo,
	hints: ErrorHints,
	itemIndex?: number,
	messageOverride?: string,
): NodeApiError {
	const redact = hints.redact ?? ((text: string) => text);
	const errors = info.errors.map((e) => redact(e));
	const requestId = info.requestId === undefined ? undefined : redact(info.requestId);
	const statusText = STATUS_TEXT[info.status] ?? `HTTP ${info.status}`;
	const detail = errors.length ? errors.join('; ') : statusText;
	const message = redact(messageOverride ?? `Gong API error ${info.status} (${statusText}): ${detail}`);
	const parts = [hintFor(info, hints)];
	if (hints.attempts && hints.attempts > 1) parts.push(`Tried ${hints.attempts} times.`);
	if (requestId) parts.push(`Gong request ID: ${requestId}`);
	const description = redact(parts.filter((p) => p).join(' '));
	const response: JsonObject = {
		httpCode: String(info.status),
		message,
		requestId: requestId ?? null,
		errors,
	};
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: String(info.status),
		itemIndex,
	});
	// NodeApiError swaps messages that mention a network code for its generic text: keep ours.
	error.message = message;
	error.context.requestId = requestId;
	error.context.gongErrors = errors;
	const missingIds = missingIdsOf(info);
	if (missingIds) error.context.missingIds = missingIds;
	return error;
}

/** Applies `redact` to every string inside a JSON-like value (bounded depth; other values kept). */
function redactValue(value: unknown, redact: (text: string) => string, depth = 0): unknown {
	if (typeof value === 'string') return redact(value);
	if (depth > 8 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((v) => redactValue(v, redact, depth + 1));
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) out[key] = redactValue(v, redact, depth + 1) as IDataObject[string];
	return out;
}

/**
 * Redacts every text an n8n error carries (message, description, messages, context, the
 * response it was built from, cause, stack) in place: the last step before an error leaves the
 * transport, with the secrets known at that moment (including OAuth2 tokens renewed meanwhile).
 */
export function redactError<T>(error: T, redact: (text: string) => string): T {
	if (!error || typeof error !== 'object') return error;
	const e = error as unknown as IDataObject & { message?: string; stack?: string };
	for (const key of ['message', 'description', 'stack']) {
		if (typeof e[key] === 'string') e[key] = redact(e[key] as string);
	}
	for (const key of ['messages', 'context', 'errorResponse', 'cause']) {
		const value = e[key];
		if (value === undefined || value === null || value instanceof Error) continue;
		e[key] = redactValue(value, redact) as IDataObject[string];
	}
	return error;
}
