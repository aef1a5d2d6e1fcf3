import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isEmailAddress } from '../framework/validate';
import { appendAll, gongApiPages, gongApiRequest } from '../transport';

/**
 * The "From List" entries of every resource locator (see LOCATORS in framework/properties.ts).
 * Each method returns readable names and the Gong id (as a string) as the value, filters by the
 * typed text (name or id, case-insensitive) and, where Gong pages the list, hands Gong's cursor
 * back as `paginationToken` so the list loads more while scrolling.
 *
 * Lists that Gong keeps per workspace (library folders, permission profiles, targets) use the
 * node's Workspace parameter when it is set; otherwise they list every workspace, one request
 * per workspace, at most WORKSPACES_PER_PAGE per dropdown page.
 */

/** Most Gong pages read for one dropdown page while looking for typed text. */
const MAX_PAGES_PER_SEARCH = 5;
/** Stop reading pages once this many entries (matching the typed text) are in hand. */
const ENOUGH_MATCHES = 25;
/** Workspaces read per dropdown page for per-workspace lists (one request each). */
export const WORKSPACES_PER_PAGE = 10;
/** How far back the call list goes. */
export const CALL_LIST_DAYS = 90;

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const ID_RE = /^\d{1,20}$/;

/** Keeps the entries whose name or id contains the typed text (case-insensitive). */
export function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = (filter ?? '').trim().toLowerCase();
	if (!needle) return items;
	return items.filter((i) => i.name.toLowerCase().includes(needle) || String(i.value).toLowerCase().includes(needle));
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** "2025-03-01 14:00" from Gong's ISO time (kept in the offset Gong sent). */
function shortTime(iso: unknown): string {
	return text(iso).slice(0, 16).replace('T', ' ');
}

function personName(first: unknown, last: unknown): string {
	return [text(first).trim(), text(last).trim()].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------
// Reading the node's own parameters (workspace, owner email)
// ---------------------------------------------------------------------------

function unwrap(value: unknown): unknown {
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) return (value as IDataObject).value;
	return value;
}

/**
 * The first of `paths` that holds a usable value in the node's current parameters. Reads what
 * the editor sends (getCurrentNodeParameter) and falls back to the node's saved parameters;
 * expressions cannot be resolved while loading a list, so they are ignored.
 */
function currentParameter(ctx: ILoadOptionsFunctions, paths: string[], accept: (value: string) => boolean): string | undefined {
	for (const path of paths) {
		const candidates: unknown[] = [];
		try {
			candidates.push(ctx.getCurrentNodeParameter(path, { extractValue: true }));
		} catch {
			// not displayed for this operation
		}
		try {
			candidates.push(ctx.getCurrentNodeParameter(path));
		} catch {
			// ignore
		}
		const node = ctx.getNode();
		let saved: unknown = node.parameters;
		for (const part of path.split('.')) saved = saved && typeof saved === 'object' ? (saved as IDataObject)[part] : undefined;
		candidates.push(saved);
		for (const candidate of candidates) {
			const value = text(unwrap(candidate)).trim();
			if (value && !value.startsWith('=') && accept(value)) return value;
		}
	}
	return undefined;
}

const WORKSPACE_PATHS = ['workspaceId', 'filters.workspaceId', 'additionalFields.workspaceId', 'options.workspaceId'];

/** The workspace chosen in the node (top level or in Filters / Additional Fields / Options), if any. */
export function chosenWorkspace(ctx: ILoadOptionsFunctions): string | undefined {
	return currentParameter(ctx, WORKSPACE_PATHS, (v) => ID_RE.test(v));
}

interface Workspace {
	id: string;
	name: string;
}

async function listWorkspaces(ctx: ILoadOptionsFunctions): Promise<Workspace[]> {
	const response = await gongApiRequest.call(ctx, { method: 'GET', path: '/v2/workspaces', emptyOn404: true, scope: 'api:workspaces:read' });
	return ((response?.workspaces as IDataObject[]) ?? []).map((w) => ({ id: text(w.id), name: text(w.name) || text(w.id) }));
}

