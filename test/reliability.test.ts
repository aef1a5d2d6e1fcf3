/**
 * Reliability under faults, through the engine against the sandbox's fault injection:
 * random 5xx, connection resets, malformed JSON and bursts of 429 (Gong's own limiter with
 * Retry-After) while reading thousands of records; writes are never applied twice; errors carry
 * status and requestId; credentials' secrets never show up in errors, error items or logs.
 * Fast by construction: requestsPerSecond 1000 in the credential, Retry-After of 1 s, fixed seeds.
 */
import type { IDataObject } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { byId, useGong } from './helpers';

const FROM = '2000-01-01T00:00:00Z';
const visibleCalls = (sandbox: any) => sandbox.state.calls.filter((c: any) => !c.visibleAt || c.visibleAt <= Date.now());
const countBy = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describe('Reliability: Return All over 3,000 calls under random faults', () => {
	const gong = useGong({ seed: { calls: 3000, users: 30 }, pageSize: 100 });
	afterEach(() => {
		gong.sandbox.configure({ rateLimit: false, faults: { errorRate: 0, resetRate: 0, malformedRate: 0 } });
		gong.sandbox.clearFaults();
	});
	const faultsOn = () => {
		gong.sandbox.configure({
			// ≈ 25 % of requests fail one way or another (5xx, an occasional 429, reset, malformed JSON);
			// Gong's own limiter (12/s here) adds 429s whenever the node gets ahead of it.
			faults: { errorRate: 0.1, resetRate: 0.08, malformedRate: 0.07, errorStatuses: [500, 502, 503, 504, 429], seed: 7 },
			rateLimit: { perSecond: 12, perDay: 1000000 },
		});
		// … and a burst of 429s with Retry-After 1 s right at the start.
		gong.sandbox.failNext(2, { status: 429, retryAfter: 1 });
	};

	test('Call → Get Many (GET, cursor in the query): no record lost, none repeated, same order as without faults', async () => {
		const params = { resource: 'call', operation: 'getMany', fromDateTime: FROM, toDateTime: new Date(Date.now() + 60_000).toISOString(), returnAll: true };
		const clean = await gong.run({ parameters: params });
		expect(clean.error).toBeUndefined();
		const expected = visibleCalls(gong.sandbox).map((c: any) => c.id);
		expect(expected.length).toBeGreaterThanOrEqual(2900);
		expect(clean.items).toHaveLength(expected.length);

		gong.sandbox.clearRequests();
		faultsOn();
		const faulty = await gong.run({ parameters: params });
		expect(faulty.error).toBeUndefined();
		const ids = faulty.json.map((c) => c.id as string);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(expected.length);
		expect([...ids].sort()).toEqual([...expected].sort());
		expect(ids).toEqual(clean.json.map((c) => c.id));
		expect(faulty.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		const stats = gong.sandbox.stats();
		const log = gong.requests();
		const faults = { status: 0, reset: 0, malformed: 0 };
		for (const r of log) if (r.fault && r.status !== 429) faults[r.fault as keyof typeof faults]++;
		// The injected faults really happened, and every page was answered once with 200.
		expect(faults.status).toBeGreaterThan(0);
		expect(faults.reset).toBeGreaterThan(0);
		expect(faults.malformed).toBeGreaterThan(0);
		expect(stats.rateLimited).toBeGreaterThan(0);
		const pages = Math.ceil(expected.length / 100);
		expect(log.filter((r: any) => r.status === 200 && !r.fault)).toHaveLength(pages);
		// eslint-disable-next-line no-console
		console.info(`Get Many under faults: ${ids.length} records, ${log.length} requests for ${pages} pages, ` +
			`faults: ${faults.status} × 5xx, ${faults.reset} resets, ${faults.malformed} malformed, ${stats.rateLimited} × 429; lost 0, repeated 0`);
	});

	test('Call → Get Many (Extensive) (read-only POST, cursor in the body): no record lost, none repeated', async () => {
		faultsOn();
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getManyExtensive', returnAll: true } });
		expect(result.error).toBeUndefined();
		const expected = visibleCalls(gong.sandbox).map((c: any) => c.id);
		const ids = result.json.map((c: any) => c.metaData.id as string);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(expected.length);
		expect([...ids].sort()).toEqual([...expected].sort());
		expect(gong.requests().some((r: any) => r.fault)).toBe(true);
	});

	test('Limit across faulty pages is exact and stops requesting once reached', async () => {
		faultsOn();
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getMany', fromDateTime: FROM, toDateTime: new Date().toISOString(), returnAll: false, limit: 1234 } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1234);
		expect(new Set(result.json.map((c) => c.id)).size).toBe(1234);
		expect(gong.requests().filter((r: any) => r.status === 200 && !r.fault)).toHaveLength(13);
	});
});

describe('Reliability: writes are never duplicated (Meeting → Create, not retry-safe)', () => {
	const gong = useGong({ seed: { calls: 20, users: 12 } });
	afterEach(() => {
		gong.sandbox.configure({ faults: { errorRate: 0, resetRate: 0, malformedRate: 0 } });
		gong.sandbox.clearFaults();
	});
	const organizer = () => gong.sandbox.state.users.find((u: any) => !u.isAvatar && u.active !== false).emailAddress;
	const params = () => ({
		resource: 'meeting',
		operation: 'create',
		organizerEmail: organizer(),
		startTime: '2030-01-01T10:00:00Z',
		endTime: '2030-01-01T11:00:00Z',
		invitees: { values: [{ email: 'guest@example.com' }] },
		additionalFields: { externalId: '={{ $json.externalId }}' },
	});
	const meetingsWith = (externalId: string) => gong.sandbox.state.meetings.filter((m: any) => m.externalId === externalId);

	test('500 after Gong applied the write: applied once, the node reports it was not repeated', async () => {
		gong.sandbox.failNext(1, { status: 500, afterWrite: true, match: { path: '/v2/meetings' } });
		const result = await gong.run({ input: [{ json: { externalId: 'after-500' } }], parameters: params() });
		expect(meetingsWith('after-500')).toHaveLength(1);
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.httpCode).toBe('500');
		expect(result.error!.message).toMatch(/not repeated/);
		expect(result.error!.context!.requestId).toMatch(/\w+/);
	});

	test('connection reset before the write: not applied, not repeated', async () => {
		gong.sandbox.failNext(1, { reset: true, match: { path: '/v2/meetings' } });
		const result = await gong.run({ input: [{ json: { externalId: 'reset-before' } }], parameters: params() });
		expect(meetingsWith('reset-before')).toHaveLength(0);
		expect(gong.requests()).toHaveLength(1);
		expect(result.error!.message).toMatch(/ECONNRESET.*not repeated/);
	});

	test('60 items under random faults, continueOnFail: each write sent once, applied at most once, outcome reported per item', async () => {
		gong.sandbox.configure({ faults: { errorRate: 0.12, resetRate: 0.1, malformedRate: 0, seed: 11 } });
		gong.sandbox.failNext(2, { status: 500, afterWrite: true, match: { path: '/v2/meetings' } });
		gong.sandbox.failNext(2, { reset: true, afterWrite: true, match: { path: '/v2/meetings' } });
		const before = gong.sandbox.state.meetings.length;
		const input = Array.from({ length: 60 }, (_, i) => ({ json: { externalId: `bulk-${i}` } }));
		const result = await gong.run({ continueOnFail: true, input, parameters: params() });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));

		const log = gong.requests();
		const sent = countBy(log.map((r: any) => r.body?.externalId));
		for (let i = 0; i < 60; i++) expect(sent.get(`bulk-${i}`)).toBe(1);
		let applied = 0;
		for (let i = 0; i < 60; i++) {
			const count = meetingsWith(`bulk-${i}`).length;
			expect(count).toBeLessThanOrEqual(1);
			applied += count;
			const req = log.find((r: any) => r.body?.externalId === `bulk-${i}`);
			const json = result.json[i];
			if (req.status === 200 && !req.fault) {
				expect(count).toBe(1);
				expect(json.meetingId).toBe(meetingsWith(`bulk-${i}`)[0].meetingId);
			} else {
				expect(json.error).toMatch(/not repeated/);
			}
		}
		expect(gong.sandbox.state.meetings.length - before).toBe(applied);
		const faulted = log.filter((r: any) => r.fault).length;
		expect(faulted).toBeGreaterThanOrEqual(4);
		// eslint-disable-next-line no-console
		console.info(`Writes under faults: 60 items, ${faulted} faulted answers, ${applied} applied, 0 repeated`);
	});
});

