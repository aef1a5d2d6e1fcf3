'use strict';
/**
 * The e2e suite for one n8n version:
 *  1. CLI: import credentials (Basic + OAuth2 → sandbox) and one workflow per case, run each with
 *     `n8n execute --id … --rawOutput`, check items and the requests the sandbox received.
 *  2. Server: `n8n start` with an activated Gong Trigger workflow (poll every minute); calls added
 *     to the sandbox must be emitted exactly once each (read back through n8n's REST API).
 *  3. Editor: headless Chromium opens the Gong node of a workflow and screenshots its
 *     Resource/Operation dropdowns (while the trigger waits for its next poll).
 */
const fs = require('fs');
const path = require('path');

const { N8n } = require('./n8n');
const { installIntoUserFolder, ROOT } = require('./pack');
const { casesForResources, CheckError } = require('./cases');
const { sandboxCredentials, workflow, triggerWorkflow, gongNode, GONG_TYPE, TRIGGER_TYPE } = require('./workflows');
const { fmtMs, log, sleep, waitFor } = require('./util');

const UI_WORKFLOW_ID = 'gongE2eEditorUi1';
const TRIGGER_WORKFLOW_ID = 'gongE2eTrigger01';

/** runData → { nodeName: { json, binary, error } } */
function nodeOutputs(runData) {
	const out = {};
	for (const [name, runs] of Object.entries(runData || {})) {
		const last = runs[runs.length - 1] || {};
		const main = (last.data && last.data.main) || [];
		const list = main.flatMap((branch) => branch || []);
		out[name] = {
			json: list.map((i) => i.json),
			binary: list.map((i) => i.binary),
			error: last.error ? [last.error.message, last.error.description].filter(Boolean).join(' — ') : undefined,
		};
	}
	return out;
}

/**
 * The resources of the Gong node, to cover every one. Read from the project's dist (the build
 * that was packed): the installed copy cannot be required outside n8n (n8n-workflow comes from n8n).
 */
function installedResources() {
	const file = path.join(ROOT, 'dist', 'nodes', 'Gong', 'actions', 'resources.js');
	delete require.cache[require.resolve(file)];
	return require(file).resources;
}

class Results {
	constructor() {
		this.list = [];
	}

	add(version, name, ok, detail, ms) {
		this.list.push({ version, name, ok, detail, ms });
		const mark = ok ? 'ok  ' : 'FAIL';
		log(`${mark} [n8n ${version}] ${name}${ms !== undefined ? ` (${fmtMs(ms)})` : ''}${ok ? '' : `\n      ${String(detail).split('\n').join('\n      ')}`}`);
	}

	skip(version, name, why) {
		this.list.push({ version, name, ok: null, detail: why });
		log(`skip [n8n ${version}] ${name}: ${why}`);
	}

	get passed() {
		return this.list.filter((r) => r.ok === true).length;
	}

	get failed() {
		return this.list.filter((r) => r.ok === false).length;
	}

	get skipped() {
		return this.list.filter((r) => r.ok === null).length;
	}
}

/** Runs a named check; an exception is a failure with its message. */
async function check(results, version, name, fn) {
	const t0 = Date.now();
	try {
		await fn();
		results.add(version, name, true, '', Date.now() - t0);
		return true;
	} catch (e) {
		results.add(version, name, false, e instanceof CheckError ? e.message : e.stack || e.message, Date.now() - t0);
		return false;
	}
}

/**
 * @param opts { install, sb, fx, tarball, results, artifacts, workRoot, only, skipTrigger, skipUi, ui }
 * Returns timing info.
 */