/** Workspace id → name, read only when entries of several workspaces are shown together. */
async function workspaceNames(ctx: ILoadOptionsFunctions, ids: string[]): Promise<Map<string, string>> {
	const distinct = new Set(ids.filter(Boolean));
	if (distinct.size < 2) return new Map();
	return new Map((await listWorkspaces(ctx)).map((w) => [w.id, w.name]));
}

/** "Name (Workspace)" when entries of several workspaces are listed together. */
function withWorkspace(name: string, workspaceId: unknown, names: Map<string, string>): string {
	const ws = names.get(text(workspaceId));
	return ws ? `${name} (${ws})` : name;
}

/**
 * Runs `list` for the chosen workspace, or for every workspace (WORKSPACES_PER_PAGE per
 * dropdown page; the token is the offset of the next workspace). Entry names get the
 * workspace name when more than one workspace is listed.
 */
async function perWorkspace(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	paginationToken: string | undefined,
	list: (workspaceId: string) => Promise<INodeListSearchItems[]>,
): Promise<INodeListSearchResult> {
	const chosen = chosenWorkspace(ctx);
	if (chosen) return { results: matching(await list(chosen), filter) };
	const workspaces = await listWorkspaces(ctx);
	const offset = Math.max(0, Number(/^ws:(\d+)$/.exec(paginationToken ?? '')?.[1] ?? 0));
	const slice = workspaces.slice(offset, offset + WORKSPACES_PER_PAGE);
	const results: INodeListSearchItems[] = [];
	for (const ws of slice) {
		const entries = await list(ws.id);
		for (const entry of entries) results.push(workspaces.length > 1 ? { ...entry, name: `${entry.name} (${ws.name})` } : entry);
	}
	const next = offset + WORKSPACES_PER_PAGE < workspaces.length ? `ws:${offset + WORKSPACES_PER_PAGE}` : undefined;
	return { results: matching(results, filter), paginationToken: next };
}

/**
 * Reads a cursor-paged Gong list from `paginationToken` on: one Gong page per dropdown page, or
 * (when the user typed a filter) up to MAX_PAGES_PER_SEARCH pages until ENOUGH_MATCHES match.
 * Returns Gong's next cursor as the token.
 */
async function searchPaged(
	ctx: ILoadOptionsFunctions,
	opts: { path: string; qs?: IDataObject; recordsKey: string; scope: string; records?: (response: IDataObject) => IDataObject[] },
	toItem: (record: IDataObject) => INodeListSearchItems | undefined,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	let next: string | undefined;
	let pages = 0;
	const pager = gongApiPages.call(
		ctx,
		{ method: 'GET', path: opts.path, qs: opts.qs ?? {}, pagination: 'query', recordsKey: opts.recordsKey, emptyOn404: true, scope: opts.scope },
		paginationToken || undefined,
	);
	for await (const page of pager) {
		pages++;
		const records = opts.records ? opts.records(page.response) : page.records;
		for (const record of records) {
			const item = toItem(record);
			if (item) results.push(item);
		}
		next = page.cursor;
		const matches = matching(results, filter).length;
		if (!next || !filter?.trim() || matches >= ENOUGH_MATCHES || pages >= MAX_PAGES_PER_SEARCH) break;
	}
	return { results: matching(results, filter), paginationToken: next };
}

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

interface CallToken {
	/** Oldest time listed (now − CALL_LIST_DAYS at the first page). */
	floor: number;
	/** Upper end of the part not listed yet. */
	end: number;
	/** Current window length. */
	size: number;
	/** Gong cursor inside the window [from, end) when one window has several pages. */
	cursor?: string;
	from?: number;
}

function readCallToken(token: string | undefined, now: number): CallToken {
	if (token) {
		try {
			const t = JSON.parse(token) as CallToken;
			if (Number.isFinite(t.floor) && Number.isFinite(t.end) && Number.isFinite(t.size) && t.size > 0) return t;
		} catch {
			// a token from elsewhere: start over
		}
	}
	return { floor: now - CALL_LIST_DAYS * DAY_MS, end: now, size: 7 * DAY_MS };
}

function callItem(call: IDataObject): INodeListSearchItems {
	const when = shortTime(call.started || call.scheduled);
	const title = text(call.title).trim() || 'Untitled call';
	return { name: when ? `${title} (${when})` : title, value: text(call.id), url: text(call.url) || undefined };
}

