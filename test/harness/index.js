/**
 * Runs n8n nodes through n8n-core's real execution machinery: an n8n-workflow `Workflow`,
 * `WorkflowExecute` with lifecycle hooks, real execute/poll contexts and real credential
 * authentication (generic auth resolved through n8n's expression engine; OAuth2 through
 * n8n-core's own OAuth2 request path). Shared by the tests, `npm run demo` and the benchmark.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

/**
 * n8n-core keeps its settings (a random encryption key) in <N8N_USER_FOLDER or HOME>/.n8n/config.
 * Unless the caller chose a folder, everything the harness runs uses a temporary one, removed at
 * exit, so nothing is written to the user's home; the file is created 0600 (no "Permissions …
 * too wide" warning). Must happen before n8n-core reads its configuration, hence here, first.
 */
function isolateN8nUserFolder() {
	if (!process.env.N8N_USER_FOLDER) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-n8n-user-'));
		// the settings file up front (0600), so n8n-core doesn't announce that it generates one
		fs.mkdirSync(path.join(dir, '.n8n'), { mode: 0o700 });
		fs.writeFileSync(path.join(dir, '.n8n', 'config'), JSON.stringify({ encryptionKey: require('crypto').randomBytes(24).toString('base64') }), { mode: 0o600 });
		process.env.N8N_USER_FOLDER = dir;
		process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	}
	if (process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS === undefined) process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'true';
	return process.env.N8N_USER_FOLDER;
}
isolateN8nUserFolder();

const { Workflow, ICredentialsHelper, createDeferredPromise } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, PackageDirectoryLoader, PollContext } = require('n8n-core');
const { Container } = require('@n8n/di');
const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
const { baseNodeTypes } = require('./base-nodes');

/**
 * Releases what n8n-core keeps alive between executions: its SSH clients manager (created by
 * the first execution) holds a 60 s interval timer that stops a script or a jest worker from
 * exiting. Call it when done with every harness of the process (a later run recreates nothing:
 * the manager stays, without its timer).
 */
function shutdown() {
	Container.get(SSHClientsManager).onShutdown();
}
// Under jest every test file has its own copy of n8n-core: release its timer after the file.
// (Loaded lazily inside a running hook or test, jest refuses new hooks: call shutdown() yourself.)
if (typeof afterAll === 'function' && typeof expect === 'function') {
	try {
		afterAll(shutdown);
	} catch {
		/* not at the top level of a test file */
	}
}

const START = 'Start';
const NODE = 'Gong';

