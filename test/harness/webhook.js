'use strict';
/**
 * Runs a webhook node the way n8n does for a production webhook: n8n-core's real WebhookContext
 * calls the node's webhook() with the request (raw body, headers, query) and a response object;
 * if it returns workflowData, WorkflowExecute runs the workflow from that node with that data
 * (so a node's execute() runs as in n8n), with real credential authentication.
 */
const { Workflow, createDeferredPromise } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, WebhookContext } = require('n8n-core');

const { TestCredentialsHelper } = require('./index');

const WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';
const WEBHOOK_TEST_BASE = 'http://127.0.0.1:5678/webhook-test';

/** The response object webhook() writes to; collects what would go back to Gong. */
function fakeResponse() {
	const res = {
		statusCode: 200,
		headers: {},
		body: undefined,
		ended: false,
		setHeader(name, value) {
			res.headers[String(name).toLowerCase()] = value;
		},
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(value) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(value));
			return res;
		},
		send(value) {
			res.end(typeof value === 'string' ? value : JSON.stringify(value));
			return res;
		},
		end(text) {
			res.body = text === undefined ? '' : String(text);
			res.ended = true;
			return res;
		},
	};
	return res;
}

/** A request as n8n hands it to webhook(): headers lower-case, rawBody set for JSON bodies. */
function fakeRequest({ headers = {}, body, query = {}, rawBodyViaRead = false }) {
	const raw = Buffer.isBuffer(body) ? body : Buffer.from(body === undefined ? '' : String(body), 'utf8');
	const lower = {};
	for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
	let parsed = {};
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch {
		parsed = {};
	}
	const req = { method: 'POST', headers: lower, query, params: {}, body: parsed, rawBody: rawBodyViaRead ? undefined : raw, reads: 0 };
	req.readRawBody = async () => {
		req.reads++;
		req.rawBody = raw;
	};
	return req;
}