/**
 * Calls of the last CALL_LIST_DAYS days, newest first. GET /v2/calls needs a date range and
 * returns the oldest calls first, so the period is read backwards in windows (7 days at first):
 * a window that holds more than one Gong page is halved before its calls are shown (down to an
 * hour), an almost empty one doubles the next window. The token carries the window and Gong's
 * cursor. One dropdown page holds at least ENOUGH_MATCHES calls (matching the typed text) or
 * what MAX_PAGES_PER_SEARCH requests found.
 */
export async function searchCalls(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const state = readCallToken(paginationToken, Date.now());
	const results: INodeListSearchItems[] = [];
	let requests = 0;
	while (state.end > state.floor && requests < MAX_PAGES_PER_SEARCH) {
		const from = state.cursor && state.from !== undefined ? state.from : Math.max(state.floor, state.end - state.size);
		const qs: IDataObject = { fromDateTime: new Date(from).toISOString(), toDateTime: new Date(state.end).toISOString() };
		if (state.cursor) qs.cursor = state.cursor;
		const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/calls', qs, emptyOn404: true, scope: 'api:calls:read:basic' });
		requests++;
		const calls = (response?.calls as IDataObject[] | undefined) ?? [];
		const next = ((response?.records as IDataObject | undefined)?.cursor as string | undefined) || undefined;
		if (next && !state.cursor && state.size > HOUR_MS) {
			// More than one page in this window: a smaller window shows the newest calls first.
			state.size = Math.max(HOUR_MS, Math.floor(state.size / 2));
			continue;
		}
		const sorted = calls
			.slice()
			.sort((a, b) => Date.parse(text(b.started || b.scheduled)) - Date.parse(text(a.started || a.scheduled)) || text(b.id).localeCompare(text(a.id)));
		appendAll(results, matching(sorted.map(callItem), filter));
		if (next) {
			state.cursor = next;
			state.from = from;
		} else {
			state.cursor = undefined;
			state.from = undefined;
			state.end = from;
			if (calls.length < 30) state.size = Math.min(30 * DAY_MS, state.size * 2);
		}
		if (results.length >= ENOUGH_MATCHES) break;
	}
	const more = state.end > state.floor;
	return { results, paginationToken: more ? JSON.stringify(state) : undefined };
}

// ---------------------------------------------------------------------------
// Users, workspaces
// ---------------------------------------------------------------------------

export function userItem(user: IDataObject): INodeListSearchItems {
	const name = personName(user.firstName, user.lastName) || 'Unnamed user';
	const email = text(user.emailAddress) || text(user.id);
	return { name: `${name} (${email})${user.active === false ? ' – inactive' : ''}`, value: text(user.id) };
}

/** Gong users: "First Last (email)", paged with Gong's cursor. */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchPaged(this, { path: '/v2/users', recordsKey: 'users', scope: 'api:users:read' }, userItem, filter, paginationToken);
}

/** Workspaces of the company (not paged by Gong). */
export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const results = (await listWorkspaces(this)).map((w) => ({ name: w.name, value: w.id }));
	return { results: matching(results, filter) };
}

// ---------------------------------------------------------------------------
// Per-workspace lists: library folders, permission profiles, targets
// ---------------------------------------------------------------------------

/** Public library folders as paths ("Sales - Best Calls / Objection Handling"). */
export async function searchLibraryFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await perWorkspace(this, filter, paginationToken, async (workspaceId) => {
		const response = await gongApiRequest.call(this, {
			method: 'GET',
			path: '/v2/library/folders',
			qs: { workspaceId },
			emptyOn404: true,
			scope: 'api:library:read',
		});
		const folders = (response?.folders as IDataObject[] | undefined) ?? [];
		const byId = new Map(folders.map((f) => [text(f.id), f]));
		const pathOf = (folder: IDataObject): string => {
			const parts = [text(folder.name)];
			let parent = byId.get(text(folder.parentFolderId));
			for (let depth = 0; parent && depth < 20; depth++) {
				parts.unshift(text(parent.name));
				parent = byId.get(text(parent.parentFolderId));
			}
			return parts.join(' / ');
		};
		return folders.map((f) => ({ name: pathOf(f), value: text(f.id) })).sort((a, b) => a.name.localeCompare(b.name));
	});
}

