import type { IDataObject } from 'n8n-workflow';

/**
 * JSON helpers that keep Gong's ids exact. Gong ids have up to 20 digits; a JavaScript number
 * holds 15–16 safely, so integers that long are read as strings and written back as numbers.
 */

const SAFE_DIGITS = 15;

/** Parses JSON, turning every integer literal longer than 15 digits into a string. */
export function parseJsonKeepingIds(text: string): unknown {
	if (text.trim() === '') return {};
	let out = '';
	let i = 0;
	let last = 0;
	const n = text.length;
	while (i < n) {
		const ch = text[i];
		if (ch === '"') {
			i++;
			while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
			i++;
			continue;
		}
		if (ch === '-' || (ch >= '0' && ch <= '9')) {
			const start = i;
			i++;
			while (i < n && /[0-9.eE+-]/.test(text[i])) i++;
			const literal = text.slice(start, i);
			const digits = literal.replace(/^-/, '');
			if (/^\d+$/.test(digits) && digits.length > SAFE_DIGITS) {
				out += text.slice(last, start) + '"' + literal + '"';
				last = i;
			}
			continue;
		}
		i++;
	}
	out += text.slice(last);
	return JSON.parse(out);
}

/** Marks a digit string to be written into JSON as a number (Gong's int64 fields). */
export class Int64 {
	constructor(readonly digits: string) {}

	toJSON() {
		return `\u0000int64:${this.digits}`;
	}
}

/** JSON.stringify that writes Int64 values as exact unquoted integers. */
export function stringifyWithInt64(value: IDataObject | IDataObject[] | unknown): string {
	return JSON.stringify(value).replace(/"\\u0000int64:(-?\d+)"/g, '$1');
}
