#!/usr/bin/env node
'use strict';
/**
 * Runs every examples/*.json in REAL n8n (with n8n's own built-in nodes) against the sandbox, as
 * `npm run dev` imports them:
 *
 *   node test/e2e/examples-real.js [--n8n 2.41.1]      (after npm run build)
 *
 * A temporary n8n user folder gets the packed package, the sandbox credentials and the examples;
 * n8n starts and each example runs as "Execute workflow" in the editor runs it (REST
 * POST /rest/workflows/:id/run from its trigger — `n8n execute` only starts from a Manual
 * Trigger), and must succeed with items from every node (sticky notes aside). Examples whose
 * trigger is a webhook are reported as skipped (a manual run would wait for a webhook call).
 * Exits 1 if any example fails. About 2 minutes once n8n is cached.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const procs = require('./lib/procs');
const cache = require('./lib/cache');
const pack = require('./lib/pack');
const { N8n } = require('./lib/n8n');
const { startSandbox } = require('./lib/sandbox');
const { sandboxCredentials } = require('./lib/workflows');
const { exampleWorkflows } = require('./lib/examples');
const { log, waitFor } = require('./lib/util');

async function main() {
	const argv = process.argv.slice(2);
	const version = argv[0] === '--n8n' ? argv[1] : '2.41.1';
	if (!cache.N8N_VERSIONS[version]) throw new Error(`unsupported n8n version ${version}`);
	procs.installExitHandlers();
	const install = await cache.ensureN8n(version);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-examples-real-'));
	const logDir = path.join(home, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	let failed = 0;
	let sb;
	try {
		const { tarball } = await pack.pack(path.join(home, 'pack'), { logFile: path.join(logDir, 'pack.log') });
		await pack.installIntoUserFolder(home, tarball, { logFile: path.join(logDir, 'package-install.log') });
		sb = await startSandbox({ logFile: path.join(logDir, 'sandbox.log') });
		const n8n = new N8n(install, home, logDir);
		await n8n.importJson('credentials', sandboxCredentials(sb, { requestsPerSecond: 3 }), 'credentials.json');
		const examples = exampleWorkflows((f, why) => log(`skipping examples/${f}: ${why}`));
		await n8n.importJson('workflows', examples.map((e) => e.workflow), 'workflows.json');
		await n8n.start({ timeoutMs: 240000 });
		await n8n.ensureOwner();
		const flatted = require(path.join(path.dirname(install.bin), '..', '..', 'flatted'));
		for (const { file, workflow } of examples) {
			const targets = new Set(Object.values(workflow.connections).flatMap((c) => (c.main || []).flat().filter(Boolean).map((x) => x.node)));
			const trigger = workflow.nodes.find((n) => !targets.has(n.name) && workflow.connections[n.name]);
			if (/webhook/i.test(trigger.type)) {
				process.stdout.write(`skip ${file}: webhook trigger (a manual run waits for a webhook call)\n`);
				continue;
			}
			const started = await n8n.rest('POST', `/workflows/${workflow.id}/run`, { triggerToStartFrom: { name: trigger.name } });
			const executionId = started.data && started.data.executionId;
			let detail;
			if (executionId) {
				await waitFor(
					`execution ${executionId} of ${file}`,
					async () => {
						detail = (await n8n.rest('GET', `/executions/${executionId}`)).data;
						return detail && detail.finished !== undefined && detail.status !== 'running' && detail.status !== 'new';
					},
					{ timeoutMs: 120000, intervalMs: 1000 },
				);
			}
			const raw = detail && detail.data;
			const data = raw ? (typeof raw === 'string' ? flatted.parse(raw) : raw) : {};
			const runData = (data.resultData && data.resultData.runData) || {};
			const error = data.resultData && data.resultData.error;
			const empty = workflow.nodes
				.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')
				.filter((n) => !((runData[n.name] || [])[0]?.data?.main?.[0] || []).length)
				.map((n) => n.name);
			const problem = !executionId
				? `run refused: ${started.status} ${JSON.stringify(started.json).slice(0, 300)}`
				: detail.status !== 'success'
					? `status ${detail.status}${error ? `: ${error.message}` : ''}`
					: empty.length
						? `no items from ${empty.join(', ')}`
						: null;
			if (problem) failed++;
			const counts = Object.entries(runData).map(([name, runs]) => `${name}: ${((runs[0] || {}).data?.main?.[0] || []).length}`);
			process.stdout.write(`${problem ? 'FAIL' : 'ok  '} ${file}${problem ? `: ${problem}` : ''}\n     ${counts.join(' · ')}\n`);
		}
	} finally {
		if (sb) await sb.stop();
		await procs.stopAll(10000);
		if (!failed) fs.rmSync(home, { recursive: true, force: true });
		else process.stdout.write(`logs kept in ${logDir}\n`);
	}
	process.exit(failed ? 1 : 0);
}

main().catch(async (e) => {
	process.stderr.write(`${e.stack || e}\n`);
	await procs.stopAll(10000);
	process.exit(1);
});
