/**
 * List searches and dropdown options of the Gong node, run through n8n-core's real
 * LoadOptionsContext against the sandbox: names, values, Gong cursors as pagination tokens,
 * filtering by typed text and the workspace rule of per-workspace lists.
 */
import { byId, useGong } from './helpers';

const { LOCATORS } = require('../nodes/shared/framework/properties');

const DAY = 24 * 3600 * 1000;
const now = Date.now();

/** Follows pagination tokens until the end (bounded); returns every page. */
async function allPages(gong: any, options: Record<string, unknown>, max = 50) {
	const pages: any[] = [];
	let token: string | undefined;
	for (let i = 0; i < max; i++) {
		const page = await gong.loadOptions({ ...options, paginationToken: token });
		pages.push(page);
		token = page.paginationToken;
		if (!token) break;
	}
	expect(token).toBeUndefined();
	return pages;
}

const fullName = (u: any) => `${u.firstName} ${u.lastName}`;

/*
 * n8n keeps only the parameters the chosen resource/operation displays, so each parameter is
 * given together with an operation that has it.
 */
/** Workspace as a top-level parameter (Target → Get Many). */
const wsTop = (id: string) => ({ resource: 'target', operation: 'getMany', workspaceId: byId(id) });
/** Workspace inside Filters (Call → Get Many). */
const wsFilter = (id: string, mode = 'id') => ({ resource: 'call', operation: 'getMany', filters: { workspaceId: { __rl: true, mode, value: id } } });

