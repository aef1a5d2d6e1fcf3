/**
 * Every Gong operation in the catalog is in the node, and every node operation is in the
 * catalog, with the same method, path, scope and pagination. The README table and the OAuth
 * scope list are derived from the same definitions and checked here too.
 */
import * as fs from 'fs';
import * as path from 'path';

import { allOperations, resources } from '../nodes/Gong/actions/resources';
import { targetOf } from '../nodes/shared/framework/properties';
import { GONG_OAUTH_SCOPES } from '../credentials/GongCommunityOAuth2Api.credentials';

const { renderTable, withTable } = require('../scripts/readme-table');

const vendored = path.resolve(__dirname, 'sandbox/gong-api/catalog.json');
const shared = path.resolve(__dirname, '../../shared/gong-api/catalog.json');
const catalog: any[] = JSON.parse(fs.readFileSync(fs.existsSync(shared) ? shared : vendored, 'utf8'));
const byId = new Map(catalog.map((e) => [e.id, e]));

test('the vendored catalog is the shared one (when ../shared is present)', () => {
	if (!fs.existsSync(shared)) return;
	expect(fs.readFileSync(vendored, 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
});

test('the catalog has 69 current operations and 1 legacy one', () => {
	expect(catalog.filter((e) => e.status === 'current')).toHaveLength(69);
	expect(catalog.filter((e) => e.status !== 'current')).toHaveLength(1);
});

/** Operations that are a second use of another operation's endpoint (documented by `sharesEndpointWith`). */
const sharing = allOperations.filter((def) => def.sharesEndpointWith);

test('every catalog operation (69 current + legacy) has exactly one node operation', () => {
	const counts = new Map<string, number>();
	for (const def of allOperations) if (!def.sharesEndpointWith) counts.set(def.catalogId, (counts.get(def.catalogId) ?? 0) + 1);
	const missing = catalog.filter((e) => !counts.has(e.id)).map((e) => `${e.id} (${e.method} ${e.path})`);
	const doubled = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
	expect({ missing, doubled }).toEqual({ missing: [], doubled: [] });
});

test('every node operation maps to a catalog entry with the same method, path, scope and pagination', () => {
	const problems: string[] = [];
	for (const def of allOperations) {
		const entry = byId.get(def.catalogId);
		const where = `${def.resource}/${def.operation}`;
		if (!entry) {
			problems.push(`${where}: catalogId ${def.catalogId} is not in the catalog`);
			continue;
		}
		if (def.method !== entry.method) problems.push(`${where}: method ${def.method} ≠ ${entry.method}`);
		if (def.path !== entry.path) problems.push(`${where}: path ${def.path} ≠ ${entry.path}`);
		if (entry.scope && def.scope !== entry.scope) problems.push(`${where}: scope ${def.scope} ≠ ${entry.scope}`);
		const pagination = entry.pagination === 'cursor-query' ? 'query' : entry.pagination === 'cursor-body' ? 'body' : undefined;
		// An operation sharing an endpoint pages it itself (its own output is not the endpoint's list).
		if (def.sharesEndpointWith) continue;
		if (def.pagination !== pagination) problems.push(`${where}: pagination ${def.pagination} ≠ ${pagination}`);
		if (pagination && def.recordsKey !== entry.recordsKey) problems.push(`${where}: recordsKey ${def.recordsKey} ≠ ${entry.recordsKey}`);
		if (entry.status !== 'current' && !def.legacy) problems.push(`${where}: legacy operation not marked legacy`);
		for (const placeholder of entry.path.match(/\{(\w+)\}/g) ?? []) {
			const name = placeholder.slice(1, -1);
			const field = def.fields.find((f) => targetOf(def, f) === 'path' && (f.key ?? f.name) === name);
			if (!field && !def.preSend) problems.push(`${where}: no field fills path segment ${placeholder}`);
		}
	}
	expect(problems).toEqual([]);
});

test('an operation sharing another one\'s endpoint names that operation (same catalog entry, method, path) and why it exists', () => {
	const problems: string[] = [];
	for (const def of sharing) {
		const where = `${def.resource}/${def.operation}`;
		const owner = allOperations.find((o) => `${o.resource}/${o.operation}` === def.sharesEndpointWith!.operation);
		if (!owner) problems.push(`${where}: shares the endpoint of ${def.sharesEndpointWith!.operation}, which does not exist`);
		else if (owner.sharesEndpointWith) problems.push(`${where}: its owner ${def.sharesEndpointWith!.operation} shares an endpoint itself`);
		else if (owner.catalogId !== def.catalogId || owner.method !== def.method || owner.path !== def.path) problems.push(`${where}: not the endpoint of ${def.sharesEndpointWith!.operation}`);
		if ((def.sharesEndpointWith!.reason ?? '').length < 30) problems.push(`${where}: the reason is missing or too short`);
	}
	expect(problems).toEqual([]);
	// Today exactly one: Call → Download Media reads the media links of POST /v2/calls/extensive.
	expect(sharing.map((d) => `${d.resource}/${d.operation} → ${d.sharesEndpointWith!.operation}`)).toEqual(['call/downloadMedia → call/getManyExtensive']);
});

test('every operation has an action label, a description and unique field names', () => {
	const problems: string[] = [];
	const keys = new Set<string>();
	for (const def of allOperations) {
		const where = `${def.resource}/${def.operation}`;
		if (keys.has(where)) problems.push(`${where}: duplicate`);
		keys.add(where);
		if (!/^[A-Z][a-z]/.test(def.action ?? '')) problems.push(`${where}: action "${def.action}" should be a sentence-case label`);
		if ((def.description ?? '').length < 20) problems.push(`${where}: description too short`);
		const names = def.fields.map((f) => f.name);
		if (new Set(names).size !== names.length) problems.push(`${where}: duplicate field names`);
		if (def.destructive && !/permanent|irrevers|delete|remove|erase|unassign|cannot be undone/i.test(def.description)) {
			problems.push(`${where}: destructive but the description does not say so`);
		}
	}
	expect(problems).toEqual([]);
});

test('the OAuth2 credential asks for every scope the operations need, and no unknown ones', () => {
	const needed = new Set<string>();
	for (const e of catalog) {
		if (e.scope) needed.add(e.scope);
		for (const s of e.additionalScopes ?? []) needed.add(s);
	}
	expect([...GONG_OAUTH_SCOPES].sort()).toEqual([...needed].sort());
});

test('README operations table is generated from the definitions (run `npm run docs`)', () => {
	const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
	expect(withTable(readme, renderTable(resources))).toBe(readme);
});