async function runVersion(opts) {
	const { install, sb, fx, tarball, results, artifacts, workRoot } = opts;
	const version = install.version;
	const timings = {};
	const logDir = path.join(artifacts, `n8n-${version}`);
	fs.rmSync(logDir, { recursive: true, force: true });
	fs.mkdirSync(logDir, { recursive: true });
	const userFolder = path.join(workRoot, `n8n-${version}`);
	fs.rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8n(install, userFolder, logDir);

	// --- package + imports -----------------------------------------------------------------
	let t0 = Date.now();
	const setupOk = await check(results, version, 'install the npm pack tarball as a community package, import credentials', async () => {
		await installIntoUserFolder(userFolder, tarball, { logFile: path.join(logDir, 'package-install.log') });
		await n8n.importJson('credentials', sandboxCredentials(sb), 'credentials.json');
	});
	if (!setupOk) return timings;

	const resources = installedResources();
	const { cases, missing, stale } = casesForResources(fx, resources);
	const selected = opts.only ? cases.filter((c) => opts.only.some((k) => c.key === k || c.resource === k)) : cases;
	const wfs = selected.map((c, i) => workflow(caseWorkflowId(i), `e2e ${c.key}`, c.nodes));
	wfs.push(editorWorkflow());
	if (!opts.skipTrigger) wfs.push(triggerWorkflow(TRIGGER_WORKFLOW_ID, 'e2e Gong Trigger', { lookbackHours: 2 }));
	await check(results, version, `import ${wfs.length} workflows (n8n import:workflow)`, async () => {
		await n8n.importJson('workflows', wfs, 'workflows.json');
	});
	timings.setupMs = Date.now() - t0;

	// --- coverage ------------------------------------------------------------------------------
	await check(results, version, `every resource of the installed node has a workflow (${resources.length} resources)`, async () => {
		if (missing.length) throw new CheckError(`no e2e case for resource(s) ${missing.join(', ')} — add one to test/e2e/lib/cases.js`);
		if (stale.length) log(`note: cases for resources the package no longer has were skipped: ${stale.join(', ')}`);
	});

	// --- CLI executions --------------------------------------------------------------------------
	t0 = Date.now();
	for (let i = 0; i < selected.length; i++) {
		const c = selected[i];
		await check(results, version, `execute: ${c.title}`, async () => {
			await sb.control.resetRequests();
			await sb.control.clearFaults();
			if (c.before) await c.before(sb);
			const exec = await n8n.execute(caseWorkflowId(i));
			const requests = await sb.control.requests();
			if (!exec.run) throw new CheckError(`n8n execute printed no run data (exit ${exec.code}):\n${tailText(exec.stdout + exec.stderr, 25)}`);
			if (!c.expectFailure && !exec.ok) {
				const out = nodeOutputs(exec.runData);
				const failed = Object.entries(out).find(([, o]) => o.error);
				throw new CheckError(`workflow failed${failed ? ` at node "${failed[0]}": ${failed[1].error}` : `: ${JSON.stringify(exec.error || '').slice(0, 500)}`}`);
			}
			c.check(nodeOutputs(exec.runData), { fx, requests, exec, sb, pageSize: opts.pageSize, run: exec.run });
		});
	}
	timings.executeMs = Date.now() - t0;
	timings.executions = selected.length;

	// --- server: trigger + editor ------------------------------------------------------------------
	if (opts.skipTrigger && opts.skipUi) return timings;
	t0 = Date.now();
	try {
		if (!opts.skipTrigger) {
			await check(results, version, 'activate the Gong Trigger workflow (CLI)', async () => {
				const args = n8n.major >= 2 ? ['publish:workflow', `--id=${TRIGGER_WORKFLOW_ID}`] : ['update:workflow', `--id=${TRIGGER_WORKFLOW_ID}`, '--active=true'];
				await n8n.cli(args);
			});
		}
		await sb.control.resetRequests();
		const started = await check(results, version, 'n8n start on 127.0.0.1 with the package loaded; owner set up', async () => {
			await n8n.start();
			await n8n.ensureOwner();
		});
		timings.startMs = Date.now() - t0;
		if (!started) return timings;
		await check(results, version, 'the editor is served both Gong node types and both credential types (/types/*.json)', async () => {
			const nodes = (await n8n.http('GET', '/types/nodes.json', undefined, { expect: 200 })).json;
			const creds = (await n8n.http('GET', '/types/credentials.json', undefined, { expect: 200 })).json;
			const nodeNames = new Set(nodes.map((n) => n.name));
			const credNames = new Set(creds.map((c) => c.name));
			const missing = [GONG_TYPE, TRIGGER_TYPE].filter((n) => !nodeNames.has(n)).concat(['gongCommunityApi', 'gongCommunityOAuth2Api'].filter((c) => !credNames.has(c)));
			if (missing.length) throw new CheckError(`n8n does not serve ${missing.join(', ')} (package not loaded? see ${path.join(logDir, 'server.log')})`);
			const trig = nodes.find((n) => n.name === TRIGGER_TYPE);
			if (!trig.polling || !trig.properties.some((p) => p.name === 'pollTimes')) throw new CheckError('the Gong Trigger is not a polling node with Poll Times');
		});

		const tasks = [];
		if (!opts.skipTrigger) tasks.push(triggerTest(n8n, sb, results, version, timings));
		if (!opts.skipUi) tasks.push(sleep(2000).then(() => opts.ui(n8n, results, version, { workflowId: UI_WORKFLOW_ID, nodeId: EDITOR_NODE_ID, artifacts, timings })));
		await Promise.all(tasks);
	} finally {
		await n8n.stop();
		timings.serverMs = Date.now() - t0;
	}
	return timings;
}

function caseWorkflowId(i) {
	return `gongE2eCase${String(i).padStart(5, '0')}`;
}

const EDITOR_NODE_ID = 'node-editor-gong';
/** A workflow with one Gong node (Call → Get Many) for the editor screenshot. */
function editorWorkflow() {
	const wf = workflow(UI_WORKFLOW_ID, 'e2e editor: Gong node', [
		gongNode('Gong', { resource: 'call', operation: 'getMany', fromDateTime: '2025-01-01T00:00:00Z', toDateTime: '2025-02-01T00:00:00Z', returnAll: false, limit: 5 }),
	]);
	wf.nodes[1].id = EDITOR_NODE_ID;
	return wf;
}

