'use strict';
/**
 * The workflows the suite runs through `n8n execute` and what each must produce. One case per
 * resource at least; some cases exercise Return All across pages, OAuth2, a binary upload, 429 /
 * 5xx retries and error paths (continueOnFail and a failing workflow).
 *
 * A case: { key, resource, title, nodes: [gongNode …], check(out, ctx) } where `out[nodeName]` is
 * { json: [...], binary: [...], error } and ctx = { fx, requests, run, exec }.
 * Resources without a hand-written case get a generated smoke case (see smokeCaseFor) or fail
 * the coverage check.
 */
const { request } = require('./util');
const { gongNode, codeNode, base64ToFileNode, byId } = require('./workflows');

// ---------------------------------------------------------------------------------------------
// Fixtures: ids read from the sandbox through its Gong API (what a user would pick in the UI)
// ---------------------------------------------------------------------------------------------

async function loadFixtures(sb) {
	const auth = `Basic ${Buffer.from(`${sb.accessKey}:${sb.accessKeySecret}`).toString('base64')}`;
	const api = async (method, p, body) => {
		const r = await request(`${sb.url}${p}`, { method, body, headers: { Authorization: auth } });
		if (r.status >= 300) throw new Error(`fixtures: ${method} ${p} → ${r.status} ${r.text.slice(0, 200)}`);
		return { json: r.json, text: r.text };
	};
	const pages = async (p, key) => {
		const out = [];
		let cursor;
		for (let i = 0; i < 100; i++) {
			const sep = p.includes('?') ? '&' : '?';
			const { json } = await api('GET', `${p}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
			out.push(...json[key]);
			cursor = json.records && json.records.cursor;
			if (!cursor) break;
		}
		return out;
	};
	const users = await pages('/v2/users', 'users');
	const workspaces = (await api('GET', '/v2/workspaces')).json.workspaces;
	const until = new Date(Date.now() + 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');
	const calls = await pages(`/v2/calls?fromDateTime=2000-01-01T00:00:00Z&toDateTime=${until}`, 'calls');
	const ext = (await api('POST', '/v2/calls/extensive', { filter: { callIds: [calls[0].id] }, contentSelector: { context: 'Extended', exposedFields: { parties: true } } })).json.calls[0];
	const account = ext.context.flatMap((c) => c.objects).find((o) => o.objectType === 'Account');
	const contact = ext.parties.find((p) => p.affiliation === 'External' && p.emailAddress);
	const ws0 = calls[0].workspaceId;
	const briefs = (await api('GET', `/v2/settings/briefs?workspaceId=${ws0}`)).json.briefs;
	const folders = (await api('GET', '/v2/library/folders')).json.folders;
	const profiles = (await api('GET', `/v2/all-permission-profiles?workspaceId=${ws0}`)).json.profiles;
	const targetWs = [];
	for (const w of workspaces) if ((await api('GET', `/v2/targets?workspaceId=${w.id}`)).json.targets.length) targetWs.push(w.id);
	const regular = users.filter((u) => u.active !== false);
	const owner = regular[0];
	const flows = (await api('GET', `/v2/flows?flowOwnerEmail=${encodeURIComponent(owner.emailAddress)}`)).json.flows;
	const manager = users.find((u) => u.managerId && users.some((x) => x.managerId === u.id));
	let taskUser = null;
	for (const u of regular.slice(0, 20)) {
		const t = await api('POST', '/v2/tasks', { filter: { userId: u.id, types: ['FLOW', 'MANUAL'], status: ['OPEN'], taskAction: ['CALL'] } });
		if (t.json.tasks.length) {
			taskUser = { id: u.id, openTasks: t.json.tasks.length };
			break;
		}
	}
	return {
		users,
		owner,
		manager,
		workspaces,
		ws0,
		calls,
		callId: calls[0].id,
		account,
		contact,
		briefName: (briefs.find((b) => /account/i.test(b.briefName)) || briefs[0]).briefName,
		folderId: folders[0].id,
		profileId: profiles[0].id,
		targetWorkspaceId: targetWs[0],
		flowIds: flows.map((f) => f.id),
		taskUser,
		until,
	};
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

class CheckError extends Error {}

function ok(cond, msg) {
	if (!cond) throw new CheckError(typeof msg === 'function' ? msg() : msg);
}

/** The output of one node: items, no error. */
function items(out, name, { min = 1, max = Infinity } = {}) {
	const o = out[name];
	ok(o, `node "${name}" did not run`);
	ok(!o.error, `node "${name}" failed: ${o.error}`);
	ok(o.json.length >= min && o.json.length <= max, `node "${name}" returned ${o.json.length} items (expected ${min === max ? min : `${min}..${max === Infinity ? '∞' : max}`})`);
	const errs = o.json.filter((j) => j && j.error);
	ok(!errs.length, () => `node "${name}" has error items: ${String(JSON.stringify(errs[0])).slice(0, 300)}`);
	return o.json;
}

const isIdString = (v) => typeof v === 'string' && /^\d{1,20}$/.test(v);

function sent(ctx, method, pathRe, { min = 1 } = {}) {
	const hits = ctx.requests.filter((r) => r.method === method && (pathRe instanceof RegExp ? pathRe.test(r.path) : r.path === pathRe));
	ok(hits.length >= min, `expected ${min}+ ${method} ${pathRe} request(s) at the sandbox, saw ${hits.length} (${ctx.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ') || 'none'})`);
	return hits;
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

const MEDIA = Buffer.from('ID3\u0003gong e2e fake mp3 frames \u0000\u00ff\u0010 binary', 'latin1');
const TARGETS_CSV = 'userEmail,period,value\n{email},2025-Q1,100000\n';

function buildCases(fx) {
	const u0 = fx.owner;
	const cases = [
		{
			key: 'call',
			resource: 'call',
			title: 'Call: Get Many (Return All over pages), Get via OAuth2, Get Many (Extensive) with a limit, Transcripts',
			nodes: [
				gongNode('All Calls', { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: fx.until, returnAll: true }),
				gongNode('One Call (OAuth2)', { resource: 'call', operation: 'get', callId: byId(fx.callId) }, { auth: 'oauth' }),
				gongNode('Extensive', { resource: 'call', operation: 'getManyExtensive', returnAll: false, limit: 30, options: { include: ['parties', 'topics'] } }),
				gongNode('Transcripts', { resource: 'call', operation: 'getTranscripts', filters: { callIds: [fx.callId] } }),
			],
			check(out, ctx) {
				const all = items(out, 'All Calls', { min: fx.calls.length, max: fx.calls.length });
				ok(new Set(all.map((c) => c.id)).size === fx.calls.length, 'Return All produced duplicate calls');
				ok(all.every((c) => isIdString(c.id)), 'call ids must be strings of digits');
				const listReqs = sent(ctx, 'GET', '/v2/calls', { min: Math.ceil(fx.calls.length / ctx.pageSize) });
				ok(listReqs.slice(1).every((r) => r.query.cursor), 'pages after the first must send the cursor');
				const one = items(out, 'One Call (OAuth2)', { min: 1, max: 1 });
				ok(one[0].id === fx.callId, `Get returned ${one[0].id}, expected ${fx.callId}`);
				const oauthReq = sent(ctx, 'GET', `/v2/calls/${fx.callId}`)[0];
				ok(oauthReq.headers.authorization === `Bearer ${ctx.sb.bearerToken}`, `OAuth2 request had Authorization ${oauthReq.headers.authorization}`);
				const basicReq = listReqs[0];
				ok(/^Basic /.test(basicReq.headers.authorization || ''), 'access-key request must use Basic auth');
				const ext = items(out, 'Extensive', { min: 30, max: 30 });
				ok(ext.every((c) => c.metaData && Array.isArray(c.parties)), 'extensive items need metaData and parties');
				const tr = items(out, 'Transcripts', { min: 1, max: 1 });
				ok(tr[0].callId === fx.callId && Array.isArray(tr[0].transcript), 'transcript item for the call');
			},
		},
		{
			key: 'call-media',
			resource: 'call',
			title: 'Call: Upload Media — binary from Convert to File sent as multipart',
			nodes: [
				codeNode('Make Audio', [{ b64: MEDIA.toString('base64') }], 'Start'),
				base64ToFileNode('To File', { sourceProperty: 'b64', binaryPropertyName: 'data', fileName: 'call.mp3', mimeType: 'audio/mpeg' }, 'Make Audio'),
				{ ...gongNode('Upload Media', { resource: 'call', operation: 'uploadMedia', callId: byId(fx.callId), binaryPropertyName: 'data' }), from: 'To File' },
			],
			check(out, ctx) {
				const res = items(out, 'Upload Media', { min: 1, max: 1 });
				ok(res[0].callId === fx.callId, `upload answer names call ${res[0].callId}`);
				const req = sent(ctx, 'PUT', `/v2/calls/${fx.callId}/media`)[0];
				ok(/^multipart\/form-data; boundary=/.test(req.headers['content-type'] || ''), `content-type ${req.headers['content-type']}`);
				ok(req.multipart && req.multipart.length === 1, 'one multipart part');
				const part = req.multipart[0];
				ok(part.name === 'mediaFile' && part.fileName === 'call.mp3' && part.contentType === 'audio/mpeg', `part ${JSON.stringify({ ...part, data: undefined })}`);
				ok(Buffer.from(part.data, 'base64').equals(MEDIA), 'uploaded bytes differ from the binary input');
			},
		},
		{
			key: 'call-download',
			resource: 'call',
			title: 'Call: Download Media — media link from /v2/calls/extensive, file from the media host as binary',
			nodes: [gongNode('Download', { resource: 'call', operation: 'downloadMedia', callId: byId(fx.callId), mediaType: 'audio', binaryPropertyName: 'data' })],
			check(out, ctx) {
				const res = items(out, 'Download', { min: 1, max: 1 });
				ok(res[0].callId === fx.callId && res[0].mimeType === 'audio/mpeg' && res[0].fileSize > 1000, `download item ${JSON.stringify(res[0])}`);
				const bin = out.Download.binary[0] && out.Download.binary[0].data;
				ok(bin && bin.fileName === `gong-call-${fx.callId}-audio.mp3` && bin.mimeType === 'audio/mpeg', `binary ${JSON.stringify(bin && { ...bin, data: undefined })}`);
				const req = sent(ctx, 'POST', '/v2/calls/extensive')[0];
				ok(req.body.contentSelector.exposedFields.media === true, 'asked Gong for the media links');
			},
		},
		{
			key: 'user',
			resource: 'user',
			title: 'User: Get Many (Return All over 2 pages), Get, Settings History, Get Many (Extensive) by ids',
			nodes: [
				gongNode('All Users', { resource: 'user', operation: 'getMany', returnAll: true }),
				gongNode('One User', { resource: 'user', operation: 'get', userId: byId(u0.id) }),
				gongNode('History', { resource: 'user', operation: 'getSettingsHistory', userId: byId(u0.id) }),
				gongNode('Extensive Users', { resource: 'user', operation: 'getManyExtensive', returnAll: true, filters: { userIds: [fx.users[1].id, fx.users[2].id] } }, { auth: 'oauth' }),
			],
			check(out, ctx) {
				const all = items(out, 'All Users', { min: fx.users.length, max: fx.users.length });
				ok(all.every((u) => isIdString(u.id)), 'user ids must be strings');
				const reqs = sent(ctx, 'GET', '/v2/users', { min: 2 });
				ok(reqs[1].query.cursor, 'second page must send the cursor');
				ok(items(out, 'One User', { min: 1, max: 1 })[0].id === u0.id, 'Get returned another user');
				items(out, 'History', { min: 0 });
				const ext = items(out, 'Extensive Users', { min: 2, max: 2 });
				ok(ext.map((u) => u.id).sort().join() === [fx.users[1].id, fx.users[2].id].sort().join(), 'extensive users by id');
			},
		},
		{
			key: 'workspace',
			resource: 'workspace',
			title: 'Workspace: Get Many — retried after a 429 with Retry-After and after a 503',
			before: async (sb) => {
				await sb.control.failNext({ n: 1, status: 429, retryAfter: 1, match: { path: '/v2/workspaces' } });
				await sb.control.failNext({ n: 1, status: 503, match: { path: '/v2/workspaces' } });
			},
			nodes: [gongNode('Workspaces', { resource: 'workspace', operation: 'getMany' })],
			check(out, ctx) {
				const ws = items(out, 'Workspaces', { min: fx.workspaces.length, max: fx.workspaces.length });
				ok(ws.every((w) => isIdString(w.id)), 'workspace ids must be strings');
				const reqs = sent(ctx, 'GET', '/v2/workspaces', { min: 3 });
				ok(reqs[0].status === 429 && reqs[1].status === 503 && reqs[2].status === 200, `statuses ${reqs.map((r) => r.status)}`);
				ok(reqs[1].time - reqs[0].time >= 900, `the retry after 429 came ${reqs[1].time - reqs[0].time} ms later (Retry-After: 1)`);
			},
		},
		{
			key: 'errors',
			resource: null,
			title: 'Error path: continueOnFail turns a 404 and a bad id into error items; other items go on',
			nodes: [
				codeNode('Ids', [{ id: fx.callId }, { id: '99999999999999999999' }, { id: 'not-an-id' }], 'Start'),
				{ ...gongNode('Get Calls', { resource: 'call', operation: 'get', callId: byId('={{ $json.id }}') }, { continueOnFail: true }), from: 'Ids' },
			],
			check(out, ctx) {
				const o = out['Get Calls'];
				ok(o && !o.error, `node failed instead of continuing: ${o && o.error}`);
				ok(o.json.length === 3, `expected 3 items, got ${o.json.length}`);
				ok(o.json[0].id === fx.callId && !o.json[0].error, 'first item is the call');
				ok(/404|not found/i.test(JSON.stringify(o.json[1].error || '')), `second item should carry the 404: ${JSON.stringify(o.json[1]).slice(0, 300)}`);
				ok(/not a Gong ID/i.test(JSON.stringify(o.json[2].error || '')), `third item should name the bad id: ${JSON.stringify(o.json[2]).slice(0, 300)}`);
				ok(ctx.requests.length >= 1, 'the valid ids must reach Gong');
				ok(!ctx.requests.some((r) => `${r.path} ${r.rawBody || ''}`.includes('not-an-id')), 'the bad id must not be sent');
			},
		},
		{
			key: 'errors-fail',
			resource: null,
			expectFailure: true,
			title: 'Error path: without continueOnFail a 404 fails the execution with Gong\'s message',
			nodes: [gongNode('Missing Call', { resource: 'call', operation: 'get', callId: byId('99999999999999999999') })],
			check(out, ctx) {
				ok(!ctx.exec.ok, '`n8n execute` must exit non-zero');
				const o = out['Missing Call'];
				const msg = `${(o && o.error) || ''} ${JSON.stringify(ctx.exec.error || '')} ${ctx.exec.stdout.slice(-4000)} ${ctx.exec.stderr.slice(-4000)}`;
				ok(/404/.test(msg) && /99999999999999999999/.test(msg), `error should name the 404 and the call: ${msg.slice(0, 400)}`);
			},
		},
		{
			key: 'engageFlow',
			resource: 'engageFlow',
			title: 'Engage Flow: Get Many, Get Folders, Get Steps',
			nodes: [
				gongNode('Flows', { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: u0.emailAddress, returnAll: true }),
				gongNode('Folders', { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: u0.emailAddress, returnAll: true }),
				gongNode('Steps', { resource: 'engageFlow', operation: 'getSteps', flowIds: fx.flowIds.slice(0, 2).join(',') }),
			],
			check(out) {
				const flows = items(out, 'Flows', { min: fx.flowIds.length, max: fx.flowIds.length });
				ok(flows.every((f) => isIdString(f.id)), 'flow ids must be strings');
				items(out, 'Folders', { min: 1 });
				items(out, 'Steps', { min: 1 });
			},
		},
		{
			key: 'task',
			resource: 'task',
			title: 'Task: Get Many (open call tasks of a user; int64 ids kept exact)',
			nodes: [gongNode('Tasks', { resource: 'task', operation: 'getMany', userId: byId(fx.taskUser.id), types: ['FLOW', 'MANUAL'], status: ['OPEN'], taskAction: ['CALL'] })],
			check(out, ctx) {
				const t = items(out, 'Tasks', { min: fx.taskUser.openTasks, max: fx.taskUser.openTasks });
				ok(t.every((x) => isIdString(String(x.id)) && typeof x.id === 'string'), `task ids must be exact strings: ${JSON.stringify(t[0]).slice(0, 200)}`);
				ok(sent(ctx, 'POST', '/v2/tasks')[0].body.filter.userId, 'filter.userId sent');
			},
		},
		{
			key: 'target',
			resource: 'target',
			title: 'Target: Get Many, Upload Assignments (CSV binary)',
			nodes: [
				gongNode('Targets', { resource: 'target', operation: 'getMany', workspaceId: byId(fx.targetWorkspaceId) }),
				codeNode('Make CSV', [{ csv: Buffer.from(TARGETS_CSV.replace('{email}', u0.emailAddress)).toString('base64') }], 'Start'),
				base64ToFileNode('CSV File', { sourceProperty: 'csv', binaryPropertyName: 'data', fileName: 'targets.csv', mimeType: 'text/csv' }, 'Make CSV'),
				{ ...gongNode('Upload Targets', { resource: 'target', operation: 'uploadAssignments', targetId: byId('={{ $("Targets").first().json.id }}'), workspaceId: byId(fx.targetWorkspaceId), binaryPropertyName: 'data', additionalFields: { validateOnly: true } }), from: 'CSV File' },
			],
			check(out, ctx) {
				const t = items(out, 'Targets', { min: 1 });
				items(out, 'Upload Targets', { min: 1, max: 1 });
				const req = sent(ctx, 'POST', /^\/v2\/targets\/\d+\/assignments$/)[0];
				ok(req.path === `/v2/targets/${t[0].id}/assignments`, `upload went to ${req.path}`);
				ok(req.multipart && req.multipart.length >= 1, 'the CSV went as multipart');
			},
		},
		{
			key: 'callAccess',
			resource: 'callAccess',
			title: 'Call Access: Add, then Get',
			nodes: [
				gongNode('Grant', { resource: 'callAccess', operation: 'add', callId: byId(fx.callId), userIds: [fx.users[3].id] }),
				{ ...gongNode('Who Has Access', { resource: 'callAccess', operation: 'get', callIds: [fx.callId] }), from: 'Grant' },
			],
			check(out, ctx) {
				items(out, 'Grant', { min: 1, max: 1 });
				const got = items(out, 'Who Has Access', { min: 1 });
				ok(JSON.stringify(got).includes(fx.users[3].id), 'the granted user is listed');
				sent(ctx, 'PUT', '/v2/calls/users-access');
			},
		},
		{
			key: 'stats',
			resource: 'stats',
			title: 'Stats: Interaction (Return All), Activity Aggregate by Period',
			nodes: [
				gongNode('Interaction', { resource: 'stats', operation: 'getInteraction', fromDate: '2024-10-01', toDate: '2025-06-01', returnAll: true }),
				gongNode('By Month', { resource: 'stats', operation: 'getActivityAggregateByPeriod', fromDate: '2024-10-01', toDate: '2025-06-01', aggregationPeriod: 'MONTH', returnAll: true }),
			],
			check(out) {
				items(out, 'Interaction', { min: 1 });
				items(out, 'By Month', { min: 1 });
			},
		},
		{
			key: 'settings-lists',
			resource: 'scorecard',
			also: ['tracker', 'brief', 'callOutcome'],
			title: 'Scorecard, Tracker, Brief, Call Outcome: Get Many',
			nodes: [
				gongNode('Scorecards', { resource: 'scorecard', operation: 'getMany' }),
				gongNode('Trackers', { resource: 'tracker', operation: 'getMany' }),
				gongNode('Briefs', { resource: 'brief', operation: 'getMany', filters: { workspaceId: byId(fx.ws0) } }),
				gongNode('Outcomes', { resource: 'callOutcome', operation: 'getMany' }),
			],
			check(out) {
				for (const n of ['Scorecards', 'Trackers', 'Briefs', 'Outcomes']) items(out, n, { min: 1 });
			},
		},
		{
			key: 'library',
			resource: 'library',
			title: 'Library: Get Folders, Get Folder Content',
			nodes: [
				gongNode('Folders', { resource: 'library', operation: 'getFolders' }),
				gongNode('Content', { resource: 'library', operation: 'getFolderContent', folderId: byId(fx.folderId) }),
			],
			check(out) {
				items(out, 'Folders', { min: 1 });
				items(out, 'Content', { min: 0 });
			},
		},
		{
			key: 'auditLog',
			resource: 'auditLog',
			title: 'Audit Log: Get Many (Return All over pages)',
			nodes: [gongNode('Logs', { resource: 'auditLog', operation: 'getMany', logType: 'UserCallPlay', fromDateTime: '2000-01-01T00:00:00Z', returnAll: true })],
			check(out, ctx) {
				const logs = items(out, 'Logs', { min: 1 });
				const reqs = sent(ctx, 'GET', '/v2/logs');
				ok(reqs.length === Math.max(1, Math.ceil(logs.length / ctx.pageSize)), `${reqs.length} requests for ${logs.length} log entries`);
			},
		},
		{
			key: 'coaching',
			resource: 'coaching',
			title: 'Coaching: Get Metrics',
			nodes: [gongNode('Coaching', { resource: 'coaching', operation: 'getMetrics', workspaceId: byId(fx.ws0), managerId: byId(fx.manager.id), fromDateTime: '2024-10-01T00:00:00Z', toDateTime: '2025-06-01T00:00:00Z' })],
			check(out) {
				items(out, 'Coaching', { min: 0 });
				ok(!out.Coaching.error, 'coaching failed');
			},
		},
		{
			key: 'ai',
			resource: 'ai',
			title: 'AI: Get Brief, Ask',
			nodes: [
				gongNode('Brief', { resource: 'ai', operation: 'getBrief', workspaceId: byId(fx.ws0), briefName: fx.briefName, crmEntityType: 'ACCOUNT', crmEntityId: fx.account.objectId, timePeriod: 'ALL_CONVERSATIONS' }),
				gongNode('Ask', { resource: 'ai', operation: 'ask', workspaceId: byId(fx.ws0), crmEntityType: 'ACCOUNT', crmEntityId: fx.account.objectId, timePeriod: 'ALL_CONVERSATIONS', question: 'What does the customer need?' }),
			],
			check(out) {
				ok(Array.isArray(items(out, 'Brief', { min: 1, max: 1 })[0].briefSections), 'brief sections');
				items(out, 'Ask', { min: 1, max: 1 });
			},
		},
		{
			key: 'crm',
			resource: 'crm',
			title: 'CRM: Register Integration, then Get Integrations (int64 id exact)',
			nodes: [
				gongNode('Register', { resource: 'crm', operation: 'registerIntegration', name: 'E2E CRM', ownerEmail: u0.emailAddress }),
				{ ...gongNode('Integrations', { resource: 'crm', operation: 'getIntegrations' }), from: 'Register' },
			],
			check(out) {
				const reg = items(out, 'Register', { min: 1, max: 1 })[0];
				ok(isIdString(reg.integrationId) && reg.integrationId.length > 15, `integrationId ${reg.integrationId}`);
				const list = items(out, 'Integrations', { min: 1 });
				ok(list.some((i) => i.integrationId === reg.integrationId), 'registered integration listed with the same exact id');
			},
		},
		{
			key: 'dataPrivacy',
			resource: 'dataPrivacy',
			title: 'Data Privacy: Get Data for an Email Address',
			nodes: [gongNode('Data for Email', { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: fx.contact.emailAddress })],
			check(out) {
				items(out, 'Data for Email', { min: 1 });
			},
		},
		{
			key: 'meeting',
			resource: 'meeting',
			title: 'Meeting: Create (invitees collection), Validate Integration Status',
			nodes: [
				gongNode('Create Meeting', {
					resource: 'meeting',
					operation: 'create',
					organizerEmail: u0.emailAddress,
					startTime: '2030-03-01T10:00:00Z',
					endTime: '2030-03-01T10:30:00Z',
					invitees: { values: [{ email: 'cookie.monster@cookies.example', displayName: 'Cookie Monster' }] },
					additionalFields: { title: 'E2E meeting' },
				}),
				gongNode('Integration Status', { resource: 'meeting', operation: 'validateIntegrationStatus', emails: [u0.emailAddress] }),
			],
			check(out, ctx) {
				const m = items(out, 'Create Meeting', { min: 1, max: 1 })[0];
				ok(isIdString(m.meetingId), `meetingId ${m.meetingId}`);
				const req = sent(ctx, 'POST', '/v2/meetings')[0];
				ok(req.body.invitees && req.body.invitees[0].email === 'cookie.monster@cookies.example', 'invitees sent');
				items(out, 'Integration Status', { min: 1 });
			},
		},
		{
			key: 'integrationSettings',
			resource: 'integrationSettings',
			title: 'Integration Settings: Set Allowed Origins',
			nodes: [gongNode('Origins', { resource: 'integrationSettings', operation: 'set', integrationTypeSettings: { values: [{ integrationType: 'EMAIL_COMPOSER', allowedOrigin: 'https://acme.partner.example' }] } })],
			check(out) {
				items(out, 'Origins', { min: 1, max: 1 });
			},
		},
		{
			key: 'permissionProfile',
			resource: 'permissionProfile',
			title: 'Permission Profile: Get Many, Get, Get Users',
			nodes: [
				gongNode('Profiles', { resource: 'permissionProfile', operation: 'getMany', workspaceId: byId(fx.ws0) }),
				gongNode('Profile', { resource: 'permissionProfile', operation: 'get', profileId: byId(fx.profileId) }),
				gongNode('Profile Users', { resource: 'permissionProfile', operation: 'getUsers', profileId: byId(fx.profileId) }),
			],
			check(out) {
				items(out, 'Profiles', { min: 1 });
				ok(items(out, 'Profile', { min: 1, max: 1 })[0].id === fx.profileId, 'the requested profile');
				items(out, 'Profile Users', { min: 0 });
			},
		},
		{
			key: 'engagementEvent',
			resource: 'engagementEvent',
			title: 'Engagement Event: Custom Action (JSON body)',
			nodes: [
				gongNode('Custom Action', {
					resource: 'engagementEvent',
					operation: 'customAction',
					bodyInput: 'json',
					jsonBody: JSON.stringify({ reportingSystem: 'docusign', eventTimestamp: '2024-05-04T12:00:00Z', actionName: 'Signed', actor: { email: 'x@y.example' } }),
				}),
			],
			check(out, ctx) {
				items(out, 'Custom Action', { min: 1, max: 1 });
				ok(sent(ctx, 'PUT', '/v2/customer-engagement/action')[0].body.actionName === 'Signed', 'body sent as given');
			},
		},
		{
			key: 'digitalInteraction',
			resource: 'digitalInteraction',
			title: 'Digital Interaction: Create',
			nodes: [gongNode('Interaction', { resource: 'digitalInteraction', operation: 'create', eventId: 'e2e-evt-1', timestamp: '2024-06-01T10:00:00Z', eventType: 'Pricing Page Viewed', contentTitle: 'Pricing', additionalFields: { trackingId: 'e2e-trk-1' } })],
			check(out, ctx) {
				items(out, 'Interaction', { min: 1, max: 1 });
				ok(sent(ctx, 'POST', '/v2/digital-interaction')[0].body.eventId === 'e2e-evt-1', 'eventId sent');
			},
		},
	];
	return cases;
}

/**
 * A generated case for a resource nobody wrote one for: its first operation that needs no
 * required parameters and only reads (GET, or a POST marked retry-safe). Null when none fits.
 */
function smokeCaseFor(resource) {
	const op = resource.operations.find((o) => !o.fields.some((f) => f.required) && !o.destructive && (o.method === 'GET' || o.retrySafe));
	if (!op) return null;
	const params = { resource: resource.value, operation: op.operation };
	if (op.pagination) Object.assign(params, { returnAll: false, limit: 5 });
	return {
		key: `smoke-${resource.value}`,
		resource: resource.value,
		generated: true,
		title: `${resource.name}: ${op.name} (generated smoke case — add a real one in test/e2e/lib/cases.js)`,
		nodes: [gongNode('Smoke', params)],
		check(out, ctx) {
			items(out, 'Smoke', { min: 0 });
			sent(ctx, op.method, new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`));
		},
	};
}

/** Cases for every resource of the installed package; `missing` = resources no case covers. */
function casesForResources(fx, resources) {
	const cases = buildCases(fx);
	const covered = new Set(cases.flatMap((c) => [c.resource, ...(c.also || [])]).filter(Boolean));
	const missing = [];
	for (const r of resources) {
		if (covered.has(r.value)) continue;
		const smoke = smokeCaseFor(r);
		if (smoke) cases.push(smoke);
		else missing.push(r.value);
	}
	const known = new Set(resources.map((r) => r.value));
	// a hand-written case for a resource the package does not have (renamed/removed) is skipped
	const usable = cases.filter((c) => !c.resource || known.has(c.resource));
	const stale = cases.filter((c) => c.resource && !known.has(c.resource)).map((c) => c.key);
	return { cases: usable, missing, stale };
}

module.exports = { loadFixtures, buildCases, casesForResources, smokeCaseFor, CheckError, ok };