/** Permission profiles ("Manager", with the workspace when several are listed). */
export async function searchPermissionProfiles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await perWorkspace(this, filter, paginationToken, async (workspaceId) => {
		const response = await gongApiRequest.call(this, {
			method: 'GET',
			path: '/v2/all-permission-profiles',
			qs: { workspaceId },
			emptyOn404: true,
			scope: 'api:permission-profile:read',
		});
		return ((response?.profiles as IDataObject[] | undefined) ?? []).map((p) => ({ name: text(p.name) || text(p.id), value: text(p.id) }));
	});
}

/** Forecast target definitions ("Quarterly bookings", with the workspace when several are listed). */
export async function searchTargets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await perWorkspace(this, filter, paginationToken, async (workspaceId) => {
		const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/targets', qs: { workspaceId }, emptyOn404: true });
		return ((response?.targets as IDataObject[] | undefined) ?? []).map((t) => ({ name: text(t.name) || text(t.id), value: text(t.id) }));
	});
}

// ---------------------------------------------------------------------------
// Settings: scorecards, trackers, briefs
// ---------------------------------------------------------------------------

/** Scorecards (Gong has no workspace filter: the chosen workspace is applied here). */
export async function searchScorecards(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/settings/scorecards', emptyOn404: true, scope: 'api:settings:scorecards:read' });
	let scorecards = (response?.scorecards as IDataObject[] | undefined) ?? [];
	const chosen = chosenWorkspace(this);
	if (chosen) scorecards = scorecards.filter((s) => s.workspaceId === undefined || s.workspaceId === null || text(s.workspaceId) === chosen);
	const names = await workspaceNames(this, scorecards.map((s) => text(s.workspaceId)));
	const results = scorecards.map((s) => ({
		name: withWorkspace(`${text(s.scorecardName) || text(s.scorecardId)}${s.enabled === false ? ' – disabled' : ''}`, s.workspaceId, names),
		value: text(s.scorecardId),
	}));
	return { results: matching(results, filter) };
}

/** Keyword trackers of the chosen workspace, or of all workspaces (named with their workspace). */
export async function searchTrackers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const chosen = chosenWorkspace(this);
	const response = await gongApiRequest.call(this, {
		method: 'GET',
		path: '/v2/settings/trackers',
		qs: chosen ? { workspaceId: chosen } : {},
		emptyOn404: true,
		scope: 'api:settings:trackers:read',
	});
	const trackers = (response?.keywordTrackers as IDataObject[] | undefined) ?? [];
	const names = await workspaceNames(this, trackers.map((t) => text(t.workspaceId)));
	const results = trackers.map((t) => ({ name: withWorkspace(text(t.trackerName) || text(t.trackerId), t.workspaceId, names), value: text(t.trackerId) }));
	return { results: matching(results, filter) };
}

/**
 * AI briefs. Gong identifies a brief by its name (GET /v2/entities/get-brief takes
 * `briefName` with a workspace), so the value is the brief's name, not its id.
 */
export async function searchBriefs(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const chosen = chosenWorkspace(this);
	const response = await gongApiRequest.call(this, {
		method: 'GET',
		path: '/v2/settings/briefs',
		qs: chosen ? { workspaceId: chosen } : {},
		emptyOn404: true,
		scope: 'api:ai-briefer:read',
	});
	const briefs = (response?.briefs as IDataObject[] | undefined) ?? [];
	const names = await workspaceNames(this, briefs.map((b) => text(b.workspaceId)));
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	for (const b of briefs) {
		const name = text(b.briefName) || text(b.briefId);
		const label = withWorkspace(name, b.workspaceId, names);
		if (seen.has(label)) continue;
		seen.add(label);
		results.push({ name: label, value: name });
	}
	return { results: matching(results, filter) };
}

// ---------------------------------------------------------------------------
// Engage flows and flow folders
// ---------------------------------------------------------------------------

