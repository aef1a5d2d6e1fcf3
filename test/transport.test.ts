/**
 * Transport (nodes/shared/transport): rate limits and Retry-After, retries of retry-safe
 * requests only, Gong's errors as NodeApiError with status / errors[] / requestId and a hint
 * per status, the base-URL policy and pacing shared across items and pages.
 * Everything runs through the engine against the sandbox; no assertion depends on wall time.
 */
import type { IDataObject, IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { byId, useGong } from './helpers';
import { gongApiRequest, MAX_FAULT_RETRIES, retryAfterSeconds } from '../nodes/shared/transport';
import { authenticationProperty, gongCredentials } from '../nodes/shared/transport/credentials';
import { SPACING_MARGIN } from '../nodes/shared/transport/pacing';

/** A node that sends exactly one request through the real transport (for write semantics). */
class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'gong',
		group: ['transform'],
		version: 1,
		description: 'Sends one request through the Gong transport',
		defaults: { name: 'Probe' },
		inputs: ['main' as never],
		outputs: ['main' as never],
		credentials: gongCredentials,
		properties: [
			authenticationProperty,
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/v2/workspaces' },
			{ displayName: 'Body', name: 'body', type: 'string', default: '' },
			{ displayName: 'Retry Safe', name: 'retrySafe', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions) {
		const body = this.getNodeParameter('body', 0, '') as string;
		const json = await gongApiRequest.call(this, {
			method: this.getNodeParameter('method', 0) as 'POST',
			path: this.getNodeParameter('path', 0) as string,
			body: body ? JSON.parse(body) : undefined,
			retrySafe: this.getNodeParameter('retrySafe', 0) as boolean,
			itemIndex: 0,
		});
		return [[{ json: json ?? {}, pairedItem: { item: 0 } }]];
	}
}

function newCallBody(sandbox: any, clientUniqueId: string): string {
	const host = sandbox.state.users.find((u: any) => !u.isAvatar && u.settings?.telephonyCallsImported !== false);
	return JSON.stringify({
		clientUniqueId,
		actualStart: '2024-05-01T10:00:00Z',
		direction: 'Outbound',
		primaryUser: host.id,
		parties: [{ userId: host.id }],
	});
}

describe('Transport: rate limits and retries', () => {
	const gong = useGong({ seed: { calls: 30, users: 8 }, pageSize: 10 });
	const call = () => gong.sandbox.state.calls.find((c: any) => !c.visibleAt || c.visibleAt <= Date.now());
	const getCall = (id = call().id) => gong.run({ parameters: { resource: 'call', operation: 'get', callId: byId(id) } });
	afterEach(() => gong.sandbox.clearFaults());

	test('429 with Retry-After: waits, retries, the user sees the answer', async () => {
		gong.sandbox.failNext(2, { status: 429, retryAfter: 1 });
		const result = await getCall();
		expect(result.error).toBeUndefined();
		expect(result.json[0].id).toBe(call().id);
		expect(gong.requests().map((r: any) => r.status)).toEqual([429, 429, 200]);
	});

	test('429 asking for longer than the max wait: fails at once saying the daily quota is probably used up and when to retry', async () => {
		gong.sandbox.failNext(1, { status: 429, retryAfter: 7200 });
		const result = await getCall();
		expect(result.error!.message).toMatch(/daily quota of 10,000 requests is probably used up/);
		expect(result.error!.message).toMatch(/Retry after \d{4}-\d\d-\d\dT\d\d:\d\d/);
		expect(result.error!.message).toMatch(/max wait of 120 s/);
		expect(result.error!.httpCode).toBe('429');
		expect(result.error!.description).toMatch(/Gong request ID: \w+/);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Retry-After as an HTTP date and as seconds', () => {
		expect(retryAfterSeconds({ 'retry-after': '3' })).toBe(3);
		const inTen = new Date(Date.now() + 10_000).toUTCString();
		expect(retryAfterSeconds({ 'retry-after': inTen })).toBeGreaterThan(7);
		expect(retryAfterSeconds({})).toBe(1);
	});

	test.each([500, 502, 503, 504])('GET answered %i: retried with backoff, then succeeds', async (status) => {
		gong.sandbox.failNext(2, { status });
		const result = await getCall();
		expect(result.error).toBeUndefined();
		expect(gong.requests().map((r: any) => r.status)).toEqual([status, status, 200]);
	});

	test('GET: connection reset and malformed JSON are retried', async () => {
		gong.sandbox.failNext(1, { reset: true });
		gong.sandbox.failNext(1, { malformed: true });
		const result = await getCall();
		expect(result.error).toBeUndefined();
		expect(gong.requests().map((r: any) => r.fault ?? r.status)).toEqual(['reset', 'malformed', 200]);
	});

	test('GET: retries are bounded; the error has the status, Gong errors[], requestId and the number of tries', async () => {
		gong.sandbox.failNext(MAX_FAULT_RETRIES + 3, { status: 503 });
		const result = await getCall();
		expect(gong.requests()).toHaveLength(MAX_FAULT_RETRIES + 1);
		expect(result.error!.httpCode).toBe('503');
		expect(result.error!.message).toMatch(/Gong API error 503 .*Service temporarily unavailable/);
		expect(result.error!.description).toMatch(new RegExp(`Tried ${MAX_FAULT_RETRIES + 1} times`));
		expect(result.error!.description).toMatch(/Gong request ID: \w+/);
		expect(result.error!.context!.requestId).toMatch(/\w+/);
		expect(result.error!.context!.gongErrors).toEqual(['Service temporarily unavailable']);
	});

	test('GET: repeated connection resets end in a network error that says how often it tried', async () => {
		gong.sandbox.failNext(MAX_FAULT_RETRIES + 1, { reset: true });
		const result = await getCall();
		expect(gong.requests()).toHaveLength(MAX_FAULT_RETRIES + 1);
		expect(result.error!.message).toMatch(/Could not reach Gong at http:\/\/127\.0\.0\.1:\d+ \(ECONNRESET\)/);
		expect(result.error!.description).toMatch(new RegExp(`Tried ${MAX_FAULT_RETRIES + 1} times`));
	});

	test('read-only POST flagged retrySafe (Get Many Extensive) is retried after 500', async () => {
		gong.sandbox.failNext(1, { status: 500 });
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getManyExtensive', returnAll: false, limit: 5 } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(gong.requests().map((r: any) => r.status)).toEqual([500, 200]);
	});

	test('Return All: a fault on a middle page repeats that page only; no record lost or repeated', async () => {
		const all = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: new Date().toISOString(), returnAll: true } });
		const reference = all.json.map((c) => c.id);
		gong.sandbox.clearRequests();
		const base = { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: new Date().toISOString(), returnAll: true };
		// Let the first page through, then fail the second one three ways.
		gong.sandbox.failNext(1, { status: 502, match: { path: '/v2/calls' } });
		gong.sandbox.failNext(1, { reset: true, match: { path: '/v2/calls' } });
		gong.sandbox.failNext(1, { malformed: true, match: { path: '/v2/calls' } });
		void base;
		const faulty = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: new Date().toISOString(), returnAll: true } });
		expect(faulty.error).toBeUndefined();
		expect(faulty.json.map((c) => c.id)).toEqual(reference);
	});
});

