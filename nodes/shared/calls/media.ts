import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialTypeOf } from '../transport/connection';

/** The contexts a recording can be downloaded from: the node, and the triggers (poll, webhook). */
export type MediaContext = IExecuteFunctions | IPollFunctions | IWebhookFunctions;

/**
 * Downloads a call recording from the media URL Gong returns (POST /v2/calls/extensive with
 * contentSelector.exposedFields.media). Those URLs are pre-signed links on a storage host, not
 * Gong's API: they are fetched with n8n's plain request helper, never with the Gong credential,
 * and with no Authorization header at all.
 *
 * Rules:
 * - https only; http only when the Gong credential allows a non-Gong host (local sandbox).
 * - Redirects are followed by hand, at most MAX_MEDIA_REDIRECTS, each target checked by the same
 *   rule (so never to http, file: or anything else); nothing is sent that a redirect could leak.
 * - Size: refused early when Content-Length is over the limit, and the bytes actually read are
 *   bounded by the limit too (a host that sends more, or no Content-Length, is cut off).
 * - Errors never show the URL's query (its signature): only the media host's origin.
 */

/** Most redirects followed for one media download. */
export const MAX_MEDIA_REDIRECTS = 3;
/** Default size limit (MB) of one downloaded recording. */
export const DEFAULT_MEDIA_MAX_MB = 250;
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

export type MediaKind = 'audio' | 'video';

