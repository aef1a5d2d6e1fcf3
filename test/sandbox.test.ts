/**
 * Tests of the Gong sandbox itself (test/sandbox/*.js): auth, routing, catalog validation,
 * pagination, "nothing found" 404s, rate limiting, processing delay, int64 exactness and fault
 * injection. Uses Node's built-in fetch against a sandbox on an ephemeral 127.0.0.1 port.
 */

interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: any;
	rawBody: string;
	status: number | null;
	catalogId: string | null;
	time: number;
	fault?: string;
}
interface Sandbox {
	url: string;
	requests: LoggedRequest[];
	state: any;
	clearRequests(): void;
	addCall(partial: Record<string, unknown>): any;
	setCallVisible(id: string, visible: boolean): any;
	failNext(n: number, opts: Record<string, unknown>): number;
	configure(partial: Record<string, unknown>): unknown;
	stats(): { requests: number; byStatus: Record<string, number>; rateLimited: number };
	basicAuthHeader(): string;
	media: { url: string; bytesOf(call: unknown, kind: string): Buffer; urlFor(callId: string, kind: string, expires?: number): string };
	close(): Promise<void>;
}

const { createSandbox } = require('./sandbox/server') as { createSandbox: (o?: Record<string, unknown>) => Promise<Sandbox> };

let sb: Sandbox;
let AUTH: string;

beforeAll(async () => {
	// the fixed 2025 period: these tests check answers for dates inside it
	sb = await createSandbox({ port: 0, pageSize: 100, seed: { ...require('./sandbox/data').FIXED_WINDOW } });
	AUTH = sb.basicAuthHeader();
});
afterAll(async () => {
	await sb.close();
});
afterEach(() => {
	sb.configure({ rateLimit: false, pageSize: 100, processingDelayMs: 0, faults: { errorRate: 0, resetRate: 0, malformedRate: 0 } });
	sb.clearRequests();
});

type Res = { status: number; text: string; json: any; headers: Headers };

async function api(method: string, path: string, opts: { body?: unknown; raw?: string | FormData; headers?: Record<string, string>; auth?: string | null } = {}): Promise<Res> {
	const headers: Record<string, string> = { ...(opts.headers || {}) };
	if (opts.auth !== null) headers.Authorization = opts.auth || AUTH;
	let body: string | FormData | undefined;
	if (opts.body !== undefined) {
		body = JSON.stringify(opts.body);
		headers['Content-Type'] = headers['Content-Type'] || 'application/json';
	} else if (opts.raw !== undefined) body = opts.raw;
	const r = await fetch(sb.url + path, { method, headers, body });
	const text = await r.text();
	let json: any = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return { status: r.status, text, json, headers: r.headers };
}