function createWebhookHarness({ nodeTypes, credentialTypes, credentials, timezone = 'UTC' }) {
	const types = { ...nodeTypes };
	const provider = {
		getByName: (name) => types[name],
		getByNameAndVersion: (name) => {
			const t = types[name];
			if (!t) throw new Error(`webhook harness: unknown node type ${name}`);
			return t.nodeVersions ? t.nodeVersions[t.currentVersion] : t;
		},
		getKnownTypes: () => ({}),
	};
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentials);
	let counter = 0;

	function additionalData(hooks, req, res) {
		return {
			credentialsHelper,
			hooks,
			httpRequest: req,
			httpResponse: res,
			executeWorkflow: async () => {
				throw new Error('webhook harness: sub-workflows are not supported');
			},
			getRunExecutionData: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			webhookBaseUrl: WEBHOOK_BASE,
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: WEBHOOK_TEST_BASE,
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('webhook harness: task runners are not supported');
			},
		};
	}

	/**
	 * A workflow with one webhook node, kept across deliveries (its static data too), like an
	 * active workflow in n8n. `credential`: 'accessKey' | 'oAuth2' | undefined (none attached).
	 */
	function activate({ type = 'n8n-nodes-gong.gongWebhookTrigger', parameters = {}, credential, nodeName = 'Gong Webhook Trigger', workflowId, webhookId = '8f0c2a4e-1b5d-4c3e-9a7f-000000000001', staticData = {} }) {
		const id = workflowId ?? `wf-hook-${++counter}`;
		const authentication = credential === 'oAuth2' ? 'oAuth2' : 'accessKey';
		const credType = credential === 'oAuth2' ? 'gongCommunityOAuth2Api' : 'gongCommunityApi';
		const node = {
			id: 'webhook-node-1',
			name: nodeName,
			type,
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { authentication, ...parameters },
			credentials: credential ? { [credType]: { id: `cred-${credType}`, name: `Test ${credType}` } } : undefined,
		};
		const state = { staticData: JSON.parse(JSON.stringify(staticData)), executions: [] };
		const productionUrl = `${WEBHOOK_BASE}/${webhookId}/gong`;

		/** A Workflow over the given static data object (n8n wraps it in its change-tracking proxy). */
		function workflow(staticData = JSON.parse(JSON.stringify(state.staticData))) {
			return new Workflow({ id, name: `Webhook ${id}`, nodes: [node], connections: {}, active: true, nodeTypes: provider, staticData, settings: { timezone } });
		}
		/** n8n saves a Workflow's static data only when its proxy marked it changed. */
		function save(wf) {
			if (wf.staticData.__dataChanged === true) state.staticData = JSON.parse(JSON.stringify(wf.staticData));
		}

		/** What activation runs: the node's webhookMethods (checkExists). Resolves with the error, if any. */
		async function checkActivation() {
			const { HookContext } = require('n8n-core');
			const wf = workflow();
			const hooks = new ExecutionLifecycleHooks('webhook', id, { id, nodes: [node], connections: {} });
			const webhookData = { httpMethod: 'POST', node: node.name, path: 'gong', webhookDescription: types[type].description.webhooks[0], workflowId: id };
			const ctx = new HookContext(wf, node, additionalData(hooks), 'webhook', 'activate', webhookData);
			try {
				await types[type].webhookMethods.default.checkExists.call(ctx);
				return undefined;
			} catch (error) {
				return error;
			}
		}

		/**
		 * One delivery: { headers, body (Buffer|string), query, mode }. Resolves with Gong's answer
		 * { status, body, json }, whether an execution started, its output items and error.
		 */
		async function deliver({ headers = {}, body = '', query = {}, mode = 'webhook', rawBodyViaRead = false } = {}) {
			// Like n8n (live-webhooks.js): the stored workflow is loaded for every request.
			const loaded = JSON.parse(JSON.stringify(state.staticData));
			const wf = workflow(loaded);
			const req = fakeRequest({ headers, body, query, rawBodyViaRead });
			const res = fakeResponse();
			const hooks = new ExecutionLifecycleHooks(mode, id, { id, nodes: [node], connections: {} });
			const data = additionalData(hooks, req, res);
			const webhookData = { httpMethod: 'POST', node: node.name, path: 'gong', webhookDescription: types[type].description.webhooks[0], workflowId: id };
			const ctx = new WebhookContext(wf, node, data, mode, webhookData, [], null);
			let result;
			let thrown;
			try {
				result = await types[type].webhook.call(ctx);
			} catch (error) {
				thrown = error;
			}
			// Like n8n 1.123 / 2.41: the execution gets a new Workflow over the SAME loaded static data
			// object (which resets its "changed" mark) before the request saves the webhook's Workflow;
			// the execution's Workflow is saved when it ends.
			const execWf = !thrown && result && result.workflowData ? workflow(loaded) : undefined;
			save(wf);
			const out = { thrown, result, request: req, response: res, started: false, items: [], error: undefined };
			if (!thrown && result && !result.noWebhookResponse && !res.ended) {
				// n8n's "onReceived" with an empty responseData: answer 200 with the node's webhookResponse
				// before the workflow runs.
				res.statusCode = 200;
				res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
			}
			out.status = res.statusCode;
			out.body = res.body;
			try {
				out.json = res.body ? JSON.parse(res.body) : undefined;
			} catch {
				out.json = undefined;
			}
			if (!thrown && result && result.workflowData) {
				out.started = true;
				const run = await runFrom(execWf, node, result.workflowData, data, hooks, mode);
				if (mode !== 'manual') save(execWf);
				state.executions.push(run);
				const task = run.data.resultData.runData[node.name]?.[0];
				out.items = task?.data?.main?.[0] ?? [];
				out.error = task?.error ?? run.data.resultData.error;
				out.run = run;
			}
			out.jsonItems = out.items.map((i) => i.json);
			return out;
		}

		return {
			node,
			productionUrl,
			testUrl: `${WEBHOOK_TEST_BASE}/${webhookId}/gong`,
			deliver,
			checkActivation,
			get staticData() {
				return state.staticData;
			},
			get executions() {
				return state.executions;
			},
		};
	}

	async function runFrom(wf, node, workflowData, data, hooks, mode) {
		const done = createDeferredPromise();
		hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));
		const runExecutionData = {
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				nodeExecutionStack: [{ node, data: { main: workflowData }, source: null }],
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: {},
			},
		};
		const execute = new WorkflowExecute(data, mode, runExecutionData);
		execute.processRunExecutionData(wf);
		return await done.promise;
	}

	return { activate, credentialsHelper, nodeTypes: types };
}

module.exports = { createWebhookHarness, fakeRequest, fakeResponse, WEBHOOK_BASE };
