'use strict';
/**
 * e2e: the Gong Webhook Trigger in real n8n (`node test/e2e/run.js --versions 2.41.1 --only webhook --skip-ui`).
 *
 * Activates webhook workflows, then POSTs deliveries built by the sandbox's automation-rule engine
 * (test/sandbox/webhooks.js) to their production URLs and counts the executions n8n records:
 * a valid delivery starts exactly one execution with the call; tampered body, wrong key, wrong
 * webhook_url, expired token, missing header, alg none / HS256 get 401 and start none; the same
 * call twice starts one execution with de-duplication on and two with it off; test deliveries are
 * ignored when asked; a body whose re-serialisation differs still verifies; and after a restart of
 * n8n a redelivery of a call seen before the restart still starts none.
 * n8n runs with WEBHOOK_URL set to a made-up public address (the "proxy in front of n8n" case):
 * Gong signs that address while the requests arrive at 127.0.0.1.
 */
const fs = require('fs');
const path = require('path');

const { N8n } = require('./n8n');
const { installIntoUserFolder } = require('./pack');
const { sandboxCredentials, CRED } = require('./workflows');
const { waitFor, sleep, log } = require('./util');
const { createWebhookEngine, callDataFromSandbox } = require('../../sandbox/webhooks');

const TYPE = 'n8n-nodes-gong.gongWebhookTrigger';
const PUBLIC_BASE = 'https://n8n.proxy.example/';
const URL_KEY = 'e2e-url-key-0123456789abcdef';

class CheckError extends Error {}

const FLOWS = {
	dedupe: { id: 'gongE2eHookDedup', webhookId: '0e2e0000-0000-4000-8000-000000000001', options: { ignoreTest: true } },
	nodedupe: { id: 'gongE2eHookNoDup', webhookId: '0e2e0000-0000-4000-8000-000000000002', options: { deduplicate: false } },
	enrich: { id: 'gongE2eHookEnric', webhookId: '0e2e0000-0000-4000-8000-000000000003', options: { addTranscript: true, readableTranscript: true, addExtendedData: true, dataToInclude: ['topics'] }, credential: true },
	urlkey: { id: 'gongE2eHookUrlKy', webhookId: '0e2e0000-0000-4000-8000-000000000004', auth: 'urlKey', options: {} },
};

