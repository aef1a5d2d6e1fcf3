'use strict';
/**
 * Builders for the credentials and workflows the e2e suite imports into real n8n.
 * Node types of a community package are "<package name>.<node name>".
 */
const PACKAGE = 'n8n-nodes-gong';
const GONG_TYPE = `${PACKAGE}.gong`;
const TRIGGER_TYPE = `${PACKAGE}.gongTrigger`;

const CRED = {
	basic: { id: 'gongSandboxBasic', name: 'Gong sandbox (access key)', type: 'gongCommunityApi' },
	oauth: { id: 'gongSandboxOAuth', name: 'Gong sandbox (OAuth2)', type: 'gongCommunityOAuth2Api' },
};

/** Both credentials, pointing at the sandbox (OAuth2: the token's api_base_url_for_customer). */
function sandboxCredentials(sb, { requestsPerSecond = 50 } = {}) {
	const common = { allowCustomHost: true, requestsPerSecond, maxRetryWaitSeconds: 10 };
	return [
		{
			...CRED.basic,
			data: { baseUrl: sb.url, accessKey: sb.accessKey, accessKeySecret: sb.accessKeySecret, ...common },
		},
		{
			...CRED.oauth,
			data: {
				grantType: 'authorizationCode',
				authUrl: 'https://app.gong.io/oauth2/authorize',
				accessTokenUrl: 'https://app.gong.io/oauth2/generate-customer-token',
				clientId: 'sandbox-client',
				clientSecret: 'sandbox-client-secret',
				scope: '',
				authQueryParameters: '',
				authentication: 'header',
				// deliberately not the sandbox: the token's api_base_url_for_customer must win
				baseUrl: 'https://api.gong.io',
				...common,
				oauthTokenData: {
					access_token: sb.bearerToken,
					token_type: 'bearer',
					refresh_token: 'sandbox-refresh-token',
					api_base_url_for_customer: sb.url,
				},
			},
		},
	];
}

function credentialRef(auth) {
	const c = auth === 'oauth' ? CRED.oauth : CRED.basic;
	return { [c.type]: { id: c.id, name: c.name } };
}

/** A Gong node. `auth`: 'basic' (default) | 'oauth'. */
function gongNode(name, parameters, { auth = 'basic', continueOnFail = false, type = GONG_TYPE, position } = {}) {
	const node = {
		id: `node-${Buffer.from(name).toString('hex').slice(0, 24)}`,
		name,
		type,
		typeVersion: 1,
		position: position || [0, 0],
		parameters: { authentication: auth === 'oauth' ? 'oAuth2' : 'accessKey', ...parameters },
		credentials: credentialRef(auth),
	};
	if (continueOnFail) {
		node.onError = 'continueRegularOutput';
		node.continueOnFail = true;
	}
	return node;
}

function manualTrigger(name = 'Start') {
	return { id: 'node-manual-trigger', name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/**
 * A workflow: a Manual Trigger "Start", then the given nodes. Each node runs after `from`
 * (default "Start"), so independent nodes are parallel branches of the trigger.
 */
function workflow(id, name, nodes) {
	const all = [manualTrigger()];
	const connections = {};
	const rows = {};
	for (const n of nodes) {
		const from = n.from || 'Start';
		const node = { ...n };
		delete node.from;
		const col = (rows[from] && rows[from].col) || (all.find((x) => x.name === from).position[0] + 260);
		const row = (rows[from] && rows[from].next) || 0;
		rows[from] = { col, next: row + 1 };
		node.position = [col, all.find((x) => x.name === from).position[1] + row * 160];
		all.push(node);
		connections[from] = connections[from] || { main: [[]] };
		connections[from].main[0].push({ node: node.name, type: 'main', index: 0 });
	}
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** A Code node returning fixed JSON items (runs in n8n's JS sandbox / task runner). */
function codeNode(name, items, from) {
	return {
		id: `node-${Buffer.from(name).toString('hex').slice(0, 24)}`,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
		from,
	};
}

/** Convert to File: a base64 string field → a binary property (real n8n binary handling). */
function base64ToFileNode(name, { sourceProperty, binaryPropertyName = 'data', fileName, mimeType }, from) {
	return {
		id: `node-${Buffer.from(name).toString('hex').slice(0, 24)}`,
		name,
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		parameters: { operation: 'toBinary', sourceProperty, binaryPropertyName, options: { fileName, mimeType } },
		from,
	};
}

/** Gong Trigger → No Op, polling every minute. */
function triggerWorkflow(id, name, triggerParameters = {}) {
	const trigger = {
		id: 'node-gong-trigger',
		name: 'Gong Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'accessKey', pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newCall', ...triggerParameters },
		credentials: credentialRef('basic'),
	};
	const noop = { id: 'node-noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} };
	return {
		id,
		name,
		active: false,
		nodes: [trigger, noop],
		connections: { 'Gong Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', saveManualExecutions: true, saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
	};
}

const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });

module.exports = { PACKAGE, GONG_TYPE, TRIGGER_TYPE, CRED, sandboxCredentials, gongNode, manualTrigger, workflow, codeNode, base64ToFileNode, triggerWorkflow, byId };