describe('Transport: writes are never repeated blindly', () => {
	const gong = useGong({ seed: { calls: 10, users: 6 } });
	beforeAll(() => {
		gong.harness.nodeTypes['probe.gong'] = new TransportProbe();
	});
	afterEach(() => gong.sandbox.clearFaults());
	const post = (clientUniqueId: string, retrySafe = false) =>
		gong.run({ type: 'probe.gong', parameters: { method: 'POST', path: '/v2/calls', body: newCallBody(gong.sandbox, clientUniqueId), retrySafe } });
	const applied = (clientUniqueId: string) => gong.sandbox.state.calls.filter((c: any) => c.clientUniqueId === clientUniqueId).length;

	test('500 after the write was applied: applied once, error says it was not repeated', async () => {
		gong.sandbox.failNext(1, { status: 500, afterWrite: true });
		const result = await post('w-500-after');
		expect(applied('w-500-after')).toBe(1);
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.httpCode).toBe('500');
		expect(result.error!.message).toMatch(/POST request was not repeated, because it changes data in Gong/);
		expect(result.error!.description).toMatch(/check in Gong before running it again/);
		expect(result.error!.description).toMatch(/Gong request ID: \w+/);
	});

	test('500 before the write: not applied, not repeated', async () => {
		gong.sandbox.failNext(1, { status: 503 });
		const result = await post('w-503');
		expect(applied('w-503')).toBe(0);
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.message).toMatch(/not repeated/);
	});

	test('connection reset after the write was applied: applied once, ambiguous error, not repeated', async () => {
		gong.sandbox.failNext(1, { reset: true, afterWrite: true });
		const result = await post('w-reset-after');
		expect(applied('w-reset-after')).toBe(1);
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.message).toMatch(/failed after the POST request was sent \(ECONNRESET\) — it was not repeated/);
		expect(result.error!.description).toMatch(/may or may not have processed this POST request/);
	});

	test('connection reset before the write: not applied, not repeated', async () => {
		gong.sandbox.failNext(1, { reset: true });
		const result = await post('w-reset-before');
		expect(applied('w-reset-before')).toBe(0);
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.message).toMatch(/not repeated/);
	});

	test('malformed 200 answer to a write: not repeated, says to check in Gong', async () => {
		gong.sandbox.failNext(1, { malformed: true, afterWrite: true });
		const result = await post('w-malformed');
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.message).toMatch(/invalid JSON; the request was not repeated because it is a write/);
	});

	test('429 on a write is retried (Gong did not process it); applied exactly once', async () => {
		gong.sandbox.failNext(1, { status: 429, retryAfter: 1 });
		const result = await post('w-429');
		expect(result.error).toBeUndefined();
		expect(applied('w-429')).toBe(1);
		expect(gong.requests().map((r: any) => r.status)).toEqual([429, 200]);
	});

	test('a write marked retrySafe (idempotent at Gong) is retried after 500', async () => {
		gong.sandbox.failNext(1, { status: 500 });
		const result = await post('w-safe', true);
		expect(result.error).toBeUndefined();
		expect(applied('w-safe')).toBe(1);
		expect(gong.requests()).toHaveLength(2);
	});
});