const FLOW_OWNER_PATHS = ['flowOwnerEmail', 'flowFolderOwnerEmail', 'flowInstanceOwnerEmail', 'unassignedByUserEmail', 'additionalFields.unassignedByUserEmail'];

interface OwnerToken {
	email: string;
	companyOnly: boolean;
	cursor?: string;
}

/**
 * Whose flows to list: the owner email given in the node, else the first active Gong user —
 * then only company-wide flows are shown (that user's personal flows are left out).
 */
async function flowOwner(ctx: ILoadOptionsFunctions, paginationToken: string | undefined): Promise<OwnerToken | undefined> {
	if (paginationToken) {
		try {
			const t = JSON.parse(paginationToken) as OwnerToken;
			if (typeof t.email === 'string' && isEmailAddress(t.email)) return t;
		} catch {
			// start over
		}
	}
	const given = currentParameter(ctx, FLOW_OWNER_PATHS, (v) => isEmailAddress(v));
	if (given) return { email: given, companyOnly: false };
	for await (const page of gongApiPages.call(ctx, { method: 'GET', path: '/v2/users', pagination: 'query', recordsKey: 'users', emptyOn404: true, scope: 'api:users:read' })) {
		const user = page.records.find((u) => u.active !== false && isEmailAddress(text(u.emailAddress)));
		if (user) return { email: text(user.emailAddress), companyOnly: true };
		break;
	}
	return undefined;
}

async function searchFlowList(
	ctx: ILoadOptionsFunctions,
	path: string,
	ownerParam: string,
	filter: string | undefined,
	paginationToken: string | undefined,
	toItem: (record: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const owner = await flowOwner(ctx, paginationToken);
	if (!owner) return { results: [] };
	const qs: IDataObject = { [ownerParam]: owner.email };
	const workspace = chosenWorkspace(ctx);
	if (workspace) qs.workspaceId = workspace;
	const result = await searchPaged(
		ctx,
		{ path, qs, recordsKey: 'flows', scope: 'api:flows:read', records: flowRecords },
		(record) => (owner.companyOnly && record.visibility && record.visibility !== 'Company' ? undefined : toItem(record)),
		filter,
		owner.cursor,
	);
	return {
		results: result.results,
		paginationToken: result.paginationToken ? JSON.stringify({ email: owner.email, companyOnly: owner.companyOnly, cursor: result.paginationToken }) : undefined,
	};
}

/** Gong documents the folder list under `flows`; accept a folder key as well. */
function flowRecords(response: IDataObject): IDataObject[] {
	for (const key of ['flows', 'folders', 'flowFolders', 'flowsFolders']) {
		const value = response[key];
		if (Array.isArray(value) && value.length) return value as IDataObject[];
	}
	return [];
}

/**
 * Engage flows of the owner given in the node (Flow Owner Email, Flow Instance Owner Email …):
 * company flows plus their personal and shared flows; without an owner, company flows only.
 * Named "Flow (Folder)".
 */
export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowList(this, '/v2/flows', 'flowOwnerEmail', filter, paginationToken, (f) => ({
		name: f.folderName ? `${text(f.name)} (${text(f.folderName)})` : text(f.name) || text(f.id),
		value: text(f.id),
	}));
}

/** Engage flow folders ("Parent / Folder"), same owner rule as searchFlows. */
export async function searchFlowFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowList(this, '/v2/flows/folders', 'flowFolderOwnerEmail', filter, paginationToken, (f) => ({
		name: f.folderName ? `${text(f.folderName)} / ${text(f.name)}` : text(f.name) || text(f.id),
		value: text(f.id),
	}));
}

// ---------------------------------------------------------------------------
// CRM
// ---------------------------------------------------------------------------

/** Generic CRM integrations: "Name (owner email)"; the value is the integration id as a string. */
export async function searchCrmIntegrations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/crm/integrations', emptyOn404: true, scope: 'api:crm:integrations:read' });
	const results = ((response?.integrations as IDataObject[] | undefined) ?? []).map((i) => ({
		name: `${text(i.name) || 'CRM integration'}${i.ownerEmail ? ` (${text(i.ownerEmail)})` : ''}`,
		value: text(i.integrationId),
	}));
	return { results: matching(results, filter) };
}