/** fetch() refuses GET bodies, so this one uses node:http. */
function getWithBody(path: string, body: string): Promise<{ status: number; json: any }> {
	const http = require('http') as typeof import('http');
	return new Promise((resolve, reject) => {
		const req = http.request(sb.url + path, { method: 'GET', headers: { Authorization: AUTH, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode || 0, json: JSON.parse(text) }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

const JAN = 'fromDateTime=2025-01-01T00:00:00Z&toDateTime=2025-02-01T00:00:00Z';
const Q1 = 'fromDateTime=2025-01-01T00:00:00Z&toDateTime=2025-04-01T00:00:00Z';

function expectGongError(r: Res, status: number, pattern?: RegExp) {
	expect(r.status).toBe(status);
	expect(r.json).toEqual({ requestId: expect.stringMatching(/^[a-z0-9]{20}$/), errors: expect.any(Array) });
	if (pattern) expect(r.json.errors.join(' | ')).toMatch(pattern);
}

describe('auth and routing', () => {
	test('missing or wrong credentials answer 401 Access denied', async () => {
		expectGongError(await api('GET', '/v2/users', { auth: null }), 401, /^Access denied$/);
		const bad = `Basic ${Buffer.from('sandbox-key:wrong').toString('base64')}`;
		expectGongError(await api('GET', '/v2/users', { auth: bad }), 401);
		expectGongError(await api('GET', '/v2/users', { auth: 'Bearer nope' }), 401);
	});

	test('Basic and Bearer credentials are accepted', async () => {
		expect((await api('GET', '/v2/workspaces')).status).toBe(200);
		expect((await api('GET', '/v2/workspaces', { auth: 'Bearer sandbox-oauth-token' })).status).toBe(200);
	});

	test('unknown routes answer a plain-text 404; literal segments beat {id}', async () => {
		const r = await api('GET', '/v2/no-such-thing');
		expect(r.status).toBe(404);
		expect(r.text).toBe('Not Found');
		const wrongMethod = await api('GET', '/v2/calls/extensive');
		expect(wrongMethod.text).toBe('Not Found');
		expect(sb.requests.map((x) => x.catalogId)).toEqual([null, null]);
	});

	test('the matched catalog id and request details are logged', async () => {
		await api('POST', '/v2/calls/transcript', { body: { filter: { callIds: [sb.state.calls[0].id] } } });
		const log = sb.requests[0];
		expect(log).toMatchObject({ method: 'POST', path: '/v2/calls/transcript', catalogId: 'calls.getTranscripts', status: 200 });
		expect(log.body.filter.callIds).toEqual([sb.state.calls[0].id]);
		expect(log.headers['content-type']).toBe('application/json');
	});
});

describe('validation against the catalog', () => {
	test('unknown top-level and nested body fields are rejected, naming the field', async () => {
		const r = await api('POST', '/v2/calls/extensive', { body: { filter: { callIDs: ['1'] }, contentSelector: { exposedFields: { content: { brief: true, summary: true } } }, extra: 1 } });
		expectGongError(r, 400);
		expect(r.json.errors).toEqual(expect.arrayContaining(['extra: unknown field', 'filter.callIDs: unknown field', 'contentSelector.exposedFields.content.summary: unknown field']));
	});

	test('required fields, types and enums are checked, also inside arrays of objects', async () => {
		const r = await api('POST', '/v2/calls', {
			body: { clientUniqueId: 'x', actualStart: '2025-01-01 10:00', parties: [{ context: [{ system: 'Salesforce', objects: [{ objectType: 'Deal' }] }] }], direction: 'outbound', primaryUser: 5 },
		});
		expectGongError(r, 400);
		expect(r.json.errors).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^actualStart: must be an ISO-8601 date-time/),
				expect.stringMatching(/^direction: must be one of Inbound, Outbound, Conference, Unknown/),
				'parties[0].context[0].objects[0].objectType: must be one of Opportunity, Account, Lead, Contact, User',
				'parties[0].context[0].objects[0].objectId: is required',
			]),
		);
	});

	test('query parameters: required, unknown, enum case, boolean, int64', async () => {
		expectGongError(await api('GET', '/v2/calls?fromDateTime=2025-01-01T00:00:00Z'), 400, /toDateTime: is required/);
		expectGongError(await api('GET', `/v2/calls?${JAN}&limit=5`), 400, /limit: unknown query parameter/);
		expectGongError(await api('GET', '/v2/logs?logType=accesslog&fromDateTime=2025-01-01T00:00:00Z'), 400, /logType: must be one of AccessLog/);
		expectGongError(await api('GET', '/v2/users?includeAvatars=yes'), 400, /includeAvatars: must be true or false/);
		expectGongError(await api('GET', '/v2/crm/request-status?integrationId=12a&clientRequestId=x'), 400, /integrationId: must be an integer/);
		expectGongError(await api('GET', `/v2/calls?fromDateTime=2025-01-01T00:00:00&toDateTime=2025-02-01T00:00:00Z`), 400, /fromDateTime: must be an ISO-8601 date-time with an offset or Z/);
	});

	test('JSON bodies need Content-Type application/json and valid JSON', async () => {
		expectGongError(await api('POST', '/v2/users/extensive', { raw: '{"filter":{}}', headers: { 'Content-Type': 'text/plain' } }), 400, /Content-Type: must be application\/json/);
		expectGongError(await api('POST', '/v2/users/extensive', { raw: '{"filter":', headers: { 'Content-Type': 'application/json' } }), 400, /body: malformed JSON/);
		expectGongError(await api('POST', '/v2/users/extensive', { raw: '', headers: { 'Content-Type': 'application/json' } }), 400, /body: required request body is missing/);
	});

	test('stats dates: YYYY-MM-DD, fromDate before toDate, toDate not after today', async () => {
		const stats = (filter: object) => api('POST', '/v2/stats/activity/aggregate', { body: { filter } });
		expectGongError(await stats({ fromDate: '2025-01-01T00:00:00Z', toDate: '2025-02-01' }), 400, /filter.fromDate: must be a date in YYYY-MM-DD format/);
		expectGongError(await stats({ fromDate: '2025-02-01', toDate: '2025-01-01' }), 400, /filter.fromDate: must be before filter.toDate/);
		const future = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
		expectGongError(await stats({ fromDate: '2025-01-01', toDate: future }), 400, /filter.toDate: must not be later than today/);
		expect((await stats({ fromDate: '2025-01-01', toDate: '2025-02-01' })).status).toBe(200);
	});

	test('multipart: required part names and LDJSON content are checked', async () => {
		const call = sb.state.calls[0];
		const wrong = new FormData();
		wrong.append('file', new Blob(['abc'], { type: 'audio/mpeg' }), 'a.mp3');
		const r = await api('PUT', `/v2/calls/${call.id}/media`, { raw: wrong });
		expectGongError(r, 400);
		expect(r.json.errors).toEqual(expect.arrayContaining(['file: unknown multipart part', 'mediaFile: is required (multipart file part)']));

		const good = new FormData();
		good.append('mediaFile', new Blob(['abc'], { type: 'audio/mpeg' }), 'a.mp3');
		expect((await api('PUT', `/v2/calls/${call.id}/media`, { raw: good })).status).toBe(201);

		const reg = await api('PUT', '/v2/crm/integrations', { body: { ownerEmail: 'owner@acme.example', name: 'Generic CRM' } });
		const iid = reg.text.match(/"integrationId":(\d+)/)![1];
		const ld = new FormData();
		ld.append('dataFile', new Blob(['{"objectId":"a1"}\n[1,2]\n'], { type: 'application/x-ldjson' }), 'data.ldjson');
		const bad = await api('POST', `/v2/crm/entities?integrationId=${iid}&objectType=ACCOUNT&clientRequestId=r1`, { raw: ld });
		expectGongError(bad, 400, /dataFile: line 2 is not a JSON object/);
		await api('DELETE', `/v2/crm/integrations?integrationId=${iid}&clientRequestId=cleanup-1`);
	});
});

describe('pagination', () => {
	test('cursor-query lists page with an opaque cursor until no cursor is returned', async () => {
		sb.configure({ pageSize: 10 });
		const ids: string[] = [];
		let cursor: string | undefined;
		let pages = 0;
		do {
			const r = await api('GET', `/v2/calls?${Q1}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
			expect(r.status).toBe(200);
			expect(r.json.records.currentPageNumber).toBe(pages);
			ids.push(...r.json.calls.map((c: any) => c.id));
			cursor = r.json.records.cursor;
			if (cursor) expect(cursor).not.toMatch(/^\d+$/);
			pages++;
		} while (cursor && pages < 50);
		const total = sb.state.calls.length;
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
		expect(pages).toBe(Math.ceil(total / 10));
	});

	test('cursors only work where Gong reads them and only for the same request', async () => {
		sb.configure({ pageSize: 5 });
		const first = await api('GET', `/v2/calls?${Q1}`);
		const cursor = first.json.records.cursor as string;
		// a body cursor on a GET list is ignored → page 1 again
		const again = await getWithBody(`/v2/calls?${Q1}`, JSON.stringify({ cursor }));
		expect(again.status).toBe(200);
		expect(again.json.calls[0].id).toBe(first.json.calls[0].id);
		// the cursor in the query of a POST list is an unknown query parameter
		expectGongError(await api('POST', `/v2/calls/extensive?cursor=${encodeURIComponent(cursor)}`, { body: { filter: {} } }), 400, /cursor: unknown query parameter/);
		// a cursor from another filter / tampered cursor is rejected
		expectGongError(await api('GET', `/v2/calls?${JAN}&cursor=${encodeURIComponent(cursor)}`), 400, /cursor: invalid cursor/);
		expectGongError(await api('GET', `/v2/calls?${Q1}&cursor=${encodeURIComponent(`${cursor}x`)}`), 400, /cursor: invalid cursor/);
	});

	test('cursor-body lists take the cursor at the top level of the body', async () => {
		sb.configure({ pageSize: 4 });
		const filter = { fromDateTime: '2025-01-01T00:00:00Z', toDateTime: '2025-01-15T00:00:00Z' };
		const p1 = await api('POST', '/v2/calls/extensive', { body: { filter } });
		const p2 = await api('POST', '/v2/calls/extensive', { body: { cursor: p1.json.records.cursor, filter } });
		expect(p2.status).toBe(200);
		expect(p2.json.records.currentPageNumber).toBe(1);
		expect(p2.json.calls[0].metaData.id).not.toBe(p1.json.calls[0].metaData.id);
		expectGongError(await api('POST', '/v2/calls/extensive', { body: { filter: { ...filter, cursor: p1.json.records.cursor } } }), 400, /filter.cursor: unknown field/);
	});
});

describe('calls data', () => {
	test('empty lists and unknown ids answer 404 with a Gong error body', async () => {
		expectGongError(await api('GET', '/v2/calls?fromDateTime=2010-01-01T00:00:00Z&toDateTime=2010-02-01T00:00:00Z'), 404, /No calls found/);
		expectGongError(await api('GET', '/v2/calls/1234567890123456789'), 404);
		expectGongError(await api('POST', '/v2/calls/transcript', { body: { filter: { callIds: ['1'] } } }), 404);
	});

	test('list filters on scheduled time for web conferences and on start time otherwise', async () => {
		const web = sb.addCall({ scheduled: '2030-01-01T10:00:00Z', started: '2030-01-02T10:00:00Z' });
		const phone = sb.addCall({ started: '2030-01-01T11:00:00Z', isWebConference: false, scheduled: '2030-01-05T00:00:00Z' });
		const day1 = await api('GET', '/v2/calls?fromDateTime=2030-01-01T00:00:00Z&toDateTime=2030-01-02T00:00:00Z');
		expect(day1.json.calls.map((c: any) => c.id)).toEqual([web.id, phone.id]);
		expectGongError(await api('GET', '/v2/calls?fromDateTime=2030-01-02T00:00:00Z&toDateTime=2030-01-03T00:00:00Z'), 404);
		// toDateTime is exclusive
		expectGongError(await api('GET', '/v2/calls?fromDateTime=2029-12-31T00:00:00Z&toDateTime=2030-01-01T10:00:00Z'), 404);
	});

	test('extensive returns only the selected parts; transcript speakers match parties', async () => {
		const call = sb.state.calls.find((c: any) => c.transcript.length && c.scope === 'External');
		const r = await api('POST', '/v2/calls/extensive', { body: { filter: { callIds: [call.id] }, contentSelector: { exposedFields: { parties: true, content: { brief: true } } } } });
		const item = r.json.calls[0];
		expect(Object.keys(item).sort()).toEqual(['content', 'metaData', 'parties']);
		expect(Object.keys(item.content)).toEqual(['brief']);
		const t = await api('POST', '/v2/calls/transcript', { body: { filter: { callIds: [call.id] } } });
		const speakerIds = new Set(item.parties.map((p: any) => p.speakerId));
		for (const m of t.json.callTranscripts[0].transcript) expect(speakerIds.has(m.speakerId)).toBe(true);
		// Call IDs and workspace are independent filters: both apply.
		const both = await api('POST', '/v2/calls/extensive', { body: { filter: { callIds: [call.id], workspaceId: call.workspaceId } } });
		expect(both.json.calls.map((c: any) => c.metaData.id)).toEqual([call.id]);
		const other = sb.state.workspaces.find((w: any) => w.id !== call.workspaceId);
		expectGongError(await api('POST', '/v2/calls/extensive', { body: { filter: { callIds: [call.id], workspaceId: other.id } } }), 404, /No calls found/);
	});

	test('users/extensive: unknown user ids → 404 naming them; nothing matching the filters → 404 "No users found"', async () => {
		const known = sb.state.users[0].id;
		expectGongError(await api('POST', '/v2/users/extensive', { body: { filter: { userIds: [known, '123', '456'] } } }), 404, /^The following userIds were not found: 123, 456$/);
		expectGongError(await api('POST', '/v2/users/extensive', { body: { filter: { userIds: [known], createdToDateTime: '1990-01-01T00:00:00Z' } } }), 404, /^No users found corresponding to the provided filters$/);
	});

	test('media links: on the media host\'s own origin, signed and expiring; no credential needed', async () => {
		const call = sb.state.calls.find((c: any) => c.media === 'Video');
		const r = await api('POST', '/v2/calls/extensive', { body: { filter: { callIds: [call.id] }, contentSelector: { exposedFields: { media: true } } } });
		const { audioUrl, videoUrl } = r.json.calls[0].media;
		expect(new URL(audioUrl).origin).toBe(sb.media.url);
		expect(new URL(audioUrl).origin).not.toBe(sb.url);
		const audio = await fetch(audioUrl);
		expect(audio.status).toBe(200);
		expect(audio.headers.get('content-type')).toBe('audio/mpeg');
		expect(Buffer.from(await audio.arrayBuffer()).equals(sb.media.bytesOf(call, 'audio'))).toBe(true);
		expect((await fetch(videoUrl)).headers.get('content-type')).toBe('video/mp4');
		expect((await fetch(audioUrl.replace(/sig=\w+/, 'sig=00'))).status).toBe(403);
		expect((await fetch(sb.media.urlFor(call.id, 'audio', Date.now() - 1))).status).toBe(403);
		expect((await fetch(sb.media.urlFor('1', 'audio'))).status).toBe(404);
	});

	test('POST /v2/calls honours processingDelayMs and rejects a repeated clientUniqueId', async () => {
		sb.configure({ processingDelayMs: 150 });
		const host = sb.state.users[5];
		const body = { clientUniqueId: 'pbx-delay-1', actualStart: '2030-02-01T10:00:00Z', parties: [{ userId: host.id }], direction: 'Outbound', primaryUser: host.id };
		const r = await api('POST', '/v2/calls', { body });
		expect(r.status).toBe(200);
		const id = r.json.callId as string;
		expect(id).toMatch(/^\d{19}$/);
		expectGongError(await api('GET', `/v2/calls/${id}`), 404);
		await new Promise((res) => setTimeout(res, 200));
		expect((await api('GET', `/v2/calls/${id}`)).json.call.id).toBe(id);
		expectGongError(await api('POST', '/v2/calls', { body }), 409, /clientUniqueId/);
	});

	test('addCall visibleAt / setCallVisible hide a call from every call endpoint', async () => {
		const c = sb.addCall({ started: '2031-01-01T10:00:00Z', visibleAt: Date.now() + 60000 });
		expectGongError(await api('GET', `/v2/calls/${c.id}`), 404);
		expectGongError(await api('POST', '/v2/calls/extensive', { body: { filter: { callIds: [c.id] } } }), 404);
		sb.setCallVisible(c.id, true);
		expect((await api('GET', `/v2/calls/${c.id}`)).status).toBe(200);
	});
});

describe('int64 exactness', () => {
	test('int64 response fields are unquoted exact numbers; ids are strings beyond 2^53', async () => {
		const r = await api('POST', '/v2/integration-settings', { body: { integrationTypeSettings: [{ integrationType: 'DIALER', allowedOrigin: 'https://acme.partner.example' }] } });
		const m = r.text.match(/"integrationId":(\d+)[,}]/);
		expect(m).not.toBeNull();
		expect(m![1]).toBe(sb.state.integrationSettings.integrationId.toString());
		expect(BigInt(m![1]) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		const users = await api('GET', '/v2/users');
		expect(users.text).toMatch(/"id":"\d{17,19}"/);
	});

	test('big JSON numbers in requests are read exactly', async () => {
		const call = sb.state.calls.find((c: any) => c.id.length === 19);
		const raw = `{"filter":{"callIds":[${call.id}]}}`;
		const r = await api('POST', '/v2/calls/transcript', { raw, headers: { 'Content-Type': 'application/json' } });
		expect(r.status).toBe(200);
		expect(r.json.callTranscripts[0].callId).toBe(call.id);
		expect(typeof sb.requests[0].body.filter.callIds[0]).toBe('bigint');
	});
});

describe('rate limiting', () => {
	test('sliding 1 s window per credential; 429 with Retry-After; rejected requests not counted', async () => {
		sb.configure({ rateLimit: { perSecond: 2 } });
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for (let i = 0; i < 4; i++) {
			const r = await api('GET', '/v2/workspaces');
			statuses.push(r.status);
			if (r.status === 429) {
				retryAfter = r.headers.get('retry-after');
				expect(r.json.errors).toEqual(['API request limit exceeded']);
			}
		}
		expect(statuses).toEqual([200, 200, 429, 429]);
		expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
		// once the first accepted requests leave the window we are admitted again: the 429s did not count
		const firstAccepted = sb.requests[0].time;
		await new Promise((res) => setTimeout(res, Math.max(0, firstAccepted + 1050 - Date.now())));
		expect((await api('GET', '/v2/workspaces')).status).toBe(200);
		// a different credential has its own window
		expect((await api('GET', '/v2/workspaces', { auth: 'Bearer sandbox-oauth-token' })).status).toBe(200);
		expect(sb.stats().rateLimited).toBe(2);
	});

	test('daily limit answers 429 with Retry-After until the next UTC midnight', async () => {
		sb.configure({ rateLimit: { perSecond: 100, perDay: 1 } });
		await api('GET', '/v2/workspaces', { auth: 'Bearer sandbox-oauth-token' }); // fresh window after configure
		const r = await api('GET', '/v2/workspaces', { auth: 'Bearer sandbox-oauth-token' });
		expect(r.status).toBe(429);
		const now = Date.now();
		const toMidnight = Math.ceil((Math.floor(now / 86400000 + 1) * 86400000 - now) / 1000);
		expect(Math.abs(Number(r.headers.get('retry-after')) - toMidnight)).toBeLessThanOrEqual(2);
	});
});

describe('fault injection', () => {
	test('queued status faults answer a Gong error body and then clear', async () => {
		sb.failNext(1, { status: 503, match: { method: 'GET', path: '/v2/workspaces' } });
		expect((await api('GET', '/v2/users')).status).toBe(200); // does not match
		expectGongError(await api('GET', '/v2/workspaces'), 503);
		expect((await api('GET', '/v2/workspaces')).status).toBe(200);
		sb.failNext(1, { status: 429, retryAfter: 3 });
		const r = await api('GET', '/v2/workspaces');
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('3');
	});

	test('reset destroys the socket; malformed answers truncated JSON', async () => {
		sb.failNext(1, { reset: true });
		await expect(fetch(`${sb.url}/v2/workspaces`, { headers: { Authorization: AUTH } }).then((r) => r.text())).rejects.toThrow();
		sb.failNext(1, { malformed: true });
		const r = await api('GET', '/v2/workspaces');
		expect(r.status).toBe(200);
		expect(r.json).toBeNull();
		expect(sb.requests.map((x) => x.fault)).toEqual(['reset', 'malformed']);
	});

	test('a faulted write does not change state; afterWrite applies it and answers 500', async () => {
		const host = sb.state.users[6];
		const body = { clientUniqueId: 'fault-write-1', actualStart: '2030-03-01T10:00:00Z', parties: [{ userId: host.id }], direction: 'Inbound', primaryUser: host.id };
		const count = () => sb.state.calls.filter((c: any) => c.clientUniqueId === 'fault-write-1').length;
		sb.failNext(1, { status: 500, match: { method: 'POST', path: '/v2/calls' } });
		expectGongError(await api('POST', '/v2/calls', { body }), 500);
		expect(count()).toBe(0);
		sb.failNext(1, { afterWrite: true, match: { method: 'POST', path: '/v2/calls' } });
		expectGongError(await api('POST', '/v2/calls', { body }), 500);
		expect(count()).toBe(1);
		expectGongError(await api('POST', '/v2/calls', { body }), 409);
		expect(count()).toBe(1);
	});

	test('random faults are reproducible with a seed', async () => {
		const run = async () => {
			sb.configure({ faults: { errorRate: 0.5, errorStatuses: [502], seed: 7 } }); // giving a seed reseeds
			const out: number[] = [];
			for (let i = 0; i < 8; i++) out.push((await api('GET', '/v2/workspaces')).status);
			return out;
		};
		const a = await run();
		const b = await run();
		expect(a).toEqual(b);
		expect(a).toContain(502);
		expect(a).toContain(200);
	});
});

describe('dataset and options', () => {
	test('the seeded dataset is deterministic and uses ids beyond 2^53', () => {
		const { buildDataset } = require('./sandbox/data') as { buildDataset: (o: object) => { state: any } };
		const a = buildDataset({ calls: 20, users: 8 }).state;
		const b = buildDataset({ calls: 20, users: 8 }).state;
		expect(a.calls.map((c: any) => c.id)).toEqual(b.calls.map((c: any) => c.id));
		expect(a.users.map((u: any) => u.emailAddress)).toEqual(b.users.map((u: any) => u.emailAddress));
		expect(buildDataset({ calls: 20, users: 8, seed: 99 }).state.calls[0].id).not.toBe(a.calls[0].id);
		for (const c of a.calls) expect(BigInt(c.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
	});

	test('latencyMs delays answers', async () => {
		sb.configure({ latencyMs: 120 });
		const t = Date.now();
		expect((await api('GET', '/v2/workspaces')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(110);
		sb.configure({ latencyMs: 0 });
	});
});

describe('control API over HTTP', () => {
	test('/__sandbox endpoints add calls, queue faults and expose the log', async () => {
		const add = await fetch(`${sb.url}/__sandbox/calls`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ started: '2032-01-01T00:00:00Z', title: 'From HTTP' }) });
		const added = ((await add.json()) as any).calls[0];
		expect(added.title).toBe('From HTTP');
		await fetch(`${sb.url}/__sandbox/fail-next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ n: 1, status: 500 }) });
		expect((await api('GET', `/v2/calls/${added.id}`)).status).toBe(500);
		expect((await api('GET', `/v2/calls/${added.id}`)).status).toBe(200);
		const log = (await (await fetch(`${sb.url}/__sandbox/requests`)).json()) as any[];
		expect(log.map((x: any) => x.status)).toEqual([500, 200]);
		const stats = (await (await fetch(`${sb.url}/__sandbox/stats`)).json()) as any;
		expect(stats.byStatus).toEqual({ 200: 1, 500: 1 });
	});
});