describe('list searches', () => {
	const gong = useGong({
		seed: { calls: 300, users: 40, from: new Date(now - 80 * DAY).toISOString(), to: new Date(now - 3600e3).toISOString() },
		pageSize: 20,
	});

	const workspaces = () => gong.sandbox.state.workspaces as Array<{ id: string; name: string }>;
	const callsIn90Days = () => gong.sandbox.state.calls.filter((c: any) => Date.parse(c.scheduled ?? c.started) >= now - 90 * DAY);

	test('every resource-locator kind has its list-search method on the node', () => {
		const methods = gong.harness.nodeTypes['n8n-nodes-gong.gong'].methods;
		for (const [kind, loc] of Object.entries(LOCATORS) as Array<[string, { search: string }]>) {
			expect([kind, typeof methods.listSearch[loc.search]]).toEqual([kind, 'function']);
		}
		expect(Object.keys(methods.listSearch).sort()).toEqual(Object.values(LOCATORS).map((l: any) => l.search).sort());
		expect(Object.keys(methods.loadOptions).sort()).toEqual(['getCrmIntegrations', 'getScorecards', 'getTrackers', 'getUsers', 'getWorkspaces']);
	});

	test('searchCalls: recent calls newest first, "Title (YYYY-MM-DD HH:MM)", date range sent, every call once across pages', async () => {
		const first = await gong.loadOptions({ method: 'searchCalls' });
		const reqs = gong.requests();
		expect(reqs.length).toBeGreaterThan(0);
		expect(reqs.length).toBeLessThanOrEqual(5);
		for (const r of reqs) {
			expect(r.method).toBe('GET');
			expect(r.path).toBe('/v2/calls');
			expect(Date.parse(r.query.fromDateTime)).toBeLessThan(Date.parse(r.query.toDateTime));
			expect(Date.parse(r.query.fromDateTime)).toBeGreaterThanOrEqual(now - 91 * DAY);
		}
		expect(first.results.length).toBeGreaterThan(0);
		expect(first.paginationToken).toBeTruthy();

		const calls = callsIn90Days();
		// Gong filters on the scheduled time of web conferences: the call newest by that time is on the first page,
		// and the first page is sorted by actual start, newest first.
		const filterTime = (c: any) => Date.parse(c.scheduled ?? c.started);
		const newestListed = calls.slice().sort((a: any, b: any) => filterTime(b) - filterTime(a))[0];
		expect(first.results.map((r: any) => r.value)).toContain(newestListed.id);
		const onPage = calls.filter((c: any) => first.results.some((r: any) => r.value === c.id));
		const newest = onPage.sort((a: any, b: any) => Date.parse(b.started) - Date.parse(a.started))[0];
		expect(first.results[0].value).toBe(newest.id);
		expect(first.results[0].name).toBe(`${newest.title} (${newest.started.slice(0, 16).replace('T', ' ')})`);
		expect(first.results[0].url).toBe(newest.url);
		const starts = first.results.map((r: any) => Date.parse(calls.find((c: any) => c.id === r.value).started));
		expect(starts).toEqual(starts.slice().sort((a: number, b: number) => b - a));

		const pages = await allPages(gong, { method: 'searchCalls' });
		const ids = pages.flatMap((p) => p.results.map((r: any) => r.value));
		expect(ids.every((id: unknown) => typeof id === 'string' && /^\d{19,20}$/.test(id as string))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(calls.map((c: any) => c.id)));
	});

	test('searchCalls: typed text filters on the title, reading on until enough match', async () => {
		const account = gong.sandbox.state.accounts[0].name as string;
		const pages = await allPages(gong, { method: 'searchCalls', filter: account.toLowerCase() });
		const names = pages.flatMap((p) => p.results.map((r: any) => r.name));
		const expected = callsIn90Days().filter((c: any) => c.title.toLowerCase().includes(account.toLowerCase()));
		expect(expected.length).toBeGreaterThan(0);
		expect(names).toHaveLength(expected.length);
		expect(names.every((n: string) => n.includes(account))).toBe(true);
	});

	test('searchCalls: a pagination token from elsewhere starts over instead of failing', async () => {
		const result = await gong.loadOptions({ method: 'searchCalls', paginationToken: 'not-a-token' });
		expect(result.results.length).toBeGreaterThan(0);
		expect(gong.requests()[0].query.cursor).toBeUndefined();
	});

	test('searchUsers: "First Last (email)", Gong cursor as the pagination token', async () => {
		const users = gong.sandbox.state.users.filter((u: any) => !u.isAvatar);
		const page1 = await gong.loadOptions({ method: 'searchUsers' });
		expect(page1.results).toHaveLength(20);
		expect(page1.results[0]).toEqual({ name: `${fullName(users[0])} (${users[0].emailAddress})`, value: users[0].id });
		expect(page1.paginationToken).toBeTruthy();
		expect(gong.lastRequest().query.cursor).toBeUndefined();

		const page2 = await gong.loadOptions({ method: 'searchUsers', paginationToken: page1.paginationToken });
		expect(gong.lastRequest().query.cursor).toBe(page1.paginationToken);
		expect(page2.results).toHaveLength(20);
		expect(page2.paginationToken).toBeUndefined();
		const ids = [...page1.results, ...page2.results].map((r: any) => r.value);
		expect(ids).toEqual(users.map((u: any) => u.id));
		const inactive = users.find((u: any) => !u.active);
		expect([...page1.results, ...page2.results].find((r: any) => r.value === inactive.id).name).toMatch(/ – inactive$/);
	});

	test('searchUsers: typed text reads further pages until it finds matches; filtering is case-insensitive on name and email', async () => {
		const users = gong.sandbox.state.users.filter((u: any) => !u.isAvatar);
		const target = users[users.length - 3];
		const result = await gong.loadOptions({ method: 'searchUsers', filter: target.emailAddress.toUpperCase() });
		expect(result.results.map((r: any) => r.value)).toContain(target.id);
		expect(result.results.every((r: any) => r.name.toLowerCase().includes(target.emailAddress))).toBe(true);
		expect(gong.requests()).toHaveLength(2);
		expect(result.paginationToken).toBeUndefined();
	});

	test('searchWorkspaces: names and ids, filtered', async () => {
		const all = await gong.loadOptions({ method: 'searchWorkspaces' });
		expect(all.results).toEqual(workspaces().map((w) => ({ name: w.name, value: w.id })));
		expect(all.paginationToken).toBeUndefined();
		const some = await gong.loadOptions({ method: 'searchWorkspaces', filter: 'SUCC' });
		expect(some.results.map((r: any) => r.name)).toEqual(['Customer Success']);
	});

	test('searchLibraryFolders: without a workspace, one request per workspace; public folders as paths with their workspace', async () => {
		const result = await gong.loadOptions({ method: 'searchLibraryFolders' });
		const reqs = gong.requests();
		expect(reqs.map((r: any) => r.path)).toEqual(['/v2/workspaces', '/v2/library/folders', '/v2/library/folders', '/v2/library/folders']);
		expect(reqs.slice(1).map((r: any) => r.query.workspaceId)).toEqual(workspaces().map((w) => w.id));
		const publicFolders = gong.sandbox.state.library.folders.filter((f: any) => f.visibility === 'public');
		expect(result.results).toHaveLength(publicFolders.length);
		const nested = publicFolders.find((f: any) => f.parentFolderId && f.workspaceId === workspaces()[0].id);
		expect(result.results).toContainEqual({ name: 'Sales - Best Calls / Objection Handling (Sales)', value: nested.id });
		expect(result.results.some((r: any) => /My Drafts|Archived/.test(r.name))).toBe(false);
		expect(result.paginationToken).toBeUndefined();
	});

	test('searchLibraryFolders: the node\'s Workspace (resource locator, top level or in Filters) limits it to one request', async () => {
		const ws = workspaces()[1];
		for (const parameters of [wsTop(ws.id), wsFilter(ws.id, 'list')]) {
			gong.sandbox.clearRequests();
			const result = await gong.loadOptions({ method: 'searchLibraryFolders', parameters });
			const reqs = gong.requests();
			expect(reqs).toHaveLength(1);
			expect(reqs[0].query.workspaceId).toBe(ws.id);
			expect(result.results.map((r: any) => r.name).sort()).toEqual(['Customer Success - Best Calls', 'Customer Success - Best Calls / Objection Handling', 'Customer Success - Onboarding']);
		}
		const filtered = await gong.loadOptions({ method: 'searchLibraryFolders', parameters: wsTop(ws.id), filter: 'objection' });
		expect(filtered.results.map((r: any) => r.name)).toEqual(['Customer Success - Best Calls / Objection Handling']);
	});

	test('searchLibraryFolders: an expression as workspace is ignored (all workspaces listed)', async () => {
		await gong.loadOptions({ method: 'searchLibraryFolders', parameters: wsFilter('={{ $json.workspace }}') });
		expect(gong.requests()[0].path).toBe('/v2/workspaces');
	});

	test('searchPermissionProfiles: per workspace, named with the workspace; one workspace when chosen', async () => {
		const all = await gong.loadOptions({ method: 'searchPermissionProfiles' });
		expect(all.results).toHaveLength(9);
		const salesAdmin = gong.sandbox.state.permissionProfiles.find((p: any) => p.workspaceId === workspaces()[0].id && p.name === 'Admin');
		expect(all.results).toContainEqual({ name: 'Admin (Sales)', value: salesAdmin.id });
		const one = await gong.loadOptions({ method: 'searchPermissionProfiles', parameters: wsTop(workspaces()[0].id), filter: 'man' });
		expect(one.results).toEqual([{ name: 'Manager', value: gong.sandbox.state.permissionProfiles.find((p: any) => p.workspaceId === workspaces()[0].id && p.name === 'Manager').id }]);
		expect(gong.lastRequest().path).toBe('/v2/all-permission-profiles');
	});

	test('searchTargets: per workspace; a workspace with none adds nothing', async () => {
		const all = await gong.loadOptions({ method: 'searchTargets' });
		expect(all.results.map((r: any) => r.name).sort()).toEqual(['Meetings booked (Customer Success)', 'Meetings booked (Sales)', 'Quarterly bookings (Customer Success)', 'Quarterly bookings (Sales)']);
		const target = gong.sandbox.state.targets[0];
		expect(all.results.find((r: any) => r.value === target.id)).toBeDefined();
		const none = await gong.loadOptions({ method: 'searchTargets', parameters: wsTop(workspaces()[2].id) });
		expect(none.results).toEqual([]);
	});

	test('per-workspace lists page through workspaces 10 at a time', async () => {
		const extra = Array.from({ length: 9 }, (_, k) => ({ id: `55500000000000000${10 + k}`, name: `Region ${k + 1}`, description: '' }));
		gong.sandbox.state.workspaces.push(...extra);
		try {
			const page1 = await gong.loadOptions({ method: 'searchTargets' });
			expect(gong.requests().filter((r: any) => r.path === '/v2/targets')).toHaveLength(10);
			expect(page1.paginationToken).toBe('ws:10');
			gong.sandbox.clearRequests();
			const page2 = await gong.loadOptions({ method: 'searchTargets', paginationToken: page1.paginationToken });
			expect(gong.requests().filter((r: any) => r.path === '/v2/targets').map((r: any) => r.query.workspaceId)).toEqual([extra[7].id, extra[8].id]);
			expect(page2.paginationToken).toBeUndefined();
		} finally {
			gong.sandbox.state.workspaces.splice(3);
		}
	});

	test('searchScorecards: exact int64 ids as strings; the chosen workspace is applied locally', async () => {
		const all = await gong.loadOptions({ method: 'searchScorecards' });
		expect(all.results).toEqual(gong.sandbox.state.scorecards.map((s: any) => ({ name: s.scorecardName, value: s.scorecardId.toString() })));
		const other = await gong.loadOptions({ method: 'searchScorecards', parameters: wsFilter(workspaces()[1].id) });
		expect(other.results).toEqual([]);
		const filtered = await gong.loadOptions({ method: 'searchScorecards', filter: 'demo' });
		expect(filtered.results.map((r: any) => r.name)).toEqual(['Demo Scorecard']);
	});

	test('searchTrackers: all workspaces named with their workspace; the chosen workspace is sent to Gong', async () => {
		const all = await gong.loadOptions({ method: 'searchTrackers' });
		expect(all.results).toHaveLength(10);
		const t = gong.sandbox.state.trackers.find((x: any) => x.workspaceId === workspaces()[1].id);
		expect(all.results).toContainEqual({ name: `${t.trackerName} (Customer Success)`, value: t.trackerId });
		const one = await gong.loadOptions({ method: 'searchTrackers', parameters: wsFilter(workspaces()[0].id) });
		expect(gong.lastRequest().query.workspaceId).toBe(workspaces()[0].id);
		expect(one.results.map((r: any) => r.name)).toEqual(['Competitors', 'Pricing', 'Security', 'Next Steps', 'Timeline']);
	});

	test('searchBriefs: the value is the brief name (Gong identifies briefs by name)', async () => {
		const all = await gong.loadOptions({ method: 'searchBriefs' });
		expect(all.results).toContainEqual({ name: 'Account Brief (Sales)', value: 'Account Brief' });
		expect(all.results).toHaveLength(6);
		const one = await gong.loadOptions({ method: 'searchBriefs', parameters: wsTop(workspaces()[0].id), filter: 'deal' });
		expect(one.results).toEqual([{ name: 'Deal Brief', value: 'Deal Brief' }]);
	});

	test('searchFlows: with the node\'s Flow Owner Email, that user\'s flows; paged by Gong\'s cursor', async () => {
		const flows = gong.sandbox.state.flows;
		const shared = flows.find((f: any) => f.visibility === 'Shared');
		const email = shared.sharedWith[0];
		const pages = await allPages(gong, { method: 'searchFlows', parameters: { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: email } });
		const first = gong.requests()[0];
		expect(first.path).toBe('/v2/flows');
		expect(first.query.flowOwnerEmail).toBe(email);
		const results = pages.flatMap((p) => p.results);
		expect(results).toContainEqual({ name: `${shared.name} (${shared.folderName})`, value: shared.id });
		const visible = flows.filter((f: any) => f.visibility === 'Company' || f.ownerEmail === email || f.sharedWith.includes(email));
		expect(results).toHaveLength(visible.length);
	});

	test('searchFlows: without an owner, company flows only (as seen by the first active user); token keeps that owner', async () => {
		gong.sandbox.configure({ pageSize: 5 });
		try {
			const pages = await allPages(gong, { method: 'searchFlows' });
			expect(pages.length).toBeGreaterThan(1);
			const flowReqs = gong.requests().filter((r: any) => r.path === '/v2/flows');
			const owner = gong.sandbox.state.users[0].emailAddress;
			expect(flowReqs.every((r: any) => r.query.flowOwnerEmail === owner)).toBe(true);
			expect(flowReqs[1].query.cursor).toBeTruthy();
			const names = pages.flatMap((p) => p.results.map((r: any) => r.value));
			expect(names.sort()).toEqual(gong.sandbox.state.flows.filter((f: any) => f.visibility === 'Company').map((f: any) => f.id).sort());
		} finally {
			gong.sandbox.configure({ pageSize: 20 });
		}
	});

	test('searchFlowFolders: "Parent / Folder" names; owner from Folder Owner Email', async () => {
		const folders = gong.sandbox.state.flowFolders;
		const personal = folders.find((f: any) => f.visibility === 'Personal');
		const result = await gong.loadOptions({ method: 'searchFlowFolders', parameters: { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: personal.ownerEmail } });
		expect(gong.lastRequest().query.flowFolderOwnerEmail).toBe(personal.ownerEmail);
		expect(result.results).toContainEqual({ name: 'Company Flows / Outbound', value: folders.find((f: any) => f.name === 'Outbound').id });
		expect(result.results).toContainEqual({ name: personal.name, value: personal.id });
		const filtered = await gong.loadOptions({ method: 'searchFlowFolders', parameters: { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: personal.ownerEmail }, filter: 'outb' });
		expect(filtered.results.map((r: any) => r.name)).toEqual(['Company Flows / Outbound']);
	});

	test('searchCrmIntegrations: "Name (owner)", int64 id exact; none → empty list', async () => {
		expect((await gong.loadOptions({ method: 'searchCrmIntegrations' })).results).toEqual([]);
		gong.sandbox.state.crm.integrations.push({ integrationId: BigInt('9123456789012345678'), ownerEmail: 'ops@acme-sandbox.example', name: 'Acme CRM', created: new Date().toISOString() });
		try {
			const result = await gong.loadOptions({ method: 'searchCrmIntegrations' });
			expect(result.results).toEqual([{ name: 'Acme CRM (ops@acme-sandbox.example)', value: '9123456789012345678' }]);
			const options = await gong.loadOptions({ kind: 'loadOptions', method: 'getCrmIntegrations' });
			expect(options).toEqual([{ name: 'Acme CRM (ops@acme-sandbox.example)', value: '9123456789012345678' }]);
		} finally {
			gong.sandbox.state.crm.integrations.length = 0;
		}
	});

	test('loadOptions: workspaces, users (all pages, sorted), scorecards, trackers', async () => {
		const ws = await gong.loadOptions({ kind: 'loadOptions', method: 'getWorkspaces' });
		expect(ws).toEqual(workspaces().map((w) => ({ name: w.name, value: w.id })));
		gong.sandbox.clearRequests();
		const users = await gong.loadOptions({ kind: 'loadOptions', method: 'getUsers' });
		expect(gong.requests()).toHaveLength(2);
		expect(users).toHaveLength(40);
		const names = users.map((u: any) => u.name);
		expect(names).toEqual(names.slice().sort((a: string, b: string) => a.localeCompare(b)));
		expect(typeof users[0].value).toBe('string');
		const scorecards = await gong.loadOptions({ kind: 'loadOptions', method: 'getScorecards' });
		expect(scorecards.map((s: any) => s.name)).toEqual(['Discovery Scorecard', 'Demo Scorecard', 'AI Call Review']);
		const trackers = await gong.loadOptions({ kind: 'loadOptions', method: 'getTrackers', parameters: wsTop(workspaces()[0].id) });
		expect(trackers).toHaveLength(5);
	});

	test('OAuth2 credential: lists load through the same transport with the bearer token', async () => {
		const result = await gong.loadOptions({ method: 'searchWorkspaces', auth: 'oAuth2' });
		expect(result.results).toHaveLength(3);
		expect(gong.lastRequest().headers.authorization).toBe('Bearer sandbox-oauth-token');
	});
});
