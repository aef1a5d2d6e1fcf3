import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { Int64, parseJsonKeepingIds } from '../transport/json';
import type { FieldDef } from './types';

/** Thrown for bad input before any request: names the parameter and the problem. */
export function inputError(node: INode, field: Pick<FieldDef, 'displayName' | 'name'>, problem: string, itemIndex: number) {
	return new NodeOperationError(node, `Parameter "${field.displayName}" (${field.name}): ${problem}`, {
		itemIndex,
		description: 'Fix the value of this parameter; nothing was sent to Gong.',
	});
}

const ID_RE = /^\d{1,20}$/;
/** The longest email address SMTP carries (RFC 5321 path limit); longer text is refused first. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * `local@domain.tld` without whitespace and with exactly one "@": a non-empty local part and a
 * domain with a dot that is neither its first nor its last character. One pass per check, no
 * backtracking (a regex for this shape is quadratic on text like "a@....@").
 */
export function isEmailAddress(text: string): boolean {
	if (text.length > MAX_EMAIL_LENGTH) return false;
	const at = text.indexOf('@');
	if (at < 1 || text.indexOf('@', at + 1) !== -1) return false;
	for (const ch of text) if (ch.trim() === '') return false;
	const domain = text.slice(at + 1);
	const dot = domain.indexOf('.', 1);
	return dot !== -1 && dot < domain.length - 1;
}

function show(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A Gong id as a string: digits only, up to 20. Numbers are accepted only when exact. */
export function toId(node: INode, field: FieldDef, value: unknown, itemIndex: number): string {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || value < 0)
			throw inputError(node, field, `${value} is not an exact Gong ID — pass IDs as text (numbers over 15 digits lose precision)`, itemIndex);
		text = String(value);
	} else if (typeof value === 'bigint') {
		text = value.toString();
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		throw inputError(node, field, `expected a Gong ID, got ${show(value)}`, itemIndex);
	}
	if (!ID_RE.test(text))
		throw inputError(node, field, `"${show(text)}" is not a Gong ID — use digits only, at most 20`, itemIndex);
	return text;
}

/** Flattens multiple values, arrays from expressions and comma/newline-separated text. */
export function toList(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value.flatMap((v) => toList(v));
	if (typeof value === 'object') {
		// n8n multiple-value collections: { values: [{ value }] }
		const inner = (value as IDataObject).values ?? (value as IDataObject).value;
		if (inner !== undefined) return toList(inner);
		return [value];
	}
	if (typeof value === 'string') {
		const t = value.trim();
		if (t.startsWith('[') && t.endsWith(']')) {
			try {
				return toList(JSON.parse(t));
			} catch {
				// fall through to comma splitting
			}
		}
		return t
			.split(/[,\n;]/)
			.map((s) => s.trim())
			.filter((s) => s !== '');
	}
	return [value];
}

function checkMax(node: INode, field: FieldDef, list: unknown[], itemIndex: number) {
	if (field.maxItems !== undefined && list.length > field.maxItems)
		throw inputError(node, field, `${list.length} values given, Gong accepts at most ${field.maxItems}`, itemIndex);
}

export function toEmail(node: INode, field: FieldDef, value: unknown, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text.length > MAX_EMAIL_LENGTH)
		throw inputError(node, field, `"${show(value)}" has ${text.length} characters; an email address has at most ${MAX_EMAIL_LENGTH}`, itemIndex);
	if (!isEmailAddress(text)) throw inputError(node, field, `"${show(value)}" is not an email address`, itemIndex);
	return text;
}

