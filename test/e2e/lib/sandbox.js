'use strict';
/**
 * The Gong sandbox (test/sandbox/cli.js) as a child process on 127.0.0.1, with a small client for
 * its /__sandbox/ control endpoints.
 */
const path = require('path');

const procs = require('./procs');
const { request, waitFor } = require('./util');

const CLI = path.resolve(__dirname, '..', '..', 'sandbox', 'cli.js');

/**
 * Starts the sandbox; resolves {url, accessKey, accessKeySecret, bearerToken, proc, control}.
 * args: extra CLI flags (e.g. ['--no-rate-limit', '--calls', '250']).
 */
async function startSandbox({ port = 0, args = [], logFile } = {}) {
	let line = '';
	let resolveLine;
	const gotLine = new Promise((r) => (resolveLine = r));
	const proc = procs.start(process.execPath, [CLI, '--port', String(port), ...args], {
		name: 'gong-sandbox',
		log: logFile,
		onStdout: (chunk) => {
			line += chunk;
			const nl = line.indexOf('\n');
			if (nl >= 0) resolveLine(line.slice(0, nl));
		},
	});
	const first = await Promise.race([
		gotLine,
		proc.done.then(() => {
			throw new Error(`sandbox exited early: ${proc.stderr}`);
		}),
		new Promise((_, rej) => setTimeout(() => rej(new Error('sandbox did not start within 30 s')), 30000)),
	]).catch(async (e) => {
		await procs.stop(proc);
		throw e;
	});
	const info = JSON.parse(first);
	const control = controlClient(info.url);
	await waitFor('sandbox health', async () => (await control.get('/__sandbox/health')).ok, { timeoutMs: 10000, intervalMs: 200 });
	return { ...info, proc, control, stop: () => procs.stop(proc) };
}

function controlClient(baseUrl) {
	const call = async (method, p, body) => {
		const res = await request(`${baseUrl}${p}`, { method, body });
		if (res.status >= 300) throw new Error(`sandbox ${method} ${p} → ${res.status} ${res.text.slice(0, 300)}`);
		return res.json;
	};
	return {
		get: (p) => call('GET', p),
		post: (p, body) => call('POST', p, body ?? {}),
		/** API requests the sandbox logged (optionally only /v2 paths matching `filter`). */
		async requests(filter) {
			const all = await call('GET', '/__sandbox/requests');
			return all.filter((r) => r.path.startsWith('/v2/') && (!filter || filter(r)));
		},
		resetRequests: () => call('POST', '/__sandbox/reset-requests', {}),
		addCalls: (list) => call('POST', '/__sandbox/calls', list),
		configure: (opts) => call('POST', '/__sandbox/configure', opts),
		failNext: (opts) => call('POST', '/__sandbox/fail-next', opts),
		clearFaults: () => call('POST', '/__sandbox/clear-faults', {}),
		stats: () => call('GET', '/__sandbox/stats'),
	};
}

module.exports = { startSandbox, controlClient };