// ---------------------------------------------------------------------------------------------
// Trigger
// ---------------------------------------------------------------------------------------------

/** Calls the trigger emitted, read from n8n's executions of the trigger workflow (REST API). */
async function emittedCalls(n8n, flatted) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: TRIGGER_WORKFLOW_ID }));
	const list = await n8n.rest('GET', `/executions?filter=${filter}&limit=100`, undefined, { expect: 200 });
	const results = (list.data && (list.data.results || list.data)) || [];
	const out = [];
	for (const e of results) {
		const detail = await n8n.rest('GET', `/executions/${e.id}`, undefined, { expect: 200 });
		const raw = detail.data && detail.data.data;
		if (!raw) continue;
		const data = typeof raw === 'string' ? flatted.parse(raw) : raw;
		const runs = (data.resultData && data.resultData.runData && data.resultData.runData['Gong Trigger']) || [];
		const emitted = runs.flatMap((r) => ((r.data && r.data.main && r.data.main[0]) || []).map((i) => i.json));
		out.push({ id: e.id, mode: e.mode, status: e.status, calls: emitted });
	}
	return out;
}

async function triggerTest(n8n, sb, results, version, timings) {
	const flatted = require(path.join(path.dirname(n8n.install.bin), '..', '..', 'flatted'));
	const polls = async () => (await sb.control.requests((r) => r.method === 'GET' && r.path === '/v2/calls')).length;
	const t0 = Date.now();
	let added = [];
	await check(results, version, 'Gong Trigger: first poll on activation remembers existing calls and emits nothing', async () => {
		await waitFor('the first poll of the Gong Trigger at the sandbox', async () => (await polls()) > 0, { timeoutMs: 90000, intervalMs: 1000 });
		await sleep(3000);
		const ex = await emittedCalls(n8n, flatted);
		if (ex.length) throw new CheckError(`expected no execution after the first poll, found ${ex.length} (${ex.map((e) => e.calls.length).join(',')} items)`);
	});
	const addCalls = async (titles) => {
		const started = new Date(Date.now() - 60e3).toISOString();
		const res = await sb.control.addCalls(titles.map((title) => ({ title, started })));
		return res.calls.map((c) => c.id);
	};
	const waitEmitted = async (ids, label) => {
		let last = [];
		await waitFor(
			`the Gong Trigger to emit ${label}`,
			async () => {
				last = await emittedCalls(n8n, flatted);
				const seen = new Set(last.flatMap((e) => e.calls.map((c) => String(c.id))));
				return ids.every((id) => seen.has(id));
			},
			{ timeoutMs: 150000, intervalMs: 3000 },
		);
		return last;
	};
	await check(results, version, 'Gong Trigger: 3 new calls are emitted by the next poll (every minute)', async () => {
		added = await addCalls(['E2E trigger call A', 'E2E trigger call B', 'E2E trigger call C']);
		const ex = await waitEmitted(added, 'calls A, B, C');
		const items = ex.flatMap((e) => e.calls);
		if (items.length !== 3) throw new CheckError(`emitted ${items.length} items: ${items.map((c) => c.title).join(', ')}`);
	});
	await check(results, version, 'Gong Trigger: 2 more calls later are emitted once; earlier calls are not repeated', async () => {
		const more = await addCalls(['E2E trigger call D', 'E2E trigger call E']);
		const before = await polls();
		const ex = await waitEmitted(more, 'calls D, E');
		// wait until the poll that emitted D/E has been followed by nothing else: every id once
		const ids = ex.flatMap((e) => e.calls.map((c) => String(c.id)));
		const counts = ids.reduce((m, id) => m.set(id, (m.get(id) || 0) + 1), new Map());
		const dup = [...counts].filter(([, n]) => n > 1);
		if (dup.length) throw new CheckError(`emitted more than once: ${dup.map(([id, n]) => `${id}×${n}`).join(', ')}`);
		const all = [...added, ...more];
		const extra = ids.filter((id) => !all.includes(id));
		if (extra.length) throw new CheckError(`emitted calls nobody added: ${extra.join(', ')}`);
		if (ids.length !== all.length) throw new CheckError(`emitted ${ids.length} calls, expected ${all.length}`);
		if ((await polls()) <= before) throw new CheckError('no poll happened after D and E were added');
		const modes = [...new Set(ex.map((e) => e.mode))];
		if (!modes.every((m) => m === 'trigger')) throw new CheckError(`execution modes ${modes.join(',')}`);
	});
	timings.triggerMs = Date.now() - t0;
}

function tailText(s, n) {
	return String(s || '').split('\n').slice(-n).join('\n');
}

module.exports = { runVersion, Results, check, nodeOutputs, installedResources, ROOT, UI_WORKFLOW_ID, EDITOR_NODE_ID };
