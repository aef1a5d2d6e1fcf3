#!/usr/bin/env node
'use strict';
/**
 * Checks that every way of stopping `npm run dev` takes n8n and the Gong sandbox down:
 *
 *   node test/e2e/dev-stop.js [--ways SIGTERM,SIGINT,SIGHUP,SIGKILL,terminal] [--n8n 2.41.1]
 *
 * For each way: starts `npm run dev -- --port <free port>` (real n8n from the e2e cache; the first
 * use installs it), waits for the banner, records every process below npm and the ports of n8n
 * and the sandbox, sends the signal to the npm process only (what an IDE or a process manager
 * does; SIGKILL = npm dies without a word) — or, for "terminal", runs npm in a pseudo-terminal
 * (util-linux `script`) and closes that terminal (the kernel hangs up its session) — then waits up
 * to 60 s for every recorded process to be gone and both ports to be closed. Prints one line per way and exits 1 if anything stayed behind
 * (which it then kills, by pid). Takes about 1–2 minutes per way (build, pack, n8n start).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const { freePort } = require('./lib/util');

const ROOT = path.resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 15 * 60 * 1000; // the first run installs n8n
const GONE_TIMEOUT_MS = 60 * 1000;
const WAYS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL', 'terminal'];

function parseArgs(argv) {
	const o = { ways: [...WAYS], version: '2.41.1' };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--ways') o.ways = argv[++i].split(',');
		else if (argv[i] === '--n8n') o.version = argv[++i];
		else throw new Error(`unknown argument ${argv[i]}`);
	}
	for (const w of o.ways) if (!WAYS.includes(w)) throw new Error(`unknown way ${w} (known: ${WAYS.join(', ')})`);
	return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every pid below `root` (by /proc ppid links). */
function descendants(root) {
	const children = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(entry));
		} catch {
			/* gone meanwhile */
		}
	}
	const out = [];
	const queue = [root];
	while (queue.length && out.length < 500) {
		for (const c of children.get(queue.shift()) || []) {
			out.push(c);
			queue.push(c);
		}
	}
	return out;
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		// a zombie still answers kill(0): count it as gone
		return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

function portOpen(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(2000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

async function tryWay(way, version) {
	const port = await freePort();
	const started = Date.now();
	const args = ['run', 'dev', '--', '--port', String(port), '--n8n', version];
	// npm in its own process group, like a terminal job or an IDE's child; "terminal": inside a
	// pseudo-terminal of `script`, whose death closes the terminal
	const npm =
		way === 'terminal'
			? spawn('script', ['-qfec', `npm ${args.join(' ')}`, '/dev/null'], { cwd: ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
			: spawn('npm', args, { cwd: ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
	let out = '';
	npm.stdout.on('data', (c) => (out += c));
	npm.stderr.on('data', (c) => (out += c));
	const exited = new Promise((r) => npm.once('exit', r));
	const ready = async () => {
		for (const until = Date.now() + READY_TIMEOUT_MS; Date.now() < until; ) {
			if (/Editor:\s+http/.test(out)) return true;
			if (npm.exitCode !== null) return false;
			await sleep(500);
		}
		return false;
	};
	const result = { way, port };
	if (!(await ready())) {
		result.error = `dev did not start: ${out.split('\n').slice(-15).join('\n')}`;
	} else {
		result.startSeconds = Math.round((Date.now() - started) / 1000);
		const sandboxPort = Number((out.match(/Gong sandbox:\s+http:\/\/127\.0\.0\.1:(\d+)/) || [])[1]);
		const pids = descendants(npm.pid);
		result.processes = pids.length + 1;
		const t = Date.now();
		process.kill(npm.pid, way === 'terminal' ? 'SIGKILL' : way);
		let left = [];
		for (const until = Date.now() + GONE_TIMEOUT_MS; Date.now() < until; ) {
			left = [npm.pid, ...pids].filter(alive);
			const ports = [];
			for (const p of [port, sandboxPort]) if (p && (await portOpen(p))) ports.push(p);
			if (!left.length && !ports.length) break;
			result.openPorts = ports;
			await sleep(500);
		}
		result.stopSeconds = Math.round((Date.now() - t) / 100) / 10;
		if (left.length) {
			result.error = `still running after ${GONE_TIMEOUT_MS / 1000} s: ${left.map((p) => `${p} (${fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 80)})`).join(', ')}`;
			for (const p of left) {
				try {
					process.kill(p, 'SIGKILL');
				} catch {
					/* gone */
				}
			}
		} else if (result.openPorts && result.openPorts.length && (await portOpen(port))) result.error = `port ${port} still open`;
		else delete result.openPorts;
	}
	try {
		process.kill(-npm.pid, 'SIGKILL');
	} catch {
		/* gone */
	}
	await Promise.race([exited, sleep(5000)]);
	return result;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	let failed = 0;
	for (const way of opts.ways) {
		const r = await tryWay(way, opts.version);
		if (r.error) failed++;
		const what = way === 'terminal' ? 'terminal closed' : `${way.padEnd(7)} to npm`;
		process.stdout.write(`${r.error ? 'FAIL' : 'ok  '} ${what}: ${r.error ? r.error : `started in ${r.startSeconds} s, ${r.processes} processes and ports ${r.port} + sandbox gone ${r.stopSeconds} s after the signal`}\n`);
	}
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	process.stderr.write(`${e.stack || e}\n`);
	process.exit(1);
});
