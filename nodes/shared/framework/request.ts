import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { targetOf } from './properties';
import type { BuiltRequest, FieldDef, OperationDef } from './types';
import { convertValue, inputError, toJson } from './validate';

/** Sets `value` at a dotted key (`filter.callIds`) inside `target`. */
export function setPath(target: IDataObject, key: string, value: unknown): void {
	const parts = key.split('.');
	let obj = target;
	for (const part of parts.slice(0, -1)) {
		if (typeof obj[part] !== 'object' || obj[part] === null) obj[part] = {};
		obj = obj[part] as IDataObject;
	}
	obj[parts[parts.length - 1]] = value as IDataObject[keyof IDataObject];
}

/**
 * The whole value of the `id` query parameter of a URL (…/call?id=123), or undefined. The value is
 * returned as it is, so an id longer than 20 digits reaches the ID check and is refused there with
 * the parameter's name instead of being cut to its first 20 digits. One pass, no regex.
 */
export function idFromUrl(url: string): string | undefined {
	const text = url.trim();
	const q = text.indexOf('?');
	if (q === -1) return undefined;
	const hash = text.indexOf('#', q);
	const query = hash === -1 ? text.slice(q + 1) : text.slice(q + 1, hash);
	for (const pair of query.split('&')) if (pair.startsWith('id=')) return pair.slice(3);
	return undefined;
}

/** The value inside a resource locator ({ __rl, mode, value }), with URL mode resolved to the id. */
function unwrapLocator(value: unknown): unknown {
	if (value && typeof value === 'object' && (value as IDataObject).__rl) {
		const rl = value as IDataObject;
		const inner = rl.value;
		if (rl.mode === 'url' && typeof inner === 'string') return idFromUrl(inner) ?? inner;
		return inner;
	}
	return value;
}

function visible(field: FieldDef, values: IDataObject): boolean {
	if (!field.showWhen) return true;
	return Object.entries(field.showWhen).every(([name, allowed]) =>
		allowed.includes(values[name] as string | number | boolean),
	);
}

/** Reads the raw parameter value of a field (top level or inside its collection). */
export function rawFieldValue(ctx: IExecuteFunctions, field: FieldDef, itemIndex: number, groups: Map<string, IDataObject>): unknown {
	// '' when n8n dropped the parameter because it is hidden (showWhen, or body fields in JSON body mode)
	if (field.required) return unwrapLocator(ctx.getNodeParameter(field.name, itemIndex, ''));
	const group = field.collection ?? 'additionalFields';
	if (!groups.has(group)) groups.set(group, (ctx.getNodeParameter(group, itemIndex, {}) ?? {}) as IDataObject);
	return unwrapLocator(groups.get(group)?.[field.name]);
}

/**
 * Reads, validates and converts every field of the operation for one item; throws a
 * NodeOperationError naming the first bad parameter. Returns the converted values by name.
 */
export function readFields(ctx: IExecuteFunctions, def: OperationDef, itemIndex: number, jsonMode = false): IDataObject {
	const node = ctx.getNode();
	const zone = ctx.getTimezone();
	const groups = new Map<string, IDataObject>();
	const values: IDataObject = {};
	const raw: IDataObject = {};
	for (const field of def.fields) raw[field.name] = rawFieldValue(ctx, field, itemIndex, groups) as IDataObject[string];
	for (const field of def.fields) {
		if (jsonMode && targetOf(def, field) === 'body') continue;
		if (!visible(field, raw)) continue;
		const value = convertValue(node, field, raw[field.name], itemIndex, zone);
		if (value !== undefined) values[field.name] = value as IDataObject[string];
	}
	for (const field of def.fields) {
		const other = field.mustBeBefore ? def.fields.find((f) => f.name === field.mustBeBefore) : undefined;
		const from = values[field.name];
		const to = other ? values[other.name] : undefined;
		if (other && typeof from === 'string' && typeof to === 'string' && Date.parse(from) >= Date.parse(to)) {
			throw inputError(node, field, `${from} must be before "${other.displayName}" (${to})`, itemIndex);
		}
	}
	return values;
}

/** Whether the item's body comes from "Define Body Using: JSON" (operations with `jsonBody`). */
export function usesJsonBody(ctx: IExecuteFunctions, def: OperationDef, itemIndex: number): boolean {
	return def.jsonBody === true && ctx.getNodeParameter('bodyInput', itemIndex, 'fields') === 'json';
}

/**
 * Checks a body given as JSON: that it is an object (or an array, with `array`) and has every
 * dotted key in `required`. Throws a NodeOperationError naming "JSON Body" before any request.
 */
export function checkJsonBody(ctx: IExecuteFunctions, body: unknown, itemIndex: number, required: string[] = [], array = false): void {
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `Parameter "JSON Body" (jsonBody): ${problem}`, {
			itemIndex,
			description: 'Fix the JSON body; nothing was sent to Gong.',
		});
	if (array !== Array.isArray(body)) throw fail(array ? 'must be a JSON array' : 'must be a JSON object');
	for (const key of required) {
		let value: unknown = body;
		for (const part of key.split('.')) value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
		if (value === undefined || value === null || value === '') throw fail(`"${key}" is required`);
	}
}

/** Builds the Gong request of one item from the operation definition. */
export async function buildRequest(ctx: IExecuteFunctions, def: OperationDef, itemIndex: number): Promise<BuiltRequest> {
	const node = ctx.getNode();
	const jsonMode = usesJsonBody(ctx, def, itemIndex);
	const values = readFields(ctx, def, itemIndex, jsonMode);
	const req: BuiltRequest = { method: def.method, path: def.path, qs: {}, values };
	let body: IDataObject | undefined;
	for (const field of def.fields) {
		const value = values[field.name];
		if (value === undefined) continue;
		const target = targetOf(def, field);
		const key = field.key ?? field.name;
		if (target === 'path') {
			req.path = req.path.replace(`{${key}}`, encodeURIComponent(String(value)));
		} else if (target === 'query') {
			setPath(req.qs, key, value);
		} else if (target === 'body') {
			body = body ?? {};
			setPath(body, key, value);
		}
	}
	if (jsonMode) {
		const parsed = toJson(node, { name: 'jsonBody', displayName: 'JSON Body', kind: 'json' }, ctx.getNodeParameter('jsonBody', itemIndex, '{}'), itemIndex);
		if (parsed === undefined || parsed === null || typeof parsed !== 'object')
			throw new NodeOperationError(node, 'Parameter "JSON Body" (jsonBody): must be a JSON object', { itemIndex });
		req.body = parsed as IDataObject;
	} else if (body !== undefined) {
		req.body = body;
	} else if (['POST', 'PUT', 'PATCH'].includes(def.method) && def.fields.some((f) => targetOf(def, f) === 'body')) {
		req.body = {};
	}
	const missing = req.path.match(/\{(\w+)\}/);
	if (missing) throw new NodeOperationError(node, `Parameter for path segment "${missing[1]}" is required`, { itemIndex });
	return def.preSend ? await def.preSend.call(ctx, req, itemIndex) : req;
}
