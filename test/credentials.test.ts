import { NodeOperationError } from 'n8n-workflow';

import { byId, useGong } from './helpers';
import { normaliseBaseUrl } from '../nodes/shared/transport/connection';
import { Gong } from '../nodes/Gong/Gong.node';
import { GongCommunityApi } from '../credentials/GongCommunityApi.credentials';
import { GongCommunityOAuth2Api } from '../credentials/GongCommunityOAuth2Api.credentials';

const node = { id: 'n', name: 'Gong', type: 'n8n-nodes-gong.gong', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('base URL policy', () => {
	test.each([
		['https://api.gong.io', 'https://api.gong.io'],
		['https://us-12345.api.gong.io/', 'https://us-12345.api.gong.io'],
		['https://us-12345.api.gong.io/v2', 'https://us-12345.api.gong.io'],
		['  https://API.gong.io//  ', 'https://api.gong.io'],
	])('accepts %s as %s', (raw, expected) => {
		expect(normaliseBaseUrl(node, raw, false)).toBe(expected);
	});

	test.each([
		['http://api.gong.io', /must be an https:\/\/ address on gong\.io/],
		['https://api.gong.io.evil.com', /must be an https:\/\/ address on gong\.io/],
		['https://notgong.io', /must be an https:\/\/ address on gong\.io/],
		['http://127.0.0.1:8080', /Allow a Non-Gong Host/],
		['api.gong.io', /not a valid URL/],
		['', /not a valid URL/],
	])('refuses %s', (raw, message) => {
		let error: unknown;
		try {
			normaliseBaseUrl(node, raw, false);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		const e = error as NodeOperationError;
		expect(`${e.message} ${e.description ?? ''}`).toMatch(message);
	});

	test('another host is accepted only with the explicit credential option', () => {
		expect(normaliseBaseUrl(node, 'http://127.0.0.1:8080/', true)).toBe('http://127.0.0.1:8080');
		expect(() => normaliseBaseUrl(node, 'ftp://127.0.0.1', true)).toThrow(/http or https/);
	});
});

describe('credential classes', () => {
	test('two classes with names distinct from n8n\'s built-in gongApi / gongOAuth2Api', () => {
		const basic = new GongCommunityApi();
		const oauth = new GongCommunityOAuth2Api();
		expect(basic.name).toBe('gongCommunityApi');
		expect(oauth.name).toBe('gongCommunityOAuth2Api');
		expect(oauth.extends).toEqual(['oAuth2Api']);
		expect(basic.properties.find((p) => p.name === 'accessKeySecret')?.typeOptions?.password).toBe(true);
		// No request-style test: n8n would send it to any Base URL (see security.credentialTest.test.ts).
		expect((basic as { test?: unknown }).test).toBeUndefined();
		const hidden = Object.fromEntries(oauth.properties.filter((p) => p.type === 'hidden').map((p) => [p.name, p.default]));
		expect(hidden.authUrl).toBe('https://app.gong.io/oauth2/authorize');
		expect(hidden.accessTokenUrl).toBe('https://app.gong.io/oauth2/generate-customer-token');
		expect(hidden.authentication).toBe('header');
		expect(basic.properties.find((p) => p.name === 'baseUrl')?.default).toBe('https://api.gong.io');
	});

	test('the node shows exactly one credential per Authentication choice', () => {
		const description = new Gong().description;
		const auth = description.properties.find((p) => p.name === 'authentication')!;
		expect((auth.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['accessKey', 'oAuth2']);
		expect(description.credentials).toEqual([
			{ name: 'gongCommunityApi', required: true, displayOptions: { show: { authentication: ['accessKey'] } }, testedBy: 'gongCommunityApiTest' },
			{ name: 'gongCommunityOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		]);
	});
});

describe('credentials through the engine', () => {
	describe('Basic', () => {
		const gong = useGong({ seed: { calls: 5, users: 3 } });

		test('sends Authorization: Basic base64(key:secret)', async () => {
			const user = gong.sandbox.state.users[0];
			const result = await gong.run({ parameters: { resource: 'user', operation: 'get', userId: byId(user.id) } });
			expect(result.error).toBeUndefined();
			expect(gong.lastRequest().headers.authorization).toBe(`Basic ${Buffer.from('sandbox-key:sandbox-secret').toString('base64')}`);
		});
	});

	describe('Basic with a wrong secret', () => {
		const gong = useGong({ seed: { calls: 5, users: 3 } }, { gongCommunityApi: { accessKeySecret: 'wrong' } });

		test('401 explains keys and the company base URL', async () => {
			const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 1 } });
			expect(result.error!.message).toMatch(/Gong API error 401/);
			expect(result.error!.description).toMatch(/Base URL is your company's own Gong API address/);
		});
	});

	describe('Basic without the custom-host option', () => {
		const gong = useGong({ seed: { calls: 5, users: 3 } }, { gongCommunityApi: { allowCustomHost: false } });

		test('refuses the sandbox host before any request', async () => {
			const result = await gong.run({ parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 1 } });
			expect(result.error!.message).toMatch(/Base URL "http:\/\/127\.0\.0\.1:\d+" is refused/);
			expect(gong.sandbox.requests).toHaveLength(0);
		});
	});

	describe('OAuth2', () => {
		const gong = useGong({ seed: { calls: 5, users: 3 } });

		test('uses the token\'s api_base_url_for_customer over the credential\'s Base URL', async () => {
			// The credential's Base URL is https://api.gong.io; the token points at the sandbox.
			const result = await gong.run({ auth: 'oAuth2', parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 2 } });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			expect(gong.lastRequest().headers.authorization).toBe('Bearer sandbox-oauth-token');
		});

		test('an expired token is refreshed through n8n\'s OAuth2 client (single-use refresh token rotated) and the request repeated', async () => {
			const helper = gong.harness.credentialsHelper;
			const creds = helper.credentials.gongCommunityOAuth2Api;
			creds.oauthTokenData = { ...creds.oauthTokenData, access_token: 'expired-token', refresh_token: 'sandbox-refresh-token' };
			const result = await gong.run({ auth: 'oAuth2', parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 1 } });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			const statuses = gong.requests().map((r: any) => [r.headers.authorization, r.status]);
			expect(statuses[0]).toEqual(['Bearer expired-token', 401]);
			expect(statuses[statuses.length - 1]).toEqual([expect.stringMatching(/^Bearer sandbox-oauth-token-\d+$/), 200]);
			expect(gong.sandbox.tokenRequests.at(-1)).toMatchObject({
				grantType: 'refresh_token',
				refreshToken: 'sandbox-refresh-token',
				authorization: `Basic ${Buffer.from('sandbox-client:sandbox-client-secret').toString('base64')}`,
			});
			// n8n stores the new token (and the new refresh token) on the credential.
			expect(helper.oauthUpdates.at(-1).data.oauthTokenData.refresh_token).toMatch(/^sandbox-refresh-token-\d+$/);
		});
	});
});