describe('Reliability: secrets never appear in errors, error items or logs', () => {
	const KEY = 'AKEY-7c1d2e3f4a5b6c7d';
	const SECRET = 'SKSECRET-9f8e7d6c5b4a39281706';
	const WRONG = 'SKWRONG-0a1b2c3d4e5f60718293';
	const TOKEN = 'OATOKEN-5e4d3c2b1a0f9e8d7c6b';
	const REFRESH = 'RFTOKEN-1a2b3c4d5e6f7a8b9c0d';
	const CLIENT_SECRET = 'CLSECRET-a9b8c7d6e5f4a3b2c1d0';
	const SECRETS = [KEY, SECRET, WRONG, TOKEN, REFRESH, CLIENT_SECRET];
	const encoded = (s: string) => [s, Buffer.from(s).toString('base64')];
	const forbidden = [...SECRETS.flatMap(encoded), Buffer.from(`${KEY}:${SECRET}`).toString('base64'), Buffer.from(`${KEY}:${WRONG}`).toString('base64')];

	const gong = useGong(
		{ seed: { calls: 10, users: 6 }, accessKey: KEY, accessKeySecret: SECRET, bearerTokens: [TOKEN], oauthClientSecret: CLIENT_SECRET },
		{ gongCommunityApi: { accessKey: KEY, accessKeySecret: SECRET }, gongCommunityOAuth2Api: { clientSecret: CLIENT_SECRET } },
	);
	const logged: string[] = [];
	const record = (level: string) => (message: unknown, meta?: unknown) => {
		let text: string;
		try {
			text = `${level} ${String(message)} ${JSON.stringify(meta ?? {})}`;
		} catch {
			text = `${level} ${String(message)} [unserialisable meta]`;
		}
		logged.push(text);
	};
	let restoreBackendLogger: (() => void) | undefined;

	beforeAll(() => {
		const creds = gong.harness.credentialsHelper.credentials;
		creds.gongCommunityOAuth2Api.oauthTokenData = {
			access_token: TOKEN,
			refresh_token: REFRESH,
			token_type: 'bearer',
			api_base_url_for_customer: gong.sandbox.url,
		};
		// n8n-core's DI logger (request helpers, OAuth2 refresh) …
		const { Container } = require('@n8n/di');
		const { Logger } = require('@n8n/backend-common');
		const original = Container.get(Logger); // (creating it points LoggerProxy at it: spy after this)
		const spy = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
		Container.set(Logger, { ...spy, scoped: () => spy, getInternalLogger: () => spy });
		restoreBackendLogger = () => Container.set(Logger, original);
		// … and n8n-workflow's LoggerProxy (WorkflowExecute).
		LoggerProxy.init(spy as never);
	});
	afterAll(() => restoreBackendLogger?.());
	afterEach(() => {
		const creds = gong.harness.credentialsHelper.credentials;
		creds.gongCommunityApi.accessKeySecret = SECRET;
		creds.gongCommunityApi.baseUrl = gong.sandbox.url;
		creds.gongCommunityApi.allowCustomHost = true;
		creds.gongCommunityOAuth2Api.oauthTokenData = { access_token: TOKEN, refresh_token: REFRESH, token_type: 'bearer', api_base_url_for_customer: gong.sandbox.url };
		gong.sandbox.clearFaults();
	});

	const serialisedError = (error: any) =>
		[
			JSON.stringify(error),
			String(error?.message),
			String(error?.description),
			JSON.stringify(error?.errorResponse ?? null),
			JSON.stringify(error?.context ?? null),
			JSON.stringify(error?.messages ?? null),
			String(error?.stack),
			String(error?.cause?.message ?? ''),
		].join('\n');

	const expectClean = (label: string, text: string) => {
		for (const secret of forbidden) {
			if (text.includes(secret)) throw new Error(`${label}: secret ${secret.slice(0, 8)}… leaked in:\n${text.slice(0, 2000)}`);
		}
	};

	// Four entries in every row: jest would take a missing last argument for its done callback.
	type Scenario = [string, () => void, () => IDataObject, 'accessKey' | 'oAuth2'];
	const call = () => gong.sandbox.state.calls[0].id;
	const meeting = () => ({
		resource: 'meeting',
		operation: 'create',
		organizerEmail: gong.sandbox.state.users.find((u: any) => !u.isAvatar).emailAddress,
		startTime: '2030-01-01T10:00:00Z',
		endTime: '2030-01-01T11:00:00Z',
		invitees: { values: [{ email: 'guest@example.com' }] },
	});
	const creds = () => gong.harness.credentialsHelper.credentials;
	const scenarios: Scenario[] = [
		['Basic 401 (wrong secret)', () => (creds().gongCommunityApi.accessKeySecret = WRONG), () => ({ resource: 'call', operation: 'get', callId: byId('1') }), 'accessKey'],
		['Basic 500 on a read (retries exhausted)', () => gong.sandbox.failNext(10, { status: 500 }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'accessKey'],
		['Basic 500 on a write (after it was applied)', () => gong.sandbox.failNext(1, { status: 500, afterWrite: true }), meeting, 'accessKey'],
		['Basic connection reset on a read', () => gong.sandbox.failNext(10, { reset: true }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'accessKey'],
		['Basic connection reset on a write', () => gong.sandbox.failNext(1, { reset: true, afterWrite: true }), meeting, 'accessKey'],
		['bad base URL: refused host', () => Object.assign(creds().gongCommunityApi, { baseUrl: 'https://gong.example.com', allowCustomHost: false }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'accessKey'],
		['bad base URL: secrets in the URL', () => Object.assign(creds().gongCommunityApi, { baseUrl: `https://${KEY}:${SECRET}@us-1.api.gong.io` }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'accessKey'],
		['bad base URL: not a URL, containing the secret', () => Object.assign(creds().gongCommunityApi, { baseUrl: `api.gong.io/${SECRET}` }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'accessKey'],
		['bad base URL: nothing listening', () => Object.assign(creds().gongCommunityApi, { baseUrl: 'http://127.0.0.1:9' }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'accessKey'],
		['bad base URL: unknown path', () => Object.assign(creds().gongCommunityApi, { baseUrl: `${gong.sandbox.url}/x` }), () => ({ resource: 'call', operation: 'get', callId: byId('1') }), 'accessKey'],
		['OAuth2 401 (token refused, refresh refused)', () => (creds().gongCommunityOAuth2Api.oauthTokenData = { access_token: `${TOKEN}-old`, refresh_token: REFRESH, token_type: 'bearer', api_base_url_for_customer: gong.sandbox.url }), () => ({ resource: 'call', operation: 'get', callId: byId('1') }), 'oAuth2'],
		['OAuth2 500', () => gong.sandbox.failNext(10, { status: 500 }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'oAuth2'],
		['OAuth2 connection reset', () => gong.sandbox.failNext(10, { reset: true }), () => ({ resource: 'user', operation: 'getMany', returnAll: true }), 'oAuth2'],
	];

	test.each(scenarios)('%s: error, continueOnFail item and logs are free of secrets', async (label, arrange, parameters, auth) => {
		arrange();
		const failed = await gong.run({ parameters: parameters(), auth });
		expect(failed.error).toBeDefined();
		expectClean(`${label} (error)`, serialisedError(failed.error));
		expectClean(`${label} (run data)`, JSON.stringify(failed.run ?? null));

		gong.sandbox.clearFaults();
		arrange();
		const kept = await gong.run({ parameters: parameters(), auth, continueOnFail: true, input: [{ json: { n: 1 } }] });
		expect(kept.items).toHaveLength(1);
		expect(kept.json[0].error).toBeDefined();
		expect(kept.items[0].pairedItem).toEqual({ item: 0 });
		expectClean(`${label} (error item)`, JSON.stringify(kept.items));
		expectClean(`${label} (logs)`, logged.join('\n'));
	});

	test('the spy really sees what n8n logs, and the detector really detects', () => {
		expect(() => expectClean('self-test', `x ${Buffer.from(SECRET).toString('base64')} y`)).toThrow(/leaked/);
		expect(logged.some((l) => /Running node "Gong"|Start executing node|Workflow execution/.test(l))).toBe(true);
		expect(call()).toMatch(/^\d+$/);
	});
});