/** A start node that outputs the items given to the run. */
class HarnessInput {
	constructor() {
		this.description = {
			displayName: 'Harness Input',
			name: 'harnessInput',
			group: ['trigger'],
			version: 1,
			description: 'Outputs the test input items',
			defaults: { name: 'Start' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
	}

	async execute() {
		const items = HarnessInput.pending.get(this.getWorkflow().id) ?? [{ json: {} }];
		return [items];
	}
}
HarnessInput.pending = new Map();

/** n8n's credential helper, reduced to what a test needs, but applying auth the real way. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, credentials) {
		super();
		this.credentialTypes = credentialTypes;
		this.credentials = credentials;
		this.oauthUpdates = [];
	}

	getParentTypes(name) {
		const type = this.credentialTypes[name];
		const parents = (type && type.extends) || [];
		return parents.flatMap((p) => [p, ...this.getParentTypes(p)]);
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const type = this.credentialTypes[typeName];
		const auth = type && type.authenticate;
		if (!auth) return requestOptions;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		if (auth.type !== 'generic') throw new Error(`harness: unsupported authenticate type ${auth.type}`);
		for (const [outerKey, inner] of Object.entries(auth.properties)) {
			requestOptions[outerKey] = requestOptions[outerKey] || {};
			for (const [key, value] of Object.entries(inner)) {
				requestOptions[outerKey][key] = this.resolve(value, credentials, workflow, node);
			}
		}
		return requestOptions;
	}

	resolve(value, credentials, workflow, node) {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials() {
		throw new Error('harness: getCredentials is not used');
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.credentials[type];
		if (!data) throw new Error(`harness: no test credentials of type ${type}`);
		return JSON.parse(JSON.stringify(data));
	}

	async updateCredentials(_nodeCredentials, type, data) {
		this.credentials[type] = data;
	}

	async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
		this.oauthUpdates.push({ type, data });
		this.credentials[type] = { ...this.credentials[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type) {
		const t = this.credentialTypes[type];
		return (t && t.properties) || [];
	}
}

function additionalDataFor(credentialsHelper, hooks) {
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('harness: sub-workflows are not supported');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('harness: task runners are not supported');
		},
	};
}

/** Loads the built package the way n8n loads a community package (package.json "n8n" block). */
async function loadPackage(root = path.resolve(__dirname, '../..')) {
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	const nodeTypes = {};
	for (const [name, data] of Object.entries(loader.nodeTypes)) nodeTypes[`${loader.packageName}.${name}`] = data.type;
	const credentialTypes = {};
	for (const [name, data] of Object.entries(loader.credentialTypes)) credentialTypes[name] = data.type;
	return { loader, nodeTypes, credentialTypes };
}

/** Loads node and credential classes from the TypeScript sources (tests, via ts-jest). */
function loadSources() {
	const root = path.resolve(__dirname, '../..');
	const { Gong } = require(path.join(root, 'nodes/Gong/Gong.node'));
	let GongTrigger;
	try {
		({ GongTrigger } = require(path.join(root, 'nodes/GongTrigger/GongTrigger.node')));
	} catch (error) {
		if (error.code !== 'MODULE_NOT_FOUND') throw error;
	}
	let GongWebhookTrigger;
	try {
		({ GongWebhookTrigger } = require(path.join(root, 'nodes/GongWebhookTrigger/GongWebhookTrigger.node')));
	} catch (error) {
		if (error.code !== 'MODULE_NOT_FOUND') throw error;
	}
	const { GongCommunityApi } = require(path.join(root, 'credentials/GongCommunityApi.credentials'));
	const { GongCommunityOAuth2Api } = require(path.join(root, 'credentials/GongCommunityOAuth2Api.credentials'));
	const nodeTypes = { 'n8n-nodes-gong.gong': new Gong() };
	if (GongTrigger) nodeTypes['n8n-nodes-gong.gongTrigger'] = new GongTrigger();
	if (GongWebhookTrigger) nodeTypes['n8n-nodes-gong.gongWebhookTrigger'] = new GongWebhookTrigger();
	const oauth2Base = { name: 'oAuth2Api', displayName: 'OAuth2 API', properties: [] };
	return {
		nodeTypes,
		credentialTypes: {
			gongCommunityApi: new GongCommunityApi(),
			gongCommunityOAuth2Api: new GongCommunityOAuth2Api(),
			oAuth2Api: oauth2Base,
		},
	};
}

/** Credential data pointing at a sandbox. */
function sandboxCredentials(sandbox, overrides = {}) {
	const common = { baseUrl: sandbox.url, allowCustomHost: true, requestsPerSecond: 1000, maxRetryWaitSeconds: 120 };
	return {
		gongCommunityApi: {
			...common,
			accessKey: sandbox.accessKey ?? 'sandbox-key',
			accessKeySecret: sandbox.accessKeySecret ?? 'sandbox-secret',
			...(overrides.gongCommunityApi ?? {}),
		},
		gongCommunityOAuth2Api: {
			...common,
			grantType: 'authorizationCode',
			authUrl: 'https://app.gong.io/oauth2/authorize',
			accessTokenUrl: `${sandbox.url}/oauth2/generate-customer-token`,
			clientId: 'sandbox-client',
			clientSecret: 'sandbox-client-secret',
			scope: '',
			authentication: 'header',
			oauthTokenData: {
				access_token: (sandbox.bearerTokens && sandbox.bearerTokens[0]) || 'sandbox-oauth-token',
				token_type: 'bearer',
				refresh_token: 'sandbox-refresh-token',
				api_base_url_for_customer: sandbox.url,
			},
			baseUrl: 'https://api.gong.io',
			...(overrides.gongCommunityOAuth2Api ?? {}),
		},
	};
}

function createHarness({ nodeTypes, credentialTypes, credentials, timezone = 'UTC' }) {
	const types = { ...baseNodeTypes(), 'harness.input': new HarnessInput(), ...nodeTypes };
	const nodeTypesProvider = {
		getByName: (name) => types[name],
		getByNameAndVersion: (name) => {
			const t = types[name];
			if (!t) throw new Error(`harness: unknown node type ${name}`);
			return t.nodeVersions ? t.nodeVersions[t.currentVersion] : t;
		},
		getKnownTypes: () => ({}),
	};
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentials);
	let runCounter = 0;

	function credentialRef(type, auth) {
		const credType = auth === 'oAuth2' ? 'gongCommunityOAuth2Api' : 'gongCommunityApi';
		if (!type.endsWith('.gong') && !type.endsWith('.gongTrigger')) return undefined;
		return { [credType]: { id: `cred-${credType}`, name: `Test ${credType}` } };
	}

	/** The node under test, with the Authentication choice and the matching credential. */
	function nodeUnderTest({ id = 'node-under-test', name = NODE, type, parameters = {}, auth, position = [0, 0] }) {
		const authentication = auth ?? parameters.authentication ?? 'accessKey';
		return {
			id,
			name,
			type,
			typeVersion: 1,
			position,
			parameters: { authentication, ...parameters },
			credentials: credentialRef(type, authentication),
		};
	}

	/**
	 * Runs one node after a start node that emits `input`. Resolves with the node's output
	 * items, the error (if the run failed) and the whole IRun.
	 */
	async function runNode({ type = 'n8n-nodes-gong.gong', parameters, input = [{ json: {} }], continueOnFail = false, auth }) {
		const id = `wf-${++runCounter}`;
		const node = {
			...nodeUnderTest({ type, parameters, auth, position: [200, 0] }),
			...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		};
		const start = { id: 'start', name: START, type: 'harness.input', typeVersion: 1, position: [0, 0], parameters: {} };
		const workflowData = {
			id,
			name: `Harness ${id}`,
			active: false,
			nodes: [start, node],
			connections: { [START]: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
			settings: { timezone },
		};
		const workflow = new Workflow({
			id,
			name: workflowData.name,
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			active: false,
			nodeTypes: nodeTypesProvider,
			settings: workflowData.settings,
		});
		HarnessInput.pending.set(id, input);
		const done = createDeferredPromise();
		const hooks = new ExecutionLifecycleHooks('manual', id, workflowData);
		hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));
		const additionalData = additionalDataFor(credentialsHelper, hooks);
		const execute = new WorkflowExecute(additionalData, 'manual');
		try {
			execute.run(workflow, workflow.getNode(START));
		} catch (error) {
			// n8n refuses to start a workflow whose parameters have issues (as the editor would).
			HarnessInput.pending.delete(id);
			return { items: [], json: [], error, run: undefined };
		}
		const run = await done.promise;
		HarnessInput.pending.delete(id);
		const task = run.data.resultData.runData[NODE]?.[0];
		const items = task?.data?.main?.[0] ?? [];
		const error = task?.error ?? run.data.resultData.error;
		return { items, error, run, json: items.map((i) => i.json) };
	}