/** ISO-8601 date-time with offset, as Gong wants it. Dates without a zone use the workflow's time zone. */
export function toDateTime(node: INode, field: FieldDef, value: unknown, itemIndex: number, zone: string): string {
	let dt: DateTime | undefined;
	if (value instanceof Date) dt = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) dt = value as DateTime;
	else if (typeof value === 'number') dt = DateTime.fromMillis(value);
	else if (typeof value === 'string' && value.trim() !== '') dt = DateTime.fromISO(value.trim(), { zone, setZone: true });
	if (!dt || !dt.isValid)
		throw inputError(node, field, `"${show(value)}" is not a date-time — use ISO-8601, e.g. 2024-05-01T09:00:00Z`, itemIndex);
	return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** YYYY-MM-DD (stats dates are calendar days in the company's time zone). */
export function toDate(node: INode, field: FieldDef, value: unknown, itemIndex: number, zone: string): string {
	let dt: DateTime | undefined;
	if (value instanceof Date) dt = DateTime.fromJSDate(value, { zone });
	else if (DateTime.isDateTime(value)) dt = value as DateTime;
	else if (typeof value === 'string' && value.trim() !== '') dt = DateTime.fromISO(value.trim(), { zone });
	if (!dt || !dt.isValid)
		throw inputError(node, field, `"${show(value)}" is not a date — use YYYY-MM-DD`, itemIndex);
	const day = dt.toFormat('yyyy-MM-dd');
	if (field.notInFuture && day > DateTime.now().setZone(zone).toFormat('yyyy-MM-dd'))
		throw inputError(node, field, `${day} is in the future; Gong accepts dates up to today`, itemIndex);
	return day;
}

export function toJson(node: INode, field: FieldDef, value: unknown, itemIndex: number): unknown {
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return undefined;
		let parsed: unknown;
		try {
			// Integers longer than 15 digits (Gong IDs) become exact strings, also inside arrays.
			parsed = parseJsonKeepingIds(text);
		} catch (error) {
			throw inputError(node, field, `is not valid JSON (${(error as Error).message})`, itemIndex);
		}
		if (parsed === null || typeof parsed !== 'object')
			throw inputError(node, field, `must be a JSON object or array, got ${show(text)}`, itemIndex);
		return parsed;
	}
	if (value === null || typeof value !== 'object')
		throw inputError(node, field, `expected a JSON object or array, got ${show(value)}`, itemIndex);
	return value;
}

/**
 * The entries of a 'fixedCollection' field as an array of objects. Accepts n8n's
 * `{ values: [...] }` (or an array of such objects). Each sub-value is validated like a field of
 * its own; errors name the entry ("Invitees 2: Email"). Empty entries are skipped; untouched
 * `false` booleans are not sent unless `sendFalse`.
 */
export function toEntries(node: INode, field: FieldDef, value: unknown, itemIndex: number, zone: string): IDataObject[] | undefined {
	const subs = field.subFields ?? [];
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (value && typeof value === 'object') {
		const inner = (value as IDataObject).values;
		list = Array.isArray(inner) ? inner : inner === undefined || inner === null ? [] : [inner];
	} else throw inputError(node, field, `expected a list of entries, got ${show(value)}`, itemIndex);
	const entries: IDataObject[] = [];
	list.forEach((entry, k) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
			throw inputError(node, field, `entry ${k + 1} must be an object, got ${show(entry)}`, itemIndex);
		const obj = entry as IDataObject;
		const unknown = Object.keys(obj).filter((key) => !subs.some((s) => s.name === key));
		if (unknown.length)
			throw inputError(node, field, `entry ${k + 1} has unknown field "${unknown[0]}" (allowed: ${subs.map((s) => s.name).join(', ')})`, itemIndex);
		const given = subs.some((s) => {
			const raw = obj[s.name];
			return !(raw === undefined || raw === null || raw === '' || raw === false || (Array.isArray(raw) && raw.length === 0));
		});
		if (!given) return;
		const result: IDataObject = {};
		for (const sub of subs) {
			const raw = obj[sub.name];
			if (raw === false && sub.kind === 'boolean' && !sub.sendFalse) continue;
			const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
			if (empty && !sub.required) continue;
			const named = { ...sub, name: `${field.name}[${k}].${sub.name}`, displayName: `${field.displayName} ${k + 1}: ${sub.displayName}` };
			const converted = convertValue(node, named, raw, itemIndex, zone);
			if (converted !== undefined) result[sub.key ?? sub.name] = converted as IDataObject[string];
		}
		entries.push(result);
	});
	checkMax(node, field, entries, itemIndex);
	if (field.required && entries.length === 0) throw inputError(node, field, 'needs at least one entry', itemIndex);
	return entries.length ? entries : undefined;
}