describe('Transport: errors per status', () => {
	const gong = useGong({ seed: { calls: 10, users: 6 } });
	afterEach(() => gong.sandbox.clearFaults());
	const someCall = () => gong.sandbox.state.calls.find((c: any) => !c.visibleAt || c.visibleAt <= Date.now());

	test('403: names the OAuth scope of the operation', async () => {
		gong.sandbox.failNext(1, { status: 403 });
		const result = await gong.run({ parameters: { resource: 'call', operation: 'get', callId: byId(someCall().id) } });
		expect(result.error!.httpCode).toBe('403');
		expect(result.error!.description).toMatch(/needs the Gong scope "api:calls:read:basic"/);
		expect(result.error!.description).toMatch(/Gong request ID: \w+/);
	});

	test('403 "Limited release": says to ask Gong to enable the endpoint', async () => {
		gong.sandbox.failNext(1, { status: 403, message: 'Limited release' });
		const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
		expect(result.error!.description).toMatch(/limited release: ask your Gong CSM/);
	});

	test('402: explains that Gong credits are used up', async () => {
		gong.sandbox.failNext(1, { status: 402 });
		const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
		expect(result.error!.httpCode).toBe('402');
		expect(result.error!.description).toMatch(/consumes Gong credits/);
	});

	test('404 of a single resource: "not found" with the id; 404 of a list: empty result', async () => {
		const user = await gong.run({ parameters: { resource: 'user', operation: 'get', userId: byId('12345678901234567890') } });
		expect(user.error!.httpCode).toBe('404');
		expect(user.error!.description).toMatch(/User 12345678901234567890 was not found in Gong/);
		const list = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '1990-01-01T00:00:00Z', toDateTime: '1990-01-02T00:00:00Z', returnAll: true } });
		expect(list.error).toBeUndefined();
		expect(list.items).toHaveLength(0);
	});

	test('400: Gong\'s errors[] in the message', async () => {
		gong.sandbox.failNext(1, { status: 400, message: 'filter.fromDateTime: bad value' });
		const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
		expect(result.error!.httpCode).toBe('400');
		expect(result.error!.message).toMatch(/Gong API error 400 \(Bad request\): filter\.fromDateTime: bad value/);
	});

	test('continueOnFail: the error item carries status, message, description, requestId and Gong errors', async () => {
		gong.sandbox.failNext(1, { status: 403 });
		const result = await gong.run({ continueOnFail: true, parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ httpCode: '403', gongErrors: ['Forbidden'] });
		expect(result.json[0].requestId).toMatch(/\w+/);
		expect(result.json[0].description).toMatch(/api:users:read/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Transport: 401 hint', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } }, { gongCommunityApi: { accessKeySecret: 'not-the-right-secret' } });

	test('401: check keys and that the Base URL is the company\'s own host', async () => {
		const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
		expect(result.error!.httpCode).toBe('401');
		expect(result.error!.description).toMatch(/Check the access key and secret/);
		expect(result.error!.description).toMatch(/Base URL is your company's own Gong API address/);
		expect(result.error!.description).toMatch(/Gong request ID: \w+/);
		expect(gong.requests()).toHaveLength(1);
	});
});

describe('Transport: a Base URL that is not the API root', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	test('unknown route (non-Gong 404) is an error with a Base URL hint, even for lists', async () => {
		gong.harness.credentialsHelper.credentials.gongCommunityApi.baseUrl = `${gong.sandbox.url}/api`;
		try {
			const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
			expect(result.error!.httpCode).toBe('404');
			expect(result.error!.description).toMatch(/Check that the Base URL is your company's Gong API address/);
		} finally {
			gong.harness.credentialsHelper.credentials.gongCommunityApi.baseUrl = gong.sandbox.url;
		}
	});
});

describe('Transport: base-URL policy (allowCustomHost off)', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } }, { gongCommunityApi: { allowCustomHost: false } });
	const creds = () => gong.harness.credentialsHelper.credentials.gongCommunityApi as IDataObject;
	const runWith = async (baseUrl: string) => {
		creds().baseUrl = baseUrl;
		return await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: true } });
	};

	test.each([
		['the sandbox over http://', () => gong.sandbox.url, /must be an https:\/\/ address on gong\.io/],
		['http:// on gong.io', () => 'http://us-1.api.gong.io', /refused — it must be an https:\/\/ address on gong\.io/],
		['a non-gong https host', () => 'https://api.gong.io.example.com', /refused — it must be an https:\/\/ address on gong\.io/],
		['a look-alike host', () => 'https://evilgong.io', /refused/],
		['user and password in the URL', () => 'https://user:pw@us-1.api.gong.io', /must not contain a user name or password/],
		['not a URL', () => 'us-1.api.gong.io', /is not a valid URL/],
	])('refuses %s before any request', async (_label, url, expected) => {
		const result = await runWith(url());
		expect(result.error!.message).toMatch(expected);
		expect(gong.requests()).toHaveLength(0);
		expect(gong.sandbox.requests).toHaveLength(0);
	});

	test('the refusal explains how to allow a proxy or the sandbox', async () => {
		const result = await runWith(gong.sandbox.url);
		expect(result.error!.description).toMatch(/Allow a Non-Gong Host/);
	});
});