/** File extensions of the media types Gong serves (and a few common others). */
const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mp4': 'm4a',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/ogg': 'ogg',
	'audio/webm': 'weba',
	'audio/aac': 'aac',
	'audio/flac': 'flac',
	'video/mp4': 'mp4',
	'video/webm': 'webm',
	'video/quicktime': 'mov',
	'video/x-matroska': 'mkv',
};
const BY_EXTENSION: Record<string, string> = { mp3: 'audio/mpeg', m4a: 'audio/mp4', wav: 'audio/wav', ogg: 'audio/ogg', aac: 'audio/aac', flac: 'audio/flac', mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', mkv: 'video/x-matroska' };
/** What Gong serves when the host names no usable type. */
const DEFAULT_TYPE: Record<MediaKind, string> = { audio: 'audio/mpeg', video: 'video/mp4' };
/** Answers that are certainly not a recording (an error or login page with status 200). */
const NOT_MEDIA = /^(text\/|application\/(json|xml|xhtml\+xml|problem\+json)$)/;

export interface MediaDownload {
	data: Buffer;
	mimeType: string;
	/** File extension for the MIME type (or the URL's), without the dot. */
	extension: string;
}

export interface MediaRequest {
	url: string;
	kind: MediaKind;
	maxBytes: number;
	/** Allow http:// links (the credential's "Allow a Non-Gong Host"). */
	allowHttp: boolean;
	/** What is downloaded, for messages: "the audio of call 123". */
	label: string;
	itemIndex: number;
}

/** Whether the credential in use allows non-https hosts (read once per execution). */
const allowHttpCache = new WeakMap<object, boolean>();
export async function mediaAllowsHttp(ctx: IExecuteFunctions | IPollFunctions): Promise<boolean> {
	const cached = allowHttpCache.get(ctx);
	if (cached !== undefined) return cached;
	const creds = (await ctx.getCredentials(credentialTypeOf(ctx))) as IDataObject;
	const allow = creds.allowCustomHost === true;
	allowHttpCache.set(ctx, allow);
	return allow;
}

/** Types named in the "not a recording" error; any other text type is only called one. */
const NAMED_NOT_MEDIA = ['text/html', 'text/plain', 'text/xml', 'text/csv', 'application/json', 'application/xml', 'application/xhtml+xml', 'application/problem+json'];

/**
 * The media type a host answered with (see baseTypeOf), for a message: one of NAMED_NOT_MEDIA or
 * "a text type" — the header is the host's text (it could quote the signed link), so none of it
 * is echoed.
 */
function mediaTypeText(type: string): string {
	return NAMED_NOT_MEDIA.includes(type) ? type : 'a text type';
}

/** The media type of a Content-Type header without its parameters, lower case ('' when absent). */
function baseTypeOf(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A network failure for a message: its error code (ECONNRESET …) only. The message of a failed
 * download can quote the signed link; the code cannot.
 */
function codeOf(error: unknown): string {
	const code = String((error as IDataObject)?.code ?? '').match(/^E[A-Z_]{3,}$/)?.[0];
	return code ? ` (${code})` : '';
}

/** The origin of a URL for messages (no path, no query: the signature stays out of errors). */
function originOf(url: URL): string {
	return url.origin === 'null' ? `${url.protocol}//` : url.origin;
}

/** Parses and checks a media URL (Gong's or a redirect target) against the https rule. */
export function checkMediaUrl(node: INode, raw: string, base: string | undefined, req: Pick<MediaRequest, 'allowHttp' | 'label' | 'itemIndex'>): URL {
	let url: URL;
	try {
		url = base === undefined ? new URL(raw) : new URL(raw, base);
	} catch {
		throw new NodeOperationError(node, `The media link for ${req.label} is not a valid URL`, {
			itemIndex: req.itemIndex,
			description: base === undefined ? 'Gong returned a media link that cannot be parsed.' : 'The media host redirected to an address that cannot be parsed.',
		});
	}
	const https = url.protocol === 'https:';
	if (!https && !(url.protocol === 'http:' && req.allowHttp)) {
		throw new NodeOperationError(node, `The media link for ${req.label} was refused: ${originOf(url)} is not an https:// address`, {
			itemIndex: req.itemIndex,
			description: `${base === undefined ? 'Gong returned' : 'The media host redirected to'} a link that does not use https. Recordings are only downloaded over https (http only when the Gong credential's "Allow a Non-Gong Host" is on, for a local sandbox).`,
		});
	}
	if (url.username || url.password) {
		throw new NodeOperationError(node, `The media link for ${req.label} was refused: it contains a user name or password`, { itemIndex: req.itemIndex });
	}
	return url;
}

function httpError(node: INode, status: number, message: string, description: string, itemIndex: number): NodeApiError {
	const error = new NodeApiError(node, { message, httpCode: String(status) }, { message, description, httpCode: String(status), itemIndex });
	// NodeApiError may swap the message for a generic one: keep ours.
	error.message = message;
	return error;
}

function header(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

interface Destroyable {
	destroy?: () => void;
}

function discard(body: unknown): void {
	const stream = body as Destroyable | null;
	if (stream && typeof stream === 'object' && typeof stream.destroy === 'function') stream.destroy();
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MB`;

/** Reads the body (a stream, or a buffer from request helpers that buffer), never more than maxBytes. */
async function readBounded(node: INode, body: unknown, req: MediaRequest, origin: string): Promise<Buffer> {
	const tooLarge = (read: string) =>
		new NodeOperationError(node, `${capitalised(req.label)} is larger than the limit of ${megabytes(req.maxBytes)} (${read})`, {
			itemIndex: req.itemIndex,
			description: 'Raise Options > Max Size (MB) to download it; the download was stopped.',
		});
	if (Buffer.isBuffer(body)) {
		if (body.length > req.maxBytes) throw tooLarge(`${megabytes(body.length)} received`);
		return body;
	}
	if (body === null || body === undefined || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
		throw new NodeOperationError(node, `The media host ${origin} sent no readable body for ${req.label}`, { itemIndex: req.itemIndex });
	}
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for await (const chunk of body as AsyncIterable<Buffer | string>) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			total += buffer.length;
			if (total > req.maxBytes) {
				discard(body);
				throw tooLarge(`stopped after ${megabytes(total)}`);
			}
			chunks.push(buffer);
		}
	} catch (error) {
		throw error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, `The download of ${req.label} from ${origin} broke off${codeOf(error)}`, {
					itemIndex: req.itemIndex,
					description: 'The connection to the media host failed during the download; run the node again.',
				});
	}
	return Buffer.concat(chunks, total);
}

/** The MIME type to store: the host's when it is audio/video, else from the URL's extension, else Gong's default. */
function mediaTypeOf(contentType: string | undefined, url: URL, kind: MediaKind): string {
	const type = baseTypeOf(contentType);
	if (/^(audio|video)\/[\w.+-]+$/.test(type)) return type;
	const ext = (url.pathname.split('/').pop() ?? '').split('.').pop()?.toLowerCase() ?? '';
	return BY_EXTENSION[ext] ?? DEFAULT_TYPE[kind];
}

/**
 * Downloads one recording: checks the URL, follows redirects by hand under the same rule,
 * enforces the size limit and turns every failure into a clear error for the item.
 */
export async function downloadMedia(ctx: MediaContext, req: MediaRequest): Promise<MediaDownload> {
	const node = ctx.getNode();
	let url = checkMediaUrl(node, req.url, undefined, req);
	for (let hop = 0; ; hop++) {
		const origin = originOf(url);
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: url.href,
			// No Authorization, no cookies: the link is pre-signed. n8n adds only its User-Agent.
			headers: { Accept: 'audio/*, video/*, application/octet-stream;q=0.9, */*;q=0.5' },
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: DOWNLOAD_TIMEOUT_MS,
		};
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			response = (await ctx.helpers.httpRequest(options)) as typeof response;
		} catch (error) {
			throw new NodeOperationError(node, `Could not download ${req.label} from the media host ${origin}${codeOf(error)}`, {
				itemIndex: req.itemIndex,
				description: 'The media host could not be reached. Check the network (a proxy or firewall may block the storage host Gong links to) and run the node again.',
			});
		}
		const status = Number(response.statusCode);
		if (status >= 300 && status < 400 && status !== 304) {
			discard(response.body);
			const location = header(response.headers, 'location');
			if (!location) throw httpError(node, status, `The media host ${origin} answered ${status} for ${req.label} without saying where to go`, 'The redirect has no Location header; the recording could not be downloaded.', req.itemIndex);
			if (hop >= MAX_MEDIA_REDIRECTS) {
				throw httpError(node, status, `The media host ${origin} redirected more than ${MAX_MEDIA_REDIRECTS} times for ${req.label}`, 'The download was stopped to avoid a redirect loop.', req.itemIndex);
			}
			url = checkMediaUrl(node, location, url.href, req);
			continue;
		}
		if (status === 403 || status === 404 || status === 410) {
			discard(response.body);
			throw httpError(
				node,
				status,
				`The media link for ${req.label} has expired or is no longer valid (the media host ${origin} answered ${status})`,
				'Gong\'s media links are temporary (valid for about 8 hours) and are requested fresh on every run: run the node again. If it keeps failing, the recording may have been deleted or its retention period has passed.',
				req.itemIndex,
			);
		}
		if (status < 200 || status >= 300) {
			discard(response.body);
			throw httpError(node, status, `The media host ${origin} answered ${status} for ${req.label}`, 'The recording could not be downloaded; try again later.', req.itemIndex);
		}
		const contentType = header(response.headers, 'content-type');
		const baseType = baseTypeOf(contentType);
		if (baseType && NOT_MEDIA.test(baseType)) {
			discard(response.body);
			throw new NodeOperationError(node, `The media host ${origin} answered with ${mediaTypeText(baseType)} instead of a recording for ${req.label}`, {
				itemIndex: req.itemIndex,
				description: 'The link led to a page, not to the audio or video file; the media link may be invalid.',
			});
		}
		const length = Number(header(response.headers, 'content-length'));
		if (Number.isFinite(length) && length > req.maxBytes) {
			discard(response.body);
			throw new NodeOperationError(node, `${capitalised(req.label)} is larger than the limit of ${megabytes(req.maxBytes)} (${megabytes(length)})`, {
				itemIndex: req.itemIndex,
				description: 'Raise Options > Max Size (MB) to download it; nothing was downloaded.',
			});
		}
		const data = await readBounded(node, response.body, req, origin);
		const mimeType = mediaTypeOf(contentType, url, req.kind);
		return { data, mimeType, extension: EXTENSIONS[mimeType] ?? mimeType.split('/')[1].replace(/[^a-z0-9]/g, '').slice(0, 8) };
	}
}