/**
 * Converts one parameter value to what Gong expects, or throws a NodeOperationError naming
 * the parameter. Returns undefined for an empty optional value (nothing is sent).
 */
export function convertValue(node: INode, field: FieldDef, value: unknown, itemIndex: number, zone: string): unknown {
	const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
	if (empty) {
		if (field.required) throw inputError(node, field, 'is required', itemIndex);
		return undefined;
	}
	switch (field.kind) {
		case 'id':
			return toId(node, field, value, itemIndex);
		case 'int64':
			return new Int64(toId(node, field, value, itemIndex));
		case 'ids': {
			const list = toList(value).map((v) => toId(node, field, v, itemIndex));
			checkMax(node, field, list, itemIndex);
			if (field.required && list.length === 0) throw inputError(node, field, 'is required', itemIndex);
			return list.length ? list : undefined;
		}
		case 'email':
			return toEmail(node, field, value, itemIndex);
		case 'emails': {
			const list = toList(value).map((v) => toEmail(node, field, v, itemIndex));
			checkMax(node, field, list, itemIndex);
			if (field.required && list.length === 0) throw inputError(node, field, 'is required', itemIndex);
			return list.length ? list : undefined;
		}
		case 'strings': {
			const list = toList(value).map((v) => String(v));
			checkMax(node, field, list, itemIndex);
			if (field.required && list.length === 0) throw inputError(node, field, 'is required', itemIndex);
			return list.length ? list : undefined;
		}
		case 'dateTime':
			return toDateTime(node, field, value, itemIndex, zone);
		case 'date':
			return toDate(node, field, value, itemIndex, zone);
		case 'boolean':
			if (typeof value !== 'boolean') throw inputError(node, field, `expected true or false, got ${show(value)}`, itemIndex);
			return value;
		case 'number': {
			const num = typeof value === 'string' ? Number(value) : value;
			if (typeof num !== 'number' || !Number.isFinite(num)) throw inputError(node, field, `"${show(value)}" is not a number`, itemIndex);
			if (field.min !== undefined && num < field.min) throw inputError(node, field, `${num} is below the minimum ${field.min}`, itemIndex);
			if (field.max !== undefined && num > field.max) throw inputError(node, field, `${num} is above the maximum ${field.max}`, itemIndex);
			return num;
		}
		case 'options': {
			const allowed = (field.options ?? []).map((o) => o.value);
			if (allowed.length && !allowed.includes(value as string))
				throw inputError(node, field, `"${show(value)}" is not one of ${allowed.join(', ')}`, itemIndex);
			return value;
		}
		case 'multiOptions': {
			const list = toList(value).map((v) => String(v));
			const allowed = (field.options ?? []).map((o) => String(o.value));
			const bad = list.filter((v) => allowed.length && !allowed.includes(v));
			if (bad.length) throw inputError(node, field, `"${bad.join(', ')}" not among ${allowed.join(', ')}`, itemIndex);
			return list.length ? list : undefined;
		}
		case 'json':
			return toJson(node, field, value, itemIndex);
		case 'fixedCollection':
			return toEntries(node, field, value, itemIndex, zone);
		case 'string':
		case 'text':
		default: {
			const text = typeof value === 'string' ? value.trim() : String(value);
			if (text === '') {
				if (field.required) throw inputError(node, field, 'is required', itemIndex);
				return undefined;
			}
			if (field.pattern && !field.pattern.test(text))
				throw inputError(node, field, `"${show(text)}" is not valid${field.patternHint ? ` — ${field.patternHint}` : ''}`, itemIndex);
			return text;
		}
	}
}
