import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseJsonKeepingIds } from './json';

export interface GongErrorInfo {
	status: number;
	requestId?: string;
	errors: string[];
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
		}
	} catch {
		const text = body.trim();
		if (text && text.length < 300 && !text.startsWith('<')) info.errors = [text];
	}
	return info;
}

/** A Gong error body (as opposed to a proxy page or an unknown route). */
export function isGongErrorBody(info: GongErrorInfo): boolean {
	return info.requestId !== undefined || info.errors.length > 0;
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
			return hints.notFoundLabel
				? `${hints.notFoundLabel} was not found in Gong. Check the ID, and that the credential can see it.`
				: 'Gong found nothing for this request.';
		case 409:
			return 'Gong reports a conflict: the request clashes with existing data (for example a reused client request ID) or a company setting.';
		case 429:
			return 'Gong allows 3 requests per second and 10,000 per day per company, shared by every integration.';
		default:
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
	const statusText = STATUS_TEXT[info.status] ?? `HTTP ${info.status}`;
	const detail = info.errors.length ? info.errors.join('; ') : statusText;
	const message = messageOverride ?? `Gong API error ${info.status} (${statusText}): ${detail}`;
	const parts = [hintFor(info, hints)];
	if (hints.attempts && hints.attempts > 1) parts.push(`Tried ${hints.attempts} times.`);
	if (info.requestId) parts.push(`Gong request ID: ${info.requestId}`);
	const description = parts.filter((p) => p).join(' ');
	const response: JsonObject = {
		httpCode: String(info.status),
		message,
		requestId: info.requestId ?? null,
		errors: info.errors,
	};
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: String(info.status),
		itemIndex,
	});
	error.context.requestId = info.requestId;
	error.context.gongErrors = info.errors;
	return error;
}