describe('Transport: pacing', () => {
	const gong = useGong({ seed: { calls: 60, users: 12 }, pageSize: 5 });
	afterEach(() => {
		gong.sandbox.configure({ rateLimit: false });
		gong.harness.credentialsHelper.credentials.gongCommunityApi.requestsPerSecond = 1000;
	});

	test('requests of all pages are spaced at least 1/rate apart (lower bound only)', async () => {
		const rate = 25;
		gong.harness.credentialsHelper.credentials.gongCommunityApi.requestsPerSecond = rate;
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: new Date().toISOString(), returnAll: true } });
		expect(result.error).toBeUndefined();
		// The first request leaves late (cold code paths) and arrival times jitter by a few ms, so
		// only the span from the second request on is compared, as a lower bound.
		const times = gong.requests().map((r: any) => r.time).slice(1);
		expect(times.length).toBeGreaterThan(5);
		expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual((times.length - 1) * (1000 / rate) * SPACING_MARGIN - 15);
	});

	test('pacing is shared across items: per-item requests are spaced too', async () => {
		const rate = 25;
		gong.harness.credentialsHelper.credentials.gongCommunityApi.requestsPerSecond = rate;
		const users = gong.sandbox.state.users.slice(0, 6);
		const result = await gong.run({
			input: users.map((u: any) => ({ json: { id: u.id } })),
			parameters: { resource: 'user', operation: 'getSettingsHistory', userId: byId('={{ $json.id }}') },
		});
		expect(result.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(6);
		const times = gong.requests().map((r: any) => r.time).slice(1);
		expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual((times.length - 1) * (1000 / rate) * SPACING_MARGIN - 15);
	});

	test('pacing is shared across concurrent executions using the same credential', async () => {
		const rate = 25;
		gong.harness.credentialsHelper.credentials.gongCommunityApi.requestsPerSecond = rate;
		const users = gong.sandbox.state.users.slice(0, 8);
		const runFor = (list: any[]) =>
			gong.run({
				input: list.map((u: any) => ({ json: { id: u.id } })),
				parameters: { resource: 'user', operation: 'getSettingsHistory', userId: byId('={{ $json.id }}') },
			});
		const [a, b] = await Promise.all([runFor(users.slice(0, 4)), runFor(users.slice(4))]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(8);
		const times = gong.requests().map((r: any) => r.time).sort((x: number, y: number) => x - y).slice(1);
		expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual((times.length - 1) * (1000 / rate) * SPACING_MARGIN - 15);
	});

	test('Gong\'s own limit (429 bursts) is absorbed: every page arrives once, no 429 reaches the user', async () => {
		gong.sandbox.configure({ rateLimit: { perSecond: 6, perDay: 100000 } });
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2000-01-01T00:00:00Z', toDateTime: new Date().toISOString(), returnAll: true } });
		expect(result.error).toBeUndefined();
		const visible = gong.sandbox.state.calls.filter((c: any) => !c.visibleAt || c.visibleAt <= Date.now());
		expect(result.items).toHaveLength(visible.length);
		expect(new Set(result.json.map((c) => c.id)).size).toBe(visible.length);
		expect(gong.sandbox.stats().rateLimited).toBeGreaterThan(0);
	});
});