	/**
	 * Runs a whole workflow export (e.g. a file of examples/) through WorkflowExecute in manual
	 * mode, as "Execute workflow" in the editor does: from its trigger (the node with no input,
	 * sticky notes aside), which runs for real — a polling trigger does its "Fetch Test Event"
	 * poll — unless `pinData` (or the export's own pinData) pins its output. n8n's built-in nodes
	 * are the stand-ins of ./base-nodes. Resolves {run, error, runData, output(nodeName) → items,
	 * lastNode}.
	 */
	async function runWorkflow(data, { pinData } = {}) {
		const id = `wf-run-${++runCounter}`;
		const nodes = structuredClone(data.nodes);
		const connections = structuredClone(data.connections);
		const targets = new Set(Object.values(connections).flatMap((c) => (c.main || []).flat().filter(Boolean).map((x) => x.node)));
		const starts = nodes.filter((n) => !targets.has(n.name) && Object.keys(connections).includes(n.name));
		if (starts.length !== 1) throw new Error(`harness: expected one trigger, found ${starts.map((n) => n.name).join(', ') || 'none'}`);
		const settings = { timezone, ...(data.settings || {}) };
		const workflow = new Workflow({ id, name: data.name, nodes, connections, active: false, nodeTypes: nodeTypesProvider, settings, staticData: {} });
		const pins = { ...(data.pinData || {}), ...(pinData || {}) };
		const done = createDeferredPromise();
		const hooks = new ExecutionLifecycleHooks('manual', id, { id, nodes, connections });
		hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));
		const execute = new WorkflowExecute(additionalDataFor(credentialsHelper, hooks), 'manual');
		execute.run(workflow, workflow.getNode(starts[0].name), undefined, Object.keys(pins).length ? pins : undefined);
		const run = await done.promise;
		const runData = run.data.resultData.runData;
		const output = (name) => runData[name]?.[0]?.data?.main?.[0] ?? [];
		const nodeError = Object.values(runData).map((tasks) => tasks[tasks.length - 1]?.error).find(Boolean);
		return { run, runData, error: run.data.resultData.error ?? nodeError, output, lastNode: run.data.resultData.lastNodeExecuted };
	}

	/**
	 * Runs one poll of a polling trigger through n8n-core's real PollContext, with the given
	 * static data object (mutated by the trigger, as n8n does).
	 */
	async function poll({ type = 'n8n-nodes-gong.gongTrigger', parameters = {}, staticData = {}, mode = 'trigger', activation = 'activate', auth, nodeName = 'Gong Trigger' }) {
		const node = nodeUnderTest({ id: 'trigger-under-test', name: nodeName, type, parameters, auth });
		const id = `wf-poll-${++runCounter}`;
		const workflow = new Workflow({
			id,
			name: 'Harness poll',
			nodes: [node],
			connections: {},
			active: mode === 'trigger',
			nodeTypes: nodeTypesProvider,
			staticData: { [`node:${nodeName}`]: staticData },
			settings: { timezone },
		});
		// n8n hands the trigger the static data object of its node and persists it after the poll.
		const nodeStatic = workflow.getStaticData('node', node);
		const hooks = new ExecutionLifecycleHooks(mode, id, { id, nodes: [node], connections: {} });
		const additionalData = additionalDataFor(credentialsHelper, hooks);
		const ctx = new PollContext(workflow, node, additionalData, mode, activation);
		const nodeType = types[type];
		const output = await nodeType.poll.call(ctx);
		return { items: output ? output[0] : null, output, staticData: nodeStatic, context: ctx };
	}

	/** Calls a listSearch / loadOptions method of a node type through a real load-options context. */
	async function loadOptions({ type = 'n8n-nodes-gong.gong', kind = 'listSearch', method, parameters = {}, filter, paginationToken, auth }) {
		const { LoadOptionsContext } = require('n8n-core');
		const node = nodeUnderTest({ type, parameters, auth });
		const workflow = new Workflow({ id: 'wf-options', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesProvider, settings: { timezone } });
		const additionalData = additionalDataFor(credentialsHelper, new ExecutionLifecycleHooks('manual', 'opts', { id: 'opts', nodes: [node], connections: {} }));
		const ctx = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
		const fn = types[type].methods[kind][method];
		if (!fn) throw new Error(`harness: no ${kind} method ${method}`);
		return kind === 'listSearch' ? await fn.call(ctx, filter, paginationToken) : await fn.call(ctx);
	}

	return { runNode, runWorkflow, poll, loadOptions, credentialsHelper, nodeTypes: types };
}

module.exports = { createHarness, loadPackage, loadSources, sandboxCredentials, TestCredentialsHelper, shutdown, isolateN8nUserFolder };
