import { randomBytes } from 'crypto';

export interface MultipartPart {
	name: string;
	/** A plain field value, or file content. */
	value: string | Buffer;
	fileName?: string;
	contentType?: string;
	/** Where the file came from, named in errors (e.g. 'Input Binary Field "data"'). */
	origin?: string;
}

/** Longest file name sent in a part header; longer names are cut (the extension kept). */
export const MAX_FILE_NAME = 200;
/** RFC 6838 allows 127 characters for the type and for the subtype; parameters are rare. */
const MAX_MIME_TYPE = 255;
/**
 * type "/" subtype *( OWS ";" OWS token "=" ( token / quoted-string ) ) OWS (RFC 9110 media type).
 * Linear: every quantified class is followed by a character it cannot match (";", "=", '"', "/"
 * or the end), so no two quantifiers compete for the same text; the input is length-bound first.
 */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MIME_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*[ \\t]*$`);

/** Why `type` cannot go into a Content-Type header, or undefined when it can. */
export function mimeTypeProblem(type: string): string | undefined {
	if (type.length > MAX_MIME_TYPE) return `is longer than ${MAX_MIME_TYPE} characters`;
	if (!MIME_TYPE.test(type)) return 'is not a valid MIME type (type/subtype, e.g. audio/mpeg)';
	return undefined;
}

function isHeaderUnsafe(code: number): boolean {
	// Control characters (CR and LF end a header line), DEL, the quote that ends the value, and
	// backslash (an escape in quoted strings). Path separators too: a file name is not a path.
	return code < 0x20 || code === 0x7f || code === 0x22 || code === 0x5c || code === 0x2f;
}

/**
 * A file name that is safe inside `filename="…"`: every control character, quote, backslash and
 * slash becomes "_", the length is bounded (keeping the extension), empty becomes "file".
 */
export function safeFileName(raw: string): string {
	let text = '';
	for (const ch of raw) text += isHeaderUnsafe(ch.codePointAt(0) ?? 0) || ch === '\u2028' || ch === '\u2029' ? '_' : ch;
	text = text.trim();
	const chars = Array.from(text);
	if (chars.length > MAX_FILE_NAME) {
		const dot = text.lastIndexOf('.');
		const ext = dot > 0 ? Array.from(text.slice(dot)) : [];
		const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
		text = chars.slice(0, MAX_FILE_NAME - keep.length).join('') + keep.join('');
	}
	return text === '' ? 'file' : text;
}

/** Encodes parts as multipart/form-data; returns the body and its Content-Type header. */
export function encodeMultipart(parts: MultipartPart[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nGong${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${safeFileName(part.name)}"`;
		if (part.fileName !== undefined) head += `; filename="${safeFileName(part.fileName)}"`;
		head += '\r\n';
		if (part.contentType) {
			const problem = mimeTypeProblem(part.contentType);
			if (problem) {
				const shown = JSON.stringify(part.contentType.length > 60 ? `${part.contentType.slice(0, 57)}...` : part.contentType);
				throw new Error(`${part.origin ?? `File for "${part.name}"`}: MIME type ${shown} ${problem}; nothing was sent to Gong`);
			}
			head += `Content-Type: ${part.contentType}\r\n`;
		}
		head += '\r\n';
		chunks.push(Buffer.from(head, 'utf8'));
		chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value);
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
