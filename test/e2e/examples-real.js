#!/usr/bin/env node
'use strict';
/**
 * Runs every examples/*.json in REAL n8n (with n8n's own built-in nodes) against the sandbox, as
 * `npm run dev` imports them:
 *
 *   node test/e2e/examples-real.js [--n8n 2.41.1]      (after npm run build)
 *
 * A temporary n8n user folder gets the packed package, the sandbox credentials and the examples;
 * each example runs with `n8n execute --id` and must succeed with items from every node
 * (sticky notes aside). Examples whose trigger is a webhook are reported as skipped (n8n execute
 * cannot wait for a webhook). Exits 1 if any example fails. About 1–2 minutes once n8n is cached.
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
const { log } = require('./lib/util');

async function main() {
	const argv = process.argv.slice(2);
	const version = argv[0] === '--n8n' ? argv[1] : '2.41.1';
	if (!cache.N8N_VERSIONS[version]) throw new Error(`unsupported n8n version ${version}`);
	procs.installExitHandlers();
	const install = await cache.ensureN8n(version);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-examples-real-'));
	const logDir = path.join(home, 'logs');
	let failed = 0;
	let sb;
	try {
		const { tarball } = await pack.pack(home, { logFile: path.join(logDir, 'pack.log') });
		await pack.installIntoUserFolder(home, tarball, { logFile: path.join(logDir, 'package-install.log') });
		sb = await startSandbox({ logFile: path.join(logDir, 'sandbox.log') });
		const n8n = new N8n(install, home, logDir);
		await n8n.importJson('credentials', sandboxCredentials(sb, { requestsPerSecond: 3 }), 'credentials.json');
		const examples = exampleWorkflows((f, why) => log(`skipping examples/${f}: ${why}`));
		await n8n.importJson('workflows', examples.map((e) => e.workflow), 'workflows.json');
		for (const { file, workflow } of examples) {
			if (workflow.nodes.some((n) => /webhook/i.test(n.type))) {
				process.stdout.write(`skip ${file}: webhook trigger (n8n execute cannot wait for a webhook)\n`);
				continue;
			}
			const r = await n8n.execute(workflow.id);
			const runData = r.runData || {};
			const empty = workflow.nodes
				.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')
				.filter((n) => !((runData[n.name] || [])[0]?.data?.main?.[0] || []).length)
				.map((n) => n.name);
			const problem = !r.ok ? `n8n execute exited ${r.code}: ${r.error ? r.error.message : (r.stderr || r.stdout).split('\n').slice(-8).join(' | ')}` : empty.length ? `no items from ${empty.join(', ')}` : null;
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
