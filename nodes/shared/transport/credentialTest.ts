import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INode,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { normaliseBaseUrl } from './connection';
import { secretRedactor } from './errors';

/** The name the Gong node's `credentials[].testedBy` points at. */
export const BASIC_CREDENTIAL_TEST = 'gongCommunityApiTest';

/** The request the test sends: the smallest read every Gong key may make. */
const TEST_PATH = '/v2/workspaces';

/** NodeOperationError needs a node; the credential test runs outside any workflow. */
const TEST_NODE: INode = {
	id: 'gong-credential-test',
	name: 'Gong Credential Test',
	type: 'n8n-nodes-gong.gong',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

interface TestResponse {
	statusCode?: number;
	headers?: Record<string, unknown>;
}

function errorText(error: unknown): string {
	const e = error as { message?: unknown; description?: unknown } | null;
	const message = typeof e?.message === 'string' ? e.message : String(error);
	const description = typeof e?.description === 'string' && e.description ? ` ${e.description}` : '';
	return `${message}.${description}`.replace(/\.\./g, '.');
}

/**
 * Tests an access key + secret on Save. n8n runs this instead of a request definition on the
 * credential type because the Gong node names it in `testedBy`; it applies the same base-URL policy
 * as every node request first, so the key and secret are never sent to a host the policy refuses
 * (and never across a redirect), and the answer says why a Base URL was refused.
 */
export async function testBasicCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	// Sent exactly as the node's requests send them (the credential's authenticate block).
	const accessKey = typeof data.accessKey === 'string' ? data.accessKey : '';
	const secret = typeof data.accessKeySecret === 'string' ? data.accessKeySecret : '';
	const redact = secretRedactor([data.accessKey, data.accessKeySecret]);

	let baseUrl: string;
	try {
		baseUrl = normaliseBaseUrl(TEST_NODE, data.baseUrl ?? 'https://api.gong.io', data.allowCustomHost === true, redact);
	} catch (error) {
		return { status: 'Error', message: redact(errorText(error)) };
	}
	if (!accessKey.trim() || !secret) {
		return { status: 'Error', message: 'Gong credential: enter both the Access Key and the Access Key Secret' };
	}

	// ICredentialTestFunctions offers only this request helper (no httpRequest in a credential test).
	const { request } = this.helpers;
	let response: TestResponse;
	try {
		response = (await request({
			method: 'GET',
			uri: `${baseUrl}${TEST_PATH}`,
			auth: { user: accessKey, pass: secret },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			timeout: 30000,
		})) as TestResponse;
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		return {
			status: 'Error',
			message: redact(`Gong credential: could not reach ${baseUrl} (${typeof code === 'string' ? code : errorText(error)})`),
		};
	}
	const status = Number(response?.statusCode);
	if (status >= 200 && status < 300) return { status: 'OK', message: 'Connection successful' };
	if (status >= 300 && status < 400) {
		return {
			status: 'Error',
			message: `Gong credential: ${baseUrl} answered ${status} (a redirect). It was not followed, so the key and secret went to no other address; use the address the redirect names as Base URL if you trust it.`,
		};
	}
	if (status === 401) {
		return {
			status: 'Error',
			message: `Gong credential: ${baseUrl} refused the access key and secret (401). Check both, and that the Base URL is your company's Gong API address.`,
		};
	}
	if (status === 403) {
		return { status: 'Error', message: `Gong credential: the key works but may not read workspaces (403 from ${baseUrl})` };
	}
	return { status: 'Error', message: `Gong credential: ${baseUrl}${TEST_PATH} answered HTTP ${Number.isFinite(status) ? status : 'without a status'}` };
}
