'use strict';
/**
 * Child processes of the e2e runner and `npm run dev`. Every child is started in its own process
 * group (detached) and is stopped by that group's id — never by name — on stop(), on failure and
 * when the parent exits or receives SIGINT/SIGTERM. Output goes to a log file per process.
 */
const { spawn } = require('child_process');
const fs = require('fs');

const live = new Set();

/** Sends a signal to the whole process group of a child (negative pid); ignores "already gone". */
function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		try {
			process.kill(pid, signal);
			return true;
		} catch {
			return false;
		}
	}
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts a command in its own process group.
 *   opts.log      file that receives stdout+stderr (appended); when absent output is kept in memory
 *   opts.onStdout callback(chunk) for stdout (in addition to the log)
 *   opts.timeoutMs   kill the group after this long (the returned `done` rejects with a timeout error)
 */
function start(cmd, args, opts = {}) {
	const logFd = opts.log ? fs.openSync(opts.log, 'a') : null;
	if (logFd !== null) fs.writeSync(logFd, `\n$ ${cmd} ${args.join(' ')}\n`);
	const child = spawn(cmd, args, {
		cwd: opts.cwd,
		env: opts.env || process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const entry = { child, pid: child.pid, name: opts.name || cmd, stdout: '', stderr: '', exited: false, code: null, signal: null };
	live.add(entry);
	const keep = opts.keepOutput !== false;
	const max = 8 * 1024 * 1024;
	child.stdout.on('data', (c) => {
		if (logFd !== null) fs.writeSync(logFd, c);
		if (keep && entry.stdout.length < max) entry.stdout += c.toString('utf8');
		if (opts.onStdout) opts.onStdout(c.toString('utf8'));
	});
	child.stderr.on('data', (c) => {
		if (logFd !== null) fs.writeSync(logFd, c);
		if (keep && entry.stderr.length < max) entry.stderr += c.toString('utf8');
		if (opts.onStderr) opts.onStderr(c.toString('utf8'));
	});
	let timer = null;
	let timedOut = false;
	entry.done = new Promise((resolve, reject) => {
		child.on('error', (e) => {
			entry.exited = true;
			live.delete(entry);
			if (timer) clearTimeout(timer);
			if (logFd !== null) fs.closeSync(logFd);
			reject(e);
		});
		child.on('close', (code, signal) => {
			entry.exited = true;
			entry.code = code;
			entry.signal = signal;
			live.delete(entry);
			if (timer) clearTimeout(timer);
			// the leader is gone: make sure nothing of its group stays behind
			signalGroup(entry.pid, 'SIGKILL');
			if (logFd !== null) {
				try {
					fs.closeSync(logFd);
				} catch {
					/* already closed */
				}
			}
			if (timedOut) {
				const e = new Error(`${entry.name} timed out after ${Math.round(opts.timeoutMs / 1000)} s`);
				e.timedOut = true;
				e.entry = entry;
				reject(e);
			} else resolve(entry);
		});
	});
	// a caller that only uses stop() must not crash the process with an unhandled rejection
	entry.done.catch(() => {});
	if (opts.timeoutMs) {
		timer = setTimeout(() => {
			timedOut = true;
			stop(entry).catch(() => {});
		}, opts.timeoutMs);
	}
	return entry;
}

/** Runs a command to its end; rejects on a non-zero exit (error carries stdout/stderr). */
async function run(cmd, args, opts = {}) {
	const entry = start(cmd, args, opts);
	await entry.done;
	if (entry.code !== 0 && !opts.allowFail) {
		const tail = (s) => s.split('\n').slice(-40).join('\n');
		const e = new Error(`${entry.name} exited with ${entry.code ?? entry.signal}${opts.log ? ` (log: ${opts.log})` : ''}\n${tail(entry.stderr || entry.stdout)}`);
		e.entry = entry;
		throw e;
	}
	return entry;
}

/** SIGTERM to the group, SIGKILL after graceMs; resolves when the leader has exited. */
async function stop(entry, graceMs = 10000) {
	if (!entry || entry.exited) {
		if (entry && entry.pid) signalGroup(entry.pid, 'SIGKILL');
		return;
	}
	signalGroup(entry.pid, 'SIGTERM');
	const killer = setTimeout(() => signalGroup(entry.pid, 'SIGKILL'), graceMs);
	const hardLimit = new Promise((r) => setTimeout(r, graceMs + 5000));
	await Promise.race([entry.done.catch(() => {}), hardLimit]);
	clearTimeout(killer);
	if (groupAlive(entry.pid)) signalGroup(entry.pid, 'SIGKILL');
}

async function stopAll(graceMs) {
	await Promise.all([...live].map((e) => stop(e, graceMs)));
}

/** Synchronous last resort on process exit: SIGKILL every group still alive. */
function killAllSync() {
	for (const e of live) signalGroup(e.pid, 'SIGKILL');
}

let handlersInstalled = false;
/**
 * Stops every child when this process ends: normal exit, uncaught error, SIGINT, SIGTERM, SIGHUP.
 * `onSignal` (optional) runs first, e.g. to print a message.
 */
function installExitHandlers(onSignal) {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAllSync);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, () => {
			if (onSignal) {
				try {
					onSignal(sig);
				} catch {
					/* ignore */
				}
			}
			stopAll(5000).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
		});
	}
}

module.exports = { start, run, stop, stopAll, killAllSync, installExitHandlers, live };