function hookWorkflow(flow, publicKey) {
	const parameters = { deliveryAuth: flow.auth ?? 'jwt', authentication: 'accessKey', options: flow.options };
	if (parameters.deliveryAuth === 'jwt') parameters.publicKey = publicKey;
	else parameters.urlKey = URL_KEY;
	const node = {
		id: `node-${flow.id}`,
		name: 'Gong Webhook Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: flow.webhookId,
		parameters,
	};
	if (flow.credential) node.credentials = { [CRED.basic.type]: { id: CRED.basic.id, name: CRED.basic.name } };
	return { id: flow.id, name: `e2e webhook ${flow.id}`, active: false, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

/** Executions n8n recorded for a workflow, with the trigger's output items. */
async function executionsOf(n8n, flatted, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await n8n.rest('GET', `/executions?filter=${filter}&limit=100`, undefined, { expect: 200 });
	const results = (list.data && (list.data.results || list.data)) || [];
	const out = [];
	for (const e of results) {
		const detail = await n8n.rest('GET', `/executions/${e.id}`, undefined, { expect: 200 });
		const raw = detail.data && detail.data.data;
		const data = raw ? (typeof raw === 'string' ? flatted.parse(raw) : raw) : {};
		const runs = (data.resultData && data.resultData.runData && data.resultData.runData['Gong Webhook Trigger']) || [];
		const items = runs.flatMap((r) => ((r.data && r.data.main && r.data.main[0]) || []).map((i) => i.json));
		const error = data.resultData && data.resultData.error ? data.resultData.error.message : undefined;
		out.push({ id: e.id, mode: e.mode, status: e.status, stoppedAt: e.stoppedAt || (detail.data && detail.data.stoppedAt), items, error });
	}
	return out;
}

async function runWebhookSuite({ install, sb, tarball, results, artifacts, workRoot, check }) {
	const version = install.version;
	const logDir = path.join(artifacts, `n8n-${version}-webhook`);
	fs.rmSync(logDir, { recursive: true, force: true });
	fs.mkdirSync(logDir, { recursive: true });
	const userFolder = path.join(workRoot, `n8n-${version}-webhook`);
	fs.rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8n(install, userFolder, logDir);
	// the "proxy in front of n8n" case: n8n's public address differs from where requests arrive
	const baseEnv = n8n.env.bind(n8n);
	n8n.env = (extra = {}) => baseEnv({ WEBHOOK_URL: PUBLIC_BASE, ...extra });
	const engine = createWebhookEngine();
	const flows = Object.values(FLOWS);

	const ok = await check(results, version, 'webhook: install the package, import credentials and 4 Gong Webhook Trigger workflows, activate them', async () => {
		await installIntoUserFolder(userFolder, tarball, { logFile: path.join(logDir, 'package-install.log') });
		await n8n.importJson('credentials', sandboxCredentials(sb), 'credentials.json');
		await n8n.importJson('workflows', flows.map((f) => hookWorkflow(f, engine.publicKeyBase64)), 'workflows.json');
		for (const f of flows) {
			const args = n8n.major >= 2 ? ['publish:workflow', `--id=${f.id}`] : ['update:workflow', `--id=${f.id}`, '--active=true'];
			await n8n.cli(args);
		}
	});
	if (!ok) return {};
	const t0 = Date.now();
	try {
		const started = await check(results, version, 'webhook: n8n start (WEBHOOK_URL set to a public address); owner set up', async () => {
			await n8n.start();
			await n8n.ensureOwner();
		});
		if (!started) return {};
		const flatted = require(path.join(path.dirname(n8n.install.bin), '..', '..', 'flatted'));
		const localUrl = (f) => `${n8n.baseUrl}/webhook/${f.webhookId}/gong`;
		const signedUrl = (f) => `${PUBLIC_BASE}webhook/${f.webhookId}/gong`;
		const fire = (f, kind, opts = {}) => engine.fire(localUrl(f), kind, { signedUrl: signedUrl(f), ...opts });
		const settle = async (f, expected, label) => {
			let last = [];
			await waitFor(`${expected} execution(s) of ${f.id} (${label})`, async () => {
				last = await executionsOf(n8n, flatted, f.id);
				return last.length >= expected && last.every((e) => e.status !== 'running' && e.status !== 'new');
			}, { timeoutMs: 60000, intervalMs: 1000 });
			// nothing more arrives late
			await sleep(2000);
			last = await executionsOf(n8n, flatted, f.id);
			if (last.length !== expected) throw new CheckError(`${label}: ${last.length} executions, expected ${expected}`);
			return last;
		};

		const first = engine.sampleCallData({ id: '7000000000000000101' });
		await check(results, version, 'webhook: a valid signed delivery gets 200 and starts exactly one execution with the call (19-digit id exact)', async () => {
			const r = await fire(FLOWS.dedupe, 'call', { callData: first });
			if (r.status !== 200) throw new CheckError(`status ${r.status}: ${r.body.slice(0, 200)}`);
			const answer = JSON.parse(r.body);
			if (answer.received !== true || answer.callId !== '7000000000000000101') throw new CheckError(`answer ${r.body.slice(0, 200)}`);
			const ex = await settle(FLOWS.dedupe, 1, 'valid delivery');
			const item = ex[0].items[0] || {};
			if (!item.metaData || item.metaData.id !== '7000000000000000101') throw new CheckError(`item ${JSON.stringify(item).slice(0, 300)}`);
			if (item.isTest !== false) throw new CheckError('isTest missing');
			if (ex[0].mode !== 'webhook') throw new CheckError(`mode ${ex[0].mode}`);
		});

		const bad = ['tampered', 'wrong-key', 'wrong-url', 'expired', 'missing-header', 'alg-none', 'hs256'];
		await check(results, version, `webhook: ${bad.join(', ')} each get 401 with a reason and start no execution`, async () => {
			const statuses = [];
			for (const kind of bad) {
				const r = await fire(FLOWS.dedupe, kind);
				statuses.push(`${kind}:${r.status}`);
				if (r.status !== 401) throw new CheckError(`${kind} → ${r.status}: ${r.body.slice(0, 200)}`);
				const reason = JSON.parse(r.body).reason;
				if (!reason) throw new CheckError(`${kind}: no reason`);
				if (r.body.includes('Globex')) throw new CheckError(`${kind}: the answer quotes the body`);
			}
			await settle(FLOWS.dedupe, 1, 'after refused deliveries');
			log(`[${version}] refused: ${statuses.join(' ')}`);
		});

		await check(results, version, 'webhook: a body whose re-serialisation differs (key order, \\u escapes, spaces) verifies against the raw bytes', async () => {
			const r = await fire(FLOWS.dedupe, 'reordered', { callData: engine.sampleCallData({ id: '7000000000000000102' }) });
			if (r.status !== 200) throw new CheckError(`status ${r.status}: ${r.body.slice(0, 200)}`);
			const ex = await settle(FLOWS.dedupe, 2, 'reordered body');
			if (!ex.some((e) => e.items[0] && e.items[0].metaData.id === '7000000000000000102')) throw new CheckError('call not emitted');
		});

		await check(results, version, 'webhook: the same call delivered again starts no second execution (de-duplication on); a test delivery is ignored (Ignore Test Deliveries)', async () => {
			const again = await fire(FLOWS.dedupe, 'call', { callData: first });
			if (again.status !== 200 || !again.body.includes('duplicate')) throw new CheckError(`redelivery → ${again.status} ${again.body.slice(0, 200)}`);
			const test = await fire(FLOWS.dedupe, 'test');
			if (test.status !== 200 || !test.body.includes('test delivery')) throw new CheckError(`test → ${test.status} ${test.body.slice(0, 200)}`);
			await settle(FLOWS.dedupe, 2, 'redelivery + test');
		});

		await check(results, version, 'webhook: with de-duplication off the same call twice starts two executions', async () => {
			await fire(FLOWS.nodedupe, 'call', { callData: first });
			await fire(FLOWS.nodedupe, 'call', { callData: first });
			await settle(FLOWS.nodedupe, 2, 'de-duplication off');
		});

		await check(results, version, 'webhook: Key in URL — right key starts one execution, wrong key gets 401', async () => {
			const wrong = await fire(FLOWS.urlkey, 'url-key', { urlKey: `${URL_KEY}x` });
			if (wrong.status !== 401) throw new CheckError(`wrong key → ${wrong.status}`);
			const right = await fire(FLOWS.urlkey, 'url-key', { urlKey: URL_KEY });
			if (right.status !== 200) throw new CheckError(`right key → ${right.status} ${right.body.slice(0, 200)}`);
			await settle(FLOWS.urlkey, 1, 'key in URL');
		});

		await check(results, version, 'webhook: Add Transcript (readable) + Extended Call Data read the sandbox after the 200 (the answer does not wait for them)', async () => {
			const added = await sb.control.addCalls([{ title: 'E2E webhook call', started: new Date(Date.now() - 3600e3).toISOString() }]);
			const id = added.calls[0].id;
			await sb.control.resetRequests();
			const basic = `Basic ${Buffer.from(`${sb.accessKey}:${sb.accessKeySecret}`).toString('base64')}`;
			const callData = await callDataFromSandbox({ url: sb.url, basicAuthHeader: () => basic }, id);
			// Gong's API answers slowly: the delivery's 200 must not wait for the enrichment.
			await sb.control.configure({ latencyMs: 1500 });
			const sent = Date.now();
			const r = await fire(FLOWS.enrich, 'call', { callData });
			const answeredAt = Date.now();
			if (r.status !== 200) throw new CheckError(`status ${r.status}: ${r.body.slice(0, 200)}`);
			const ex = await settle(FLOWS.enrich, 1, 'enrichment').finally(() => sb.control.configure({ latencyMs: 0 }));
			const stoppedAt = Date.parse(ex[0].stoppedAt);
			if (!(answeredAt < stoppedAt)) throw new CheckError(`Gong got its answer at ${new Date(answeredAt).toISOString()}, after the execution ended (${ex[0].stoppedAt})`);
			log(`[${version}] enrichment delivery answered in ${answeredAt - sent} ms; the execution ended ${stoppedAt - answeredAt} ms later`);
			const item = ex[0].items[0] || {};
			if (ex[0].error) throw new CheckError(`execution failed: ${ex[0].error}`);
			if (!item.transcript || typeof item.transcript.text !== 'string' || !item.transcript.text.includes('] ')) throw new CheckError(`no readable transcript: ${JSON.stringify(item).slice(0, 300)}`);
			if (!item.content || !Array.isArray(item.content.topics)) throw new CheckError('no extended content.topics');
			const paths = (await sb.control.requests()).map((q) => `${q.method} ${q.path}`);
			if (!paths.includes('POST /v2/calls/transcript') || !paths.includes('POST /v2/calls/extensive')) throw new CheckError(`requests: ${paths.join(', ')}`);
		});

		await check(results, version, 'webhook: after a restart of n8n, a redelivery of a call seen before starts no execution (static data)', async () => {
			const stored = async () => {
				const wf = await n8n.rest('GET', `/workflows/${FLOWS.dedupe.id}`, undefined, { expect: 200 });
				return JSON.stringify((wf.data && wf.data.staticData) || null);
			};
			const before = await stored();
			await n8n.stop();
			await n8n.start();
			await n8n.ensureOwner();
			const again = await fire(FLOWS.dedupe, 'call', { callData: first });
			if (again.status !== 200) throw new CheckError(`status ${again.status}`);
			const reordered = await fire(FLOWS.dedupe, 'call', { callData: engine.sampleCallData({ id: '7000000000000000102' }) });
			void reordered;
			const fresh = await fire(FLOWS.dedupe, 'call', { callData: engine.sampleCallData({ id: '7000000000000000103' }) });
			if (fresh.status !== 200) throw new CheckError(`fresh status ${fresh.status}`);
			let ex;
			try {
				ex = await settle(FLOWS.dedupe, 3, 'after restart');
			} catch (e) {
				const all = await executionsOf(n8n, flatted, FLOWS.dedupe.id);
				throw new CheckError(`${e.message}; executions' calls: ${all.map((x) => x.items[0] && x.items[0].metaData.id).join(',')}; static data before the restart: ${before}; now: ${await stored()}`);
			}
			const ids = ex.map((e) => e.items[0] && e.items[0].metaData.id);
			if (!ids.includes('7000000000000000103')) throw new CheckError(`fresh call missing: ${ids.join(',')}`);
		});
	} finally {
		await n8n.stop();
	}
	return { webhookMs: Date.now() - t0 };
}

module.exports = { runWebhookSuite };
