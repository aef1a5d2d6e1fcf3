import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BASIC_CREDENTIAL, GONG_APP_CREDENTIAL } from './credentials';
import { secretRedactor } from './errors';
import type { GongContext } from './types';

export interface GongConnection {
	credentialType: string;
	baseUrl: string;
	requestsPerSecond: number;
	maxRetryWaitSeconds: number;
	/** Identifies the Gong company for pacing: requests sharing it share one budget. */
	paceKey: string;
	/** Removes the credential's secrets from text that goes into errors. */
	redact: (text: string) => string;
	/** Adds secrets to `redact` (e.g. the new tokens after an OAuth2 refresh). */
	addSecrets: (secrets: unknown[]) => void;
	/** OAuth2: the credential's Access Token URL (where n8n renews the access token). */
	tokenUrl?: string;
}

const cache = new WeakMap<object, GongConnection>();

/**
 * Checks a base URL against the package's policy and normalises it (no trailing slash, no /v2).
 * Only https://…gong.io is accepted unless the credential explicitly allows another host.
 */
export function normaliseBaseUrl(
	node: INode,
	raw: unknown,
	allowCustomHost: boolean,
	redact: (text: string) => string = (t) => t,
): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		const shown = redact(text.replace(/\/\/[^/@\s]*@/, '//'));
		throw new NodeOperationError(
			node,
			`Gong credential: Base URL "${shown.length > 100 ? `${shown.slice(0, 97)}...` : shown}" is not a valid URL`,
			{ description: 'Use the address shown on Gong\'s API page, e.g. https://us-12345.api.gong.io' },
		);
	}
	if (url.username || url.password) {
		throw new NodeOperationError(node, `Gong credential: Base URL "${url.origin}" must not contain a user name or password`, {
			description: 'Put the access key and secret in their own fields of the credential; the Base URL is only the address.',
		});
	}
	const host = url.hostname.toLowerCase();
	const isGong = url.protocol === 'https:' && (host === 'gong.io' || host.endsWith('.gong.io'));
	if (!isGong && !allowCustomHost) {
		throw new NodeOperationError(
			node,
			`Gong credential: Base URL "${url.origin}" is refused — it must be an https:// address on gong.io`,
			{
				description:
					'Credentials are only sent to Gong over HTTPS. For a proxy or the local Gong sandbox, turn on "Allow a Non-Gong Host (Proxy or Local Sandbox)" in the credential.',
			},
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NodeOperationError(node, `Gong credential: Base URL "${url.origin}" must use http or https`);
	}
	if (url.search || url.hash) {
		throw new NodeOperationError(node, `Gong credential: Base URL "${url.origin}${url.pathname}" must not contain ? or #`);
	}
	// Trailing slashes cut by a loop: /\/+$/ retries from every slash of a long run (quadratic).
	let end = url.pathname.length;
	while (end > 0 && url.pathname.charCodeAt(end - 1) === 0x2f) end--;
	const path = url.pathname.slice(0, end).replace(/\/v2$/i, '');
	return `${url.origin}${path}`;
}

/** Which credential the node uses: the Authentication dropdown, Access Key when absent. */
export function credentialTypeOf(ctx: GongContext): string {
	let auth: unknown = 'accessKey';
	try {
		auth = ctx.getNodeParameter('authentication', 0, 'accessKey');
	} catch {
		auth = 'accessKey';
	}
	return auth === 'oAuth2' ? GONG_APP_CREDENTIAL : BASIC_CREDENTIAL;
}

/** The secret values of OAuth2 token data (as stored by n8n). */
export function tokenSecrets(tokenData: unknown): unknown[] {
	const data = (tokenData ?? {}) as IDataObject;
	return [data.access_token, data.refresh_token, data.id_token, data.accessToken, data.refreshToken];
}

/**
 * OAuth2 tokens change while a workflow runs (n8n renews them, also from other executions):
 * reads the credential again and adds its current tokens to the connection's redactor.
 */
export async function addCurrentTokens(ctx: GongContext, conn: GongConnection): Promise<void> {
	if (conn.credentialType !== GONG_APP_CREDENTIAL) return;
	try {
		const creds = (await ctx.getCredentials(conn.credentialType)) as IDataObject;
		conn.addSecrets(tokenSecrets(creds.oauthTokenData));
	} catch {
		// The credential cannot be read again: the secrets known so far are still redacted.
	}
}

/** Reads the credential once per execution context and applies the base-URL policy. */
export async function getConnection(ctx: GongContext): Promise<GongConnection> {
	const cached = cache.get(ctx);
	if (cached) return cached;
	const credentialType = credentialTypeOf(ctx);
	const creds = (await ctx.getCredentials(credentialType)) as IDataObject;
	const node = ctx.getNode();
	const allowCustomHost = creds.allowCustomHost === true;
	const tokenData = (creds.oauthTokenData ?? {}) as IDataObject;
	const tokenBase = tokenData.api_base_url_for_customer;
	const rawBase =
		credentialType === GONG_APP_CREDENTIAL && typeof tokenBase === 'string' && tokenBase.trim() !== ''
			? tokenBase
			: creds.baseUrl ?? 'https://api.gong.io';
	const secrets: string[] = [];
	let redactor = secretRedactor(secrets);
	const redact = (text: string) => redactor(text);
	const addSecrets = (more: unknown[]) => {
		const fresh = more.filter((s): s is string => typeof s === 'string' && s.trim().length >= 4 && !secrets.includes(s));
		if (!fresh.length) return;
		secrets.push(...fresh);
		redactor = secretRedactor(secrets);
	};
	addSecrets([creds.accessKey, creds.accessKeySecret, creds.clientSecret, ...tokenSecrets(tokenData)]);
	const baseUrl = normaliseBaseUrl(node, rawBase, allowCustomHost, redact);
	const rate = Number(creds.requestsPerSecond ?? 3);
	const maxWait = Number(creds.maxRetryWaitSeconds ?? 120);
	const credentialId = node.credentials?.[credentialType]?.id;
	const connection: GongConnection = {
		credentialType,
		baseUrl,
		requestsPerSecond: Number.isFinite(rate) && rate > 0 ? rate : 3,
		maxRetryWaitSeconds: Number.isFinite(maxWait) && maxWait >= 0 ? maxWait : 120,
		paceKey: `${baseUrl}|${credentialId ?? credentialType}`,
		redact,
		addSecrets,
		tokenUrl: credentialType === GONG_APP_CREDENTIAL && typeof creds.accessTokenUrl === 'string' ? creds.accessTokenUrl : undefined,
	};
	cache.set(ctx, connection);
	return connection;
}
