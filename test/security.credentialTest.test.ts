/**
 * The credential test n8n runs when a Gong credential is saved: which test n8n picks for each of
 * the two credential types (same order as n8n's CLI), and that the Basic one applies the package's
 * base-URL policy before the key and secret leave n8n — through n8n-core's real CredentialTestContext.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { useGong } from './helpers';

const { loadSources, sandboxCredentials } = require('./harness');
const { pickCredentialTest, testCredential } = require('./harness/credentialTest');

const basicAuth = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

describe('which test n8n runs on Save', () => {
	const types = loadSources();

	test('the access-key credential has no request of its own, so n8n runs the Gong node\'s policy-checking test', () => {
		expect(types.credentialTypes.gongCommunityApi.test).toBeUndefined();
		const picked = pickCredentialTest(types, 'gongCommunityApi');
		expect(picked).toMatchObject({ kind: 'function', nodeName: 'n8n-nodes-gong.gong', testedBy: 'gongCommunityApiTest' });
	});

	test('the OAuth2 credential gets n8n\'s own token check, which sends no request (a node test would be ignored)', () => {
		expect(types.credentialTypes.gongCommunityOAuth2Api.test).toBeUndefined();
		expect(pickCredentialTest(types, 'gongCommunityOAuth2Api')).toMatchObject({ kind: 'oauth2' });
	});

	test('the Gong node offers exactly the shared credential list, plus testedBy on the access-key one', () => {
		const { gongCredentials } = require('../nodes/shared/transport/credentials');
		const listed = types.nodeTypes['n8n-nodes-gong.gong'].description.credentials;
		expect(listed.map(({ testedBy, ...rest }: any) => rest)).toEqual(gongCredentials);
		expect(listed.map((c: any) => c.testedBy)).toEqual(['gongCommunityApiTest', undefined]);
	});

	test('every node that offers the access-key credential either names the test or leaves the choice to the Gong node', () => {
		for (const [name, nodeType] of Object.entries<any>(types.nodeTypes)) {
			for (const c of nodeType.description.credentials ?? []) {
				if (c.testedBy === undefined) continue;
				expect([name, typeof nodeType.methods?.credentialTest?.[c.testedBy]]).toEqual([name, 'function']);
			}
		}
	});
});

describe('access-key credential test against the sandbox', () => {
	const gong = useGong({ seed: { calls: 1, users: 1 } });
	const run = (overrides: Record<string, unknown>) => {
		const data = { ...sandboxCredentials(gong.sandbox).gongCommunityApi, ...overrides };
		return testCredential(loadSources(), 'gongCommunityApi', data);
	};

	test('a permitted host: one GET /v2/workspaces with Basic auth, answer OK', async () => {
		const { result } = await run({});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(gong.requests()).toHaveLength(1);
		expect(gong.lastRequest()).toMatchObject({ method: 'GET', path: '/v2/workspaces' });
		expect(gong.lastRequest().headers.authorization).toBe(basicAuth('sandbox-key', 'sandbox-secret'));
	});

	test('the same host without "Allow a Non-Gong Host": refused with the reason, nothing sent', async () => {
		const { result } = await run({ allowCustomHost: false });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Base URL "http:\/\/127\.0\.0\.1:\d+" is refused — it must be an https:\/\/ address on gong\.io/);
		expect(result.message).toMatch(/Allow a Non-Gong Host/);
		expect(gong.sandbox.requests).toHaveLength(0);
	});

	test.each([
		['http://us-1.api.gong.io', /"http:\/\/us-1\.api\.gong\.io" is refused/],
		['https://api.gong.io.evil.example', /"https:\/\/api\.gong\.io\.evil\.example" is refused/],
		['https://sandbox-key:x@api.gong.io', /must not contain a user name or password/],
		['not a url', /is not a valid URL/],
	])('%s is refused before any request', async (baseUrl, message) => {
		const { result } = await run({ baseUrl, allowCustomHost: false });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(result.message).not.toContain('sandbox-secret');
		expect(gong.sandbox.requests).toHaveLength(0);
	});

	test('a wrong secret: 401 explained, the secret not echoed', async () => {
		const { result } = await run({ accessKeySecret: 'wrong-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the access key and secret \(401\)/);
		expect(result.message).not.toContain('wrong-secret');
		expect(gong.lastRequest().headers.authorization).toBe(basicAuth('sandbox-key', 'wrong-secret'));
	});

	test('an empty secret is refused without a request', async () => {
		const { result } = await run({ accessKeySecret: '' });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/Access Key Secret/) });
		expect(gong.sandbox.requests).toHaveLength(0);
	});
});

describe('access-key credential test and redirects', () => {
	let target: http.Server;
	let redirector: http.Server;
	const seenByTarget: Array<string | undefined> = [];
	const listen = (server: http.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

	beforeAll(async () => {
		target = http.createServer((req, res) => {
			seenByTarget.push(req.headers.authorization);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"workspaces":[]}');
		});
		const targetUrl = await listen(target);
		redirector = http.createServer((req, res) => res.writeHead(302, { location: `${targetUrl}${req.url}` }).end());
		await listen(redirector);
	});
	afterAll(async () => {
		await Promise.all([target, redirector].map((s) => new Promise((r) => s.close(r))));
	});

	test('a redirect is reported, not followed: the key and secret reach no other origin', async () => {
		const address = redirector.address() as AddressInfo;
		const data = { baseUrl: `http://127.0.0.1:${address.port}`, allowCustomHost: true, accessKey: 'k', accessKeySecret: 's3cret' };
		const { result } = await testCredential(loadSources(), 'gongCommunityApi', data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/answered 302 \(a redirect\)\. It was not followed/);
		expect(seenByTarget).toEqual([]);
	});
});

describe('the credential form warns about a Base URL the policy refuses (both credential types)', () => {
	const { NodeHelpers } = require('n8n-workflow');
	const { normaliseBaseUrl } = require('../nodes/shared/transport/connection');
	const { GONG_BASE_URL_PATTERN } = require('../credentials/GongConnection');
	const types = loadSources();
	const policyNode = { id: 'n', name: 'Gong', type: 'n8n-nodes-gong.gong', typeVersion: 1, position: [0, 0], parameters: {} };
	const accepted = (baseUrl: string, allowCustomHost: boolean) => {
		try {
			normaliseBaseUrl(policyNode, baseUrl, allowCustomHost);
			return true;
		} catch {
			return false;
		}
	};

	const urls = [
		'https://api.gong.io',
		'https://us-12345.api.gong.io/',
		'HTTPS://API.GONG.IO/v2',
		'  https://gong.io  ',
		'https://api.gong.io:443/proxy/path',
		'https://a_b.gong.io',
		'http://us-1.api.gong.io',
		'http://127.0.0.1:8080',
		'https://api.gong.io.evil.example',
		'https://notgong.io',
		'https://user:pw@api.gong.io',
		'https://api.gong.io/?x=1',
		'https://api.gong.io/#x',
		'ftp://api.gong.io',
		'api.gong.io',
		'',
	];

	for (const typeName of ['gongCommunityApi', 'gongCommunityOAuth2Api']) {
		test.each(urls)(`${typeName}: warning shown exactly when the policy refuses %j`, (baseUrl) => {
			const notice = types.credentialTypes[typeName].properties.find((p: any) => p.name === 'baseUrlRefusedNotice');
			expect(notice).toMatchObject({ type: 'notice' });
			for (const allowCustomHost of [false, true]) {
				const shown = NodeHelpers.displayParameter({ baseUrl, allowCustomHost }, notice, null, null);
				expect([baseUrl, allowCustomHost, shown]).toEqual([baseUrl, allowCustomHost, !allowCustomHost && !accepted(baseUrl, false)]);
			}
		});
	}

	test('the pattern stays within the sanity budget on 1 MB adversarial Base URLs', () => {
		const re = new RegExp(GONG_BASE_URL_PATTERN);
		for (const text of [
			`https://${'gong.io.'.repeat(131072)}`,
			`https://${'a.'.repeat(524288)}gong.iox`,
			`https://api.gong.io/${' '.repeat(1048576)}?`,
			`https://api.gong.io${' '.repeat(1048576)}x`,
		]) {
			const started = Date.now();
			re.test(text);
			expect(Date.now() - started).toBeLessThan(2000);
		}
	});
});
