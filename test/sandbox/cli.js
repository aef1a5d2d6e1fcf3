#!/usr/bin/env node
'use strict';
/**
 * Starts the Gong sandbox from the command line:
 *   node test/sandbox/cli.js [--port N] [--calls N] [--users N] [--from ISO --to ISO] [--rate 3] [--no-rate-limit] [--page-size N] [--latency MS]
 * Calls lie in the 90 days before today unless --from/--to give the period.
 * Prints one JSON line {"url", "accessKey", "accessKeySecret", "bearerToken"} to stdout and runs
 * until SIGTERM/SIGINT. Rate limiting is on by default here (Gong's 3/s, 10,000/day).
 *   node test/sandbox/cli.js webhook --help     fires signed Gong webhook deliveries (test/sandbox/webhooks.js)
 */

const { createSandbox } = require('./server');

function parseArgs(argv) {
	const out = { port: 0, rateLimit: { perSecond: 3, perDay: 10000 }, seed: {} };
	const num = (i, name) => {
		const v = Number(argv[i + 1]);
		if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--port') out.port = num(i++, a);
		else if (a === '--calls') out.seed.calls = num(i++, a);
		else if (a === '--users') out.seed.users = num(i++, a);
		else if (a === '--from' || a === '--to') {
			const v = argv[++i];
			if (!v || Number.isNaN(Date.parse(v))) throw new Error(`${a} needs an ISO date-time`);
			out.seed[a.slice(2)] = v;
		} else if (a === '--rate') out.rateLimit = { ...(out.rateLimit || { perDay: 10000 }), perSecond: num(i++, a) };
		else if (a === '--no-rate-limit') out.rateLimit = false;
		else if (a === '--page-size') out.pageSize = num(i++, a);
		else if (a === '--latency') out.latencyMs = num(i++, a);
		else if (a === '--help' || a === '-h') {
			process.stderr.write('usage: node test/sandbox/cli.js [--port N] [--calls N] [--users N] [--from ISO --to ISO] [--rate N] [--no-rate-limit] [--page-size N] [--latency MS]\n');
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	return out;
}

async function main() {
	// `cli.js webhook …`: Gong's automation-rule engine (signed webhook deliveries), see webhooks.js
	if (process.argv[2] === 'webhook') {
		try {
			process.exit(await require('./webhooks').cli(process.argv.slice(3)));
		} catch (e) {
			process.stderr.write(`${e.message}\n`);
			process.exit(2);
		}
	}
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`${e.message}\n`);
		process.exit(2);
	}
	// handlers first, so a signal during start-up also ends the process cleanly
	let sb = null;
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		if (sb) await sb.close();
		process.exit(0);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	sb = await createSandbox(options);
	if (stopping) return sb.close();
	const c = sb.credentials();
	process.stdout.write(`${JSON.stringify({ url: sb.url, accessKey: c.accessKey, accessKeySecret: c.accessKeySecret, bearerToken: c.bearerToken })}\n`);
}

main().catch((e) => {
	process.stderr.write(`${e && e.stack}\n`);
	process.exit(1);
});
