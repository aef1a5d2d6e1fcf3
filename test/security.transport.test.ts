/**
 * Transport security (issue 11): what a hostile or broken server can make the node do with a Gong
 * admin's credential. Everything runs through n8n-core's real execution (test/harness); hostile
 * behaviours (redirects, endless cursors, trickled bytes, echoed tokens) come from small local
 * servers on 127.0.0.1 started inside this file, the rest from the Gong sandbox.
 *
 * The page cap and the per-request deadline are replaced by small values here (jest.mock of
 * transport/limits) so the tests stay fast; their real values are checked separately.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import type { IDataObject } from 'n8n-workflow';

import { byId, useGong } from './helpers';

jest.mock('../nodes/shared/transport/limits', () => ({
	...jest.requireActual('../nodes/shared/transport/limits'),
	MAX_PAGES: 25,
	REQUEST_DEADLINE_MS: 1500,
}));

const { MAX_FAULT_RETRIES } = require('../nodes/shared/transport');

interface Logged {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: string;
}

interface LocalServer {
	url: string;
	host: string;
	requests: Logged[];
	/** Connections the client closed (or that ended) so far. */
	closed: number;
	close(): Promise<void>;
}

type Handler = (req: Logged, res: http.ServerResponse, server: LocalServer) => void;

/** A plain HTTP server on 127.0.0.1 (random port) that logs every request and lets `handler` answer. */
async function localServer(handler: Handler): Promise<LocalServer> {
	const sockets = new Set<import('net').Socket>();
	const state = { requests: [] as Logged[], closed: 0 } as LocalServer;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const logged: Logged = {
				method: String(req.method),
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			state.requests.push(logged);
			handler(logged, res, state);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => {
			sockets.delete(socket);
			state.closed++;
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	state.host = `127.0.0.1:${port}`;
	state.url = `http://${state.host}`;
	state.close = async () => {
		for (const s of sockets) s.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return state;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
};

/** A port nothing listens on (a server is opened on a random port and closed again). */
async function closedPort(): Promise<number> {
	const s = http.createServer();
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
	const { port } = s.address() as AddressInfo;
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}

/** Everything of a run that a user or a log could see: error, run data and output items. */
function everything(result: { error?: unknown; run?: unknown; items?: unknown }): string {
	const e = result.error as any;
	return [
		JSON.stringify(e ?? null),
		String(e?.message),
		String(e?.description),
		JSON.stringify(e?.errorResponse ?? null),
		JSON.stringify(e?.context ?? null),
		JSON.stringify(e?.messages ?? null),
		JSON.stringify(e?.cause ?? null),
		String(e?.cause?.message ?? ''),
		String(e?.stack),
		JSON.stringify(result.run ?? null),
		JSON.stringify(result.items ?? null),
	].join('\n');
}

const usersGetMany = { resource: 'user', operation: 'getMany', returnAll: true };

describe('Security: redirects are never followed', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	let other: LocalServer;
	let api: LocalServer;
	let status = 302;

	beforeAll(async () => {
		other = await localServer((_req, res) => json(res, 200, { requestId: 'other', users: [{ id: '1' }], records: {} }));
		api = await localServer((_req, res) => {
			res.writeHead(status, { Location: `${other.url}/steal/this-path?token=LOCATION-SECRET-Q`, 'Content-Length': 0 });
			res.end();
		});
	});
	afterAll(async () => {
		await other.close();
		await api.close();
	});
	const creds = () => gong.harness.credentialsHelper.credentials;
	beforeEach(() => {
		other.requests.length = 0;
		api.requests.length = 0;
		creds().gongCommunityApi.baseUrl = api.url;
		creds().gongCommunityOAuth2Api.oauthTokenData = { ...creds().gongCommunityOAuth2Api.oauthTokenData, api_base_url_for_customer: api.url };
	});
	afterEach(() => {
		creds().gongCommunityApi.baseUrl = gong.sandbox.url;
		creds().gongCommunityOAuth2Api.oauthTokenData = { ...creds().gongCommunityOAuth2Api.oauthTokenData, api_base_url_for_customer: gong.sandbox.url };
	});

	const meetingCreate = () => ({
		resource: 'meeting',
		operation: 'create',
		organizerEmail: 'organizer@example.com',
		startTime: '2030-01-01T10:00:00Z',
		endTime: '2030-01-01T11:00:00Z',
		invitees: { values: [{ email: 'guest@example.com' }] },
	});

	type Row = [number, string, 'accessKey' | 'oAuth2', () => IDataObject];
	const rows: Row[] = [];
	for (const code of [301, 302, 303, 307, 308]) {
		for (const auth of ['accessKey', 'oAuth2'] as const) {
			rows.push([code, 'GET', auth, () => usersGetMany]);
			rows.push([code, 'POST', auth, meetingCreate]);
		}
	}

	test.each(rows)('%i answer to a %s (%s): the other origin receives nothing, nothing is re-sent, clear error', async (code, method, auth, parameters) => {
		status = code;
		const result = await gong.run({ parameters: parameters(), auth });
		expect(other.requests).toHaveLength(0);
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].method).toBe(method);
		expect(result.error).toBeDefined();
		expect(result.error!.httpCode).toBe(String(code));
		expect(result.error!.message).toContain(`Gong answered ${code} (a redirect to ${other.host})`);
		expect(result.error!.description).toMatch(/redirects are not followed/i);
		const seen = everything(result);
		expect(seen).not.toContain('LOCATION-SECRET-Q');
		expect(seen).not.toContain('/steal/this-path');
	});

	test('continueOnFail: the error item names the redirect, without the Location\'s path or query', async () => {
		status = 307;
		const result = await gong.run({ parameters: meetingCreate(), continueOnFail: true });
		expect(other.requests).toHaveLength(0);
		expect(result.items).toHaveLength(1);
		expect(result.json[0].error).toContain(`a redirect to ${other.host}`);
		expect(JSON.stringify(result.items)).not.toContain('LOCATION-SECRET-Q');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Security: an unreachable OAuth2 token endpoint is named as such', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	const creds = () => gong.harness.credentialsHelper.credentials.gongCommunityOAuth2Api;
	let saved: IDataObject;
	beforeEach(() => {
		saved = JSON.parse(JSON.stringify(creds()));
	});
	afterEach(() => {
		gong.harness.credentialsHelper.credentials.gongCommunityOAuth2Api = saved;
	});

	test('refresh fails with ECONNREFUSED: the error names the token endpoint host, not the Base URL, and says what to check', async () => {
		const port = await closedPort();
		creds().accessTokenUrl = `http://127.0.0.1:${port}/oauth2/generate-customer-token`;
		creds().oauthTokenData = { ...(creds().oauthTokenData as IDataObject), access_token: 'expired-access-token' };
		const result = await gong.run({ auth: 'oAuth2', parameters: usersGetMany });
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain(`Gong's OAuth2 token endpoint at 127.0.0.1:${port}`);
		expect(result.error!.message).toContain('ECONNREFUSED');
		expect(result.error!.message).not.toMatch(/Could not reach Gong at http:\/\/127\.0\.0\.1:\d+ /);
		expect(result.error!.description).toMatch(/Access Token URL/);
		// The API request itself was answered 401 (never processed); the failed refresh is not retried.
		expect(gong.requests().map((r: any) => r.status)).toEqual([401]);
	});

	test('refresh fails because the token host does not resolve (ENOTFOUND): the error names that host', async () => {
		creds().accessTokenUrl = 'https://token.gong.invalid/oauth2/generate-customer-token';
		creds().oauthTokenData = { ...(creds().oauthTokenData as IDataObject), access_token: 'expired-access-token' };
		const result = await gong.run({ auth: 'oAuth2', parameters: usersGetMany });
		// ENOTFOUND; EAI_AGAIN where the machine has no DNS server at all
		expect(result.error!.message).toMatch(/^Could not renew the OAuth2 access token: Gong's OAuth2 token endpoint at token\.gong\.invalid could not be reached \((ENOTFOUND|EAI_AGAIN)\)$/);
		expect(result.error!.description).toContain('Check the Access Token URL in the credential');
		expect(gong.requests().map((r: any) => r.status)).toEqual([401]);
	});
});

describe('Security: every string from an answer is redacted, also after an OAuth2 refresh', () => {
	const OLD_ACCESS = 'OLDACCESS-3f2a9c81d7e6b504';
	const OLD_REFRESH = 'OLDREFRESH-8b7c6d5e4f3a2910';
	const NEW_ACCESS = 'NEWACCESS-a1b2c3d4e5f60718';
	const NEW_REFRESH = 'NEWREFRESH-0f1e2d3c4b5a6978';
	const KEY = 'KEY-77aa88bb99cc00dd';
	const SECRET = 'SECRET-1234abcd5678efgh';
	const forbidden = [OLD_ACCESS, OLD_REFRESH, NEW_ACCESS, NEW_REFRESH, KEY, SECRET];

	const gong = useGong({ seed: { calls: 5, users: 4 } });
	let server: LocalServer;
	/** What the API answers to a request carrying the new token. */
	let afterRefresh: 'echo' | 'ok' = 'echo';
	let refreshed = 0;

	beforeAll(async () => {
		server = await localServer((req, res) => {
			if (req.path === '/oauth2/token') {
				refreshed++;
				return json(res, 200, { access_token: NEW_ACCESS, refresh_token: NEW_REFRESH, token_type: 'bearer', expires_in: 86400, api_base_url_for_customer: server.url });
			}
			const auth = String(req.headers.authorization ?? '');
			const echo = (status: number) =>
				json(res, status, { requestId: `rid-${auth}`, errors: [`you sent ${auth}; new ${NEW_ACCESS} / ${NEW_REFRESH}; old ${OLD_ACCESS} / ${OLD_REFRESH}`] });
			if (auth.startsWith('Basic ')) return json(res, 400, { requestId: `rid-${auth}`, errors: [`you sent ${auth}; key ${KEY}, secret ${SECRET}`] });
			if (auth === `Bearer ${OLD_ACCESS}`) return json(res, 401, { requestId: 'r401', errors: ['expired'] });
			if (auth === `Bearer ${NEW_ACCESS}`) {
				if (afterRefresh === 'ok' && !req.path.startsWith('/v2/users/2/')) return json(res, 200, { requestId: 'ok', users: [{ id: '1' }], records: {} });
				return echo(400);
			}
			return json(res, 401, { requestId: 'r401', errors: ['unknown token'] });
		});
	});
	afterAll(async () => server.close());

	const creds = () => gong.harness.credentialsHelper.credentials;
	let saved: IDataObject;
	beforeEach(() => {
		saved = JSON.parse(JSON.stringify(creds()));
		refreshed = 0;
		Object.assign(creds().gongCommunityApi, { baseUrl: server.url, accessKey: KEY, accessKeySecret: SECRET });
		Object.assign(creds().gongCommunityOAuth2Api, {
			accessTokenUrl: `${server.url}/oauth2/token`,
			oauthTokenData: { access_token: OLD_ACCESS, refresh_token: OLD_REFRESH, token_type: 'bearer', api_base_url_for_customer: server.url },
		});
	});
	afterEach(() => {
		Object.assign(creds(), saved);
	});

	const expectClean = (label: string, text: string) => {
		for (const secret of forbidden) {
			for (const form of [secret, Buffer.from(secret).toString('base64')]) {
				if (text.includes(form)) throw new Error(`${label}: ${secret} leaked in:\n${text.slice(0, 3000)}`);
			}
		}
	};

	test('Basic: Gong\'s requestId and errors echoing the key and secret are redacted in the error and the error item', async () => {
		const failed = await gong.run({ parameters: { resource: 'user', operation: 'getSettingsHistory', userId: byId('123') } });
		expect(failed.error).toBeDefined();
		expect(failed.error!.context!.requestId).toMatch(/^rid-Basic /);
		expectClean('error', everything(failed));
		const kept = await gong.run({ parameters: { resource: 'user', operation: 'getSettingsHistory', userId: byId('123') }, continueOnFail: true });
		expect(kept.json[0].requestId).toMatch(/^rid-Basic /);
		expectClean('error item', everything(kept));
	});

	test('OAuth2: the token is refreshed within the request, then Gong echoes the new tokens — none of the tokens shows', async () => {
		afterRefresh = 'echo';
		const failed = await gong.run({ auth: 'oAuth2', parameters: { resource: 'user', operation: 'getSettingsHistory', userId: byId('123') } });
		expect(refreshed).toBe(1);
		expect(failed.error).toBeDefined();
		expect(failed.error!.httpCode).toBe('400');
		expectClean('error', everything(failed));
	});

	test('OAuth2: after a refresh on item 1, item 2\'s error echoes the new tokens — redacted in error, run data and error items', async () => {
		afterRefresh = 'ok';
		const input = [{ json: { n: 1 } }, { json: { n: 2 } }];
		const parameters = { resource: 'user', operation: 'getSettingsHistory', userId: byId('={{ $json.n }}') };
		// GET /v2/users/{id}/settings-history: the id carries the item number; item 2 gets the echo.
		const failed = await gong.run({ auth: 'oAuth2', input, parameters });
		expect(refreshed).toBe(1);
		expect(failed.error).toBeDefined();
		expect(failed.error!.context!.itemIndex).toBe(1);
		expect(failed.error!.message).toMatch(/\[redacted\]/);
		expectClean('error', everything(failed));

		// again with continueOnFail, from the old tokens
		Object.assign(creds().gongCommunityOAuth2Api, {
			oauthTokenData: { access_token: OLD_ACCESS, refresh_token: OLD_REFRESH, token_type: 'bearer', api_base_url_for_customer: server.url },
		});
		const kept = await gong.run({ auth: 'oAuth2', input, parameters, continueOnFail: true });
		expect(refreshed).toBe(2);
		// item 1 succeeds (its answer has no settings records: no output), item 2 becomes an error item
		expect(kept.items).toHaveLength(1);
		expect(kept.items[0].pairedItem).toEqual({ item: 1 });
		expect(kept.json[0].error).toMatch(/\[redacted\]/);
		expect(kept.json[0].requestId).toMatch(/^rid-Bearer /);
		expectClean('error items', everything(kept));
	});
});

describe('Security: listings are bounded', () => {
	const { MAX_PAGES } = require('../nodes/shared/transport');
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	let server: LocalServer;
	let mode: 'endless' | 'loop' | 'huge' = 'endless';
	const HUGE = 140_000;

	beforeAll(async () => {
		server = await localServer((req, res) => {
			const cursor = req.query.cursor;
			const n = cursor ? Number(cursor.replace(/\D/g, '')) : 0;
			if (mode === 'huge') {
				const users = Array.from({ length: HUGE }, (_, i) => ({ id: String(i + 1) }));
				return json(res, 200, { requestId: 'huge', records: { totalRecords: HUGE, currentPageSize: HUGE, currentPageNumber: 0 }, users });
			}
			// endless: a new cursor every time (the server itself stops after 400 pages, so a missing bound shows as "no error")
			// loop: A → B → A → B …
			let next: string | undefined;
			if (mode === 'endless') next = n < 400 ? `c${n + 1}` : undefined;
			else next = cursor === 'cA' ? 'cB' : 'cA';
			const records = { totalRecords: 1_000_000, currentPageSize: 1, currentPageNumber: n, ...(next ? { cursor: next } : {}) };
			const started = new Date(Date.now() - 60_000).toISOString();
			if (req.path === '/v2/calls') return json(res, 200, { requestId: 'p', records, calls: [{ id: String(1000 + server.requests.length), started, scheduled: started, title: 't' }] });
			return json(res, 200, { requestId: 'p', records, users: [{ id: String(server.requests.length), emailAddress: `u${server.requests.length}@example.com`, firstName: 'U', lastName: String(n), active: true }] });
		});
	});
	afterAll(async () => server.close());
	const creds = () => gong.harness.credentialsHelper.credentials;
	beforeEach(() => {
		server.requests.length = 0;
		creds().gongCommunityApi.baseUrl = server.url;
	});
	afterEach(() => {
		creds().gongCommunityApi.baseUrl = gong.sandbox.url;
	});

	test('the real page cap is 10,000 pages (1,000,000 records at Gong\'s 100 per page = a whole daily quota of requests)', () => {
		expect(jest.requireActual('../nodes/shared/transport/limits').MAX_PAGES).toBe(10_000);
		expect(MAX_PAGES).toBe(25);
	});

	test('Return All against endless new cursors stops at the page cap with a clear error', async () => {
		mode = 'endless';
		const result = await gong.run({ parameters: usersGetMany });
		expect(server.requests).toHaveLength(MAX_PAGES);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain(`stopped after ${MAX_PAGES} pages (${MAX_PAGES} records read)`);
		expect(result.error!.description).toMatch(/more pages than any real listing/);
	});

	test('Return All against an A → B → A cursor loop stops at the repeated cursor with a clear error (not silently "complete")', async () => {
		mode = 'loop';
		const result = await gong.run({ parameters: usersGetMany });
		expect(server.requests.map((r) => r.query.cursor)).toEqual([undefined, 'cA', 'cB']);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain('Gong returned a cursor it had already returned (after 3 pages, 3 records read)');
		expect(result.items).toHaveLength(0);
	});

	test('continueOnFail: the endless listing becomes one error item for the input item', async () => {
		mode = 'loop';
		const result = await gong.run({ parameters: usersGetMany, continueOnFail: true });
		expect(result.items).toHaveLength(1);
		expect(result.json[0].error).toMatch(/already returned/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('the trigger (gongApiPages) stops endless cursors too', async () => {
		mode = 'endless';
		await expect(gong.poll({ parameters: { lookbackHours: 6 }, staticData: {} })).rejects.toThrow(`stopped after ${MAX_PAGES} pages`);
		expect(server.requests.length).toBeLessThanOrEqual(MAX_PAGES);
		mode = 'loop';
		server.requests.length = 0;
		await expect(gong.poll({ parameters: { lookbackHours: 6 }, staticData: {} })).rejects.toThrow(/already returned/);
	});

	test('dropdowns (list search) stop at a repeated cursor with the same error', async () => {
		mode = 'loop';
		await expect(gong.loadOptions({ method: 'getUsers', kind: 'loadOptions' })).rejects.toThrow(/already returned/);
	});

	test(`one page of ${HUGE.toLocaleString('en')} records: Return All returns them all (no RangeError)`, async () => {
		mode = 'huge';
		const result = await gong.run({ parameters: usersGetMany });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(HUGE);
		expect(result.json[HUGE - 1].id).toBe(String(HUGE));
	});

	test(`one page of ${HUGE.toLocaleString('en')} users in the user dropdown: no RangeError`, async () => {
		mode = 'huge';
		const options = await gong.loadOptions({ method: 'getUsers', kind: 'loadOptions' });
		expect(options).toHaveLength(HUGE);
	});
});

describe('Security: a huge Retry-After is a clear error, not a RangeError or a wait', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	afterEach(() => gong.sandbox.clearFaults());

	test.each([
		['99999999999999 s', '99999999999999'],
		['a 400-digit number of seconds', '9'.repeat(400)],
		['a date in the year 9999', 'Fri, 01 Jan 9999 00:00:00 GMT'],
	])('Retry-After: %s', async (_label, value) => {
		gong.sandbox.failNext(1, { status: 429, retryAfter: value });
		const result = await gong.run({ parameters: usersGetMany });
		expect(gong.requests()).toHaveLength(1);
		expect(result.error).toBeDefined();
		expect(result.error!.name).not.toBe('RangeError');
		expect(result.error!.httpCode).toBe('429');
		expect(result.error!.message).toMatch(/^Gong rate limit: Gong asks to wait .+, longer than the credential's max wait of 120 s/);
		expect(result.error!.message).not.toMatch(/Invalid|NaN|Infinity/);
	});
});

describe('Security: the whole exchange has a deadline (trickling server)', () => {
	const { REQUEST_DEADLINE_MS } = require('../nodes/shared/transport');
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	let server: LocalServer;
	const trickles = new Set<NodeJS.Timeout>();

	beforeAll(async () => {
		server = await localServer((req, res) => {
			if (req.path === '/oauth2/token') return json(res, 400, { error: 'invalid_grant' });
			// Headers at once, then one byte every 100 ms — never silent for long, never finished
			// (the server gives up by itself after 20 s, so a missing deadline shows as a failed test).
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"requestId":"slow","users":[');
			let sent = 0;
			const timer = setInterval(() => {
				if (res.destroyed || sent++ > 200) {
					clearInterval(timer);
					trickles.delete(timer);
					if (!res.destroyed) res.end(' ],"records":{}}');
					return;
				}
				res.write(' ');
			}, 100);
			trickles.add(timer);
		});
	});
	afterAll(async () => {
		for (const t of trickles) clearInterval(t);
		await server.close();
	});
	const creds = () => gong.harness.credentialsHelper.credentials;
	let saved: IDataObject;
	beforeEach(() => {
		saved = JSON.parse(JSON.stringify(creds()));
		server.requests.length = 0;
		server.closed = 0;
		creds().gongCommunityApi.baseUrl = server.url;
		creds().gongCommunityOAuth2Api.oauthTokenData = { ...creds().gongCommunityOAuth2Api.oauthTokenData, api_base_url_for_customer: server.url };
	});
	afterEach(() => {
		Object.assign(creds(), saved);
	});

	test('the real deadline is 5 minutes; here it is shortened', () => {
		expect(jest.requireActual('../nodes/shared/transport/limits').REQUEST_DEADLINE_MS).toBe(300_000);
		expect(REQUEST_DEADLINE_MS).toBe(1500);
	});

	test.each([['accessKey'], ['oAuth2']] as const)('%s: the request is cancelled at the deadline (connection closed), not retried, clear error', async (auth) => {
		const result = await gong.run({ auth, parameters: usersGetMany });
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain(`Gong did not finish answering within ${REQUEST_DEADLINE_MS / 1000} s`);
		expect(server.requests).toHaveLength(1);
		// the client really closed the connection (the server would trickle for 20 s)
		for (let i = 0; i < 100 && server.closed === 0; i++) await new Promise((r) => setTimeout(r, 50));
		expect(server.closed).toBeGreaterThanOrEqual(1);
	});

	test('dropdowns (load-options context) are bounded too', async () => {
		await expect(gong.loadOptions({ method: 'getUsers', kind: 'loadOptions' })).rejects.toThrow(/did not finish answering within/);
		expect(server.requests).toHaveLength(1);
	});
});

describe('Security: AI operations (Gong credits) are never re-sent once Gong may have processed them', () => {
	const gong = useGong({ seed: { calls: 40, users: 8 } });
	afterEach(() => gong.sandbox.clearFaults());
	const ws = () => gong.sandbox.state.workspaces[0];
	const account = () => gong.sandbox.state.accounts.find((a: any) => gong.sandbox.state.calls.some((c: any) => c.accountName === a.name && c.workspaceId === ws().id));
	const ask = () => ({ resource: 'ai', operation: 'ask', workspaceId: byId(ws().id), crmEntityType: 'ACCOUNT', crmEntityId: account().accountCrmId, timePeriod: 'ALL_CONVERSATIONS', question: 'What do they need?' });
	const brief = () => ({ resource: 'ai', operation: 'getBrief', workspaceId: byId(ws().id), briefName: 'Account Brief', crmEntityType: 'ACCOUNT', crmEntityId: account().accountCrmId, timePeriod: 'ALL_CONVERSATIONS' });
	const cases: Array<[string, string, () => IDataObject]> = [
		['Ask', '/v2/entities/ask-entity', ask],
		['Get Brief', '/v2/entities/get-brief', brief],
	];

	test.each(cases)('%s: connection reset after Gong processed it → sent once, error says it consumed credits and was not repeated', async (_name, path, parameters) => {
		gong.sandbox.failNext(MAX_FAULT_RETRIES + 1, { reset: true, afterWrite: true, match: { path } });
		const result = await gong.run({ parameters: parameters() });
		expect(gong.requests()).toHaveLength(1);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toMatch(/ECONNRESET.*not repeated, because it consumes Gong AI credits/);
	});

	test.each(cases)('%s: 500 → sent once', async (_name, path, parameters) => {
		gong.sandbox.failNext(MAX_FAULT_RETRIES + 1, { status: 500, match: { path } });
		const result = await gong.run({ parameters: parameters() });
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.message).toMatch(/not repeated, because it consumes Gong AI credits/);
	});

	test.each(cases)('%s: 429 is still waited out and retried (Gong did not process it)', async (_name, path, parameters) => {
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1, match: { path } });
		const result = await gong.run({ parameters: parameters() });
		expect(result.error).toBeUndefined();
		expect(gong.requests().map((r: any) => r.status)).toEqual([429, 200]);
		expect(result.items).toHaveLength(1);
	});
});
