#!/usr/bin/env node
'use strict';
/**
 * `npm run dev` (= npm run build && node scripts/dev.js): a real n8n with this package, talking to
 * the local Gong sandbox. Usage: see USAGE below (`node scripts/dev.js --help`).
 *
 * Stopping: Ctrl-C (SIGINT), SIGTERM or SIGHUP (closed terminal) to this process or to `npm`, and
 * the death of npm: n8n and the sandbox run in their own process groups, so they are stopped here
 * on every exit path (signal handlers, exit handler, and a watch of the parent processes). npm
 * forwards SIGINT/SIGTERM to its child only; the "dev" script therefore `exec`s this process (no
 * shell in between, which would wait for us instead of passing the signal on). Started through a
 * shell anyway, the shell's death or npm's is noticed by the watch within a second.
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
const { exampleWorkflows } = require('../test/e2e/lib/examples');


const USAGE = `Usage: npm run dev [-- options]      (or: node scripts/dev.js [options] after npm run build)

Starts a real n8n with this package installed as a community package, wired to the local Gong
sandbox, imports the sandbox credentials, a playground workflow and examples/*.json, and runs until
stopped (Ctrl-C, SIGTERM, SIGHUP or closing the terminal stop n8n and the sandbox).

Options:
  --port N           n8n's port (default 5678). If you give --port and it is taken, dev stops with an
                     error; if the default 5678 is taken, dev picks a free port and says so loudly.
  --sandbox-port N   the sandbox's port (default 0: a new free port at every start).
  --n8n VERSION      2.41.1 (default) or 1.123.81; also GONG_DEV_N8N_VERSION.
  --fresh            wipe n8n's data (workflows, executions, owner) of the dev home first.
  --verbose          show n8n's own output.
  -h, --help         this text.

First run: installs n8n into ~/.cache/n8n-nodes-gong-e2e (about 10 minutes, about 3 GB per n8n
version); remove that folder to get the space back.
`;

function parseArgs(argv) {
	const o = { version: process.env.GONG_DEV_N8N_VERSION || '2.41.1', port: 5678, portGiven: false, sandboxPort: 0, fresh: false, verbose: false };
	const number = (i, name) => {
		const v = Number(argv[i]);
		if (!Number.isInteger(v) || v < 0 || v > 65535) throw new Error(`${name} needs a port number (0-65535), got ${argv[i] === undefined ? 'nothing' : JSON.stringify(argv[i])}`);
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n') o.version = argv[++i];
		else if (a === '--port') {
			o.port = number(++i, a);
			o.portGiven = true;
		} else if (a === '--sandbox-port') o.sandboxPort = number(++i, a);
		else if (a === '--fresh') o.fresh = true;
		else if (a === '--verbose') o.verbose = true;
		else if (a === '--help' || a === '-h') o.help = true;
		else throw new Error(`unknown argument ${a}\n\n${USAGE}`);
	}
	if (!o.help && !cache.N8N_VERSIONS[o.version]) throw new Error(`unsupported n8n version ${o.version} (known: ${Object.keys(cache.N8N_VERSIONS).join(', ')})`);
	return o;
}

/** Parent pid of a process (Linux /proc), or null. */
function parentOf(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || null;
	} catch {
		return null;
	}
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/**
 * Calls `onGone` once when the parent changes (it died and this process was re-parented) or when
 * an ancestor up to npm (npm → sh → node) is gone. Polls once a second; the timer does not keep
 * the process alive.
 */
function watchAncestors(onGone) {
	const parent = process.ppid;
	const ancestors = [parent];
	let pid = parent;
	for (let depth = 0; depth < 3; depth++) {
		let comm = '';
		try {
			comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
		} catch {
			break;
		}
		if (/^npm/.test(comm) || !/^(sh|bash|dash|zsh|node)$/.test(comm)) break;
		pid = parentOf(pid);
		if (!pid || pid <= 1) break;
		ancestors.push(pid);
	}
	const timer = setInterval(() => {
		const gone = process.ppid !== parent ? parent : ancestors.find((a) => !alive(a));
		if (gone) {
			clearInterval(timer);
			onGone(gone);
		}
	}, 1000);
	timer.unref();
	return ancestors;
}

async function main() {
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`dev: ${e.message}\n`);
		process.exit(2);
	}
	if (opts.help) {
		process.stdout.write(USAGE);
		process.exit(0);
	}
	let shuttingDown = false;
	procs.installExitHandlers((sig) => {
		shuttingDown = true;
		log(`${sig}: stopping n8n and the Gong sandbox …`);
	});
	watchAncestors((pid) => {
		if (shuttingDown) return;
		shuttingDown = true;
		log(`parent process ${pid} is gone: stopping n8n and the Gong sandbox …`);
		procs.stopAll(5000).finally(() => process.exit(143));
	});
	if (opts.portGiven && opts.port && !(await portFree(opts.port))) {
		process.stderr.write(`dev: port ${opts.port} (--port) is already in use; stop what uses it or choose another --port.\n`);
		process.exit(2);
	}

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
	let portNote = '';
	if (opts.port && (await portFree(opts.port))) n8n.port = opts.port;
	else if (opts.port) {
		portNote = `  ⚠ Port ${opts.port} is in use: n8n runs on port ${n8n.port} instead (choose one with --port N).`;
		process.stderr.write(`\n${portNote}\n\n`);
	}

	await n8n.importJson('credentials', sandboxCredentials(sb, { requestsPerSecond: 3 }), 'credentials.json');
	const wfs = [
		workflow('gongDevPlayground', 'Gong playground (sandbox)', [
			// the sandbox's calls lie in the 90 days before today
			gongNode('Gong', { resource: 'call', operation: 'getMany', fromDateTime: '={{ $now.minus({ days: 30 }).toISO() }}', toDateTime: '={{ $now.toISO() }}', returnAll: false, limit: 10 }),
		]),
		triggerWorkflow('gongDevTrigger01', 'Gong Trigger playground (sandbox, inactive)', { lookbackHours: 24 }),
		...exampleWorkflows((f, why) => log(`skipping examples/${f}: ${why}`)).map((e) => e.workflow),
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
			...(portNote ? [portNote] : []),
			`  Editor:        ${n8n.baseUrl}/`,
			`  Login:         ${OWNER.email} / ${OWNER.password}`,
			`  Playground:    ${n8n.baseUrl}/workflow/gongDevPlayground`,
			`  Credentials:   "${CRED.basic.name}", "${CRED.oauth.name}" → ${sb.url}`,
			`  Gong sandbox:  ${sb.url}  (a new port at every start, or --sandbox-port N; access key ${sb.accessKey} / ${sb.accessKeySecret}; 3 requests/s)`,
			'                 its calls lie in the 90 days before today; the newest started 90 minutes before this start',
			`                 new call: curl -X POST ${sb.url}/__sandbox/calls -H 'Content-Type: application/json' -d '{"title":"Demo call"}'`,
			`  Examples:      ${wfs.length - 2} imported from examples/ (overwritten at every start)`,
			...webhookLines(n8n.baseUrl),
			`  Logs:          ${logDir}`,
			'  Ctrl-C (or SIGTERM / SIGHUP to npm or to this process) stops n8n and the sandbox.',
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
