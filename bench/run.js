'use strict';
/**
 * Benchmark: the built package (dist/, loaded like n8n loads a community package) run through
 * n8n-core's engine against the Gong sandbox with Gong's real rate limit (3 requests/s), each
 * scenario beside a naive baseline (bench/naive.js: one request per page/item, no pacing, retry
 * only after 429). Every scenario runs in its own child process (bench/worker.js) so peak RSS
 * and pacing state are its own; the sandbox (and its request log) lives here.
 *
 *   npm run bench            (builds, then runs; ≈ 4 minutes, most of it the naive baseline)
 *
 * Writes bench/RESULTS.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const { createSandbox } = require('../test/sandbox/server');

const LIMIT = { perSecond: 3, perDay: 100000 };
const CALLS = 3000;
const ITEMS = 300;

function runWorker(job) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'worker.js')], {
			env: { ...process.env, BENCH_JOB: JSON.stringify(job) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (err += c));
		child.on('exit', (code) => {
			if (code !== 0) return reject(new Error(`worker ${job.impl}/${job.scenario} exited ${code}: ${err.trim().split('\n').slice(-5).join('\n')}`));
			try {
				resolve(JSON.parse(out.trim().split('\n').pop()));
			} catch (e) {
				reject(new Error(`worker ${job.impl}/${job.scenario}: bad output ${out.slice(0, 300)}`));
			}
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sustained rate of answered requests (first to last), requests per second. */
function sustainedRate(log) {
	const ok = log.filter((r) => r.status !== 429 && r.path.startsWith('/v2/'));
	if (ok.length < 2) return NaN;
	return (ok.length - 1) / ((ok[ok.length - 1].time - ok[0].time) / 1000);
}

async function scenario(sb, impl, name, ids, packageRoot) {
	sb.configure({ rateLimit: LIMIT }); // fresh limiter window
	await sleep(1100);
	sb.clearRequests();
	const result = await runWorker({ impl, scenario: name, url: sb.url, ids, packageRoot });
	const log = sb.requests.filter((r) => r.path.startsWith('/v2/'));
	const stats = sb.stats();
	return {
		impl,
		name,
		wallMs: result.wallMs,
		items: result.items,
		distinct: result.distinct,
		keys: result.keys,
		requests: log.length,
		answered: log.filter((r) => r.status !== 429).length,
		served429: stats.rateLimited,
		rate: sustainedRate(log),
		peakRssMb: result.peakRss / 1048576,
		rssBeforeMb: result.rssBefore / 1048576,
	};
}

function check(label, run, expectedKeys) {
	const keys = [...run.keys].sort();
	const expected = [...expectedKeys].sort();
	const same = keys.length === expected.length && keys.every((k, i) => k === expected[i]);
	if (!same) throw new Error(`${label}: ${run.items} items (${run.distinct} distinct) instead of ${expected.length}`);
}

const fmt = {
	s: (ms) => `${(ms / 1000).toFixed(1)} s`,
	n: (v) => String(v),
	r: (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a'),
	mb: (v) => `${v.toFixed(0)} MB`,
	ratio: (a, b) => (b > 0 && Number.isFinite(a / b) ? `${Number((a / b).toPrecision(2))}×` : a === 0 && b === 0 ? '—' : 'n/a'),
};

async function main() {
	const root = path.join(__dirname, '..');
	const distNode = path.join(root, 'dist', 'nodes', 'Gong', 'Gong.node.js');
	if (!fs.existsSync(distNode)) throw new Error('dist/ missing: run `npm run bench` (it builds first)');
	// A snapshot of the built package, so a rebuild of dist/ during the run does not disturb it.
	const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gong-bench-'));
	fs.cpSync(path.join(root, 'dist'), path.join(snapshot, 'dist'), { recursive: true });
	fs.copyFileSync(path.join(root, 'package.json'), path.join(snapshot, 'package.json'));
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(snapshot, 'node_modules'), 'dir');
	const started = new Date();
	const sb = await createSandbox({ port: 0, rateLimit: LIMIT, seed: { calls: CALLS, users: 40 }, pageSize: 100 });
	try {
		const allIds = sb.state.calls.map((c) => c.id);
		const ids = allIds.slice(0, ITEMS);
		const runs = {};
		for (const [name, label, expected] of [
			['returnAll', `Return All of ${CALLS} calls (Call → Get Many, 100 per page)`, allIds],
			['callGet', `${ITEMS} input items → Call → Get`, ids],
			['transcripts', `${ITEMS} input items → Call → Get Transcripts`, ids],
		]) {
			for (const impl of ['node', 'naive']) {
				process.stdout.write(`${label} — ${impl === 'node' ? 'this package' : 'naive baseline'} … `);
				const run = await scenario(sb, impl, name, ids, snapshot);
				check(`${impl} ${name}`, run, expected);
				process.stdout.write(`${fmt.s(run.wallMs)}, ${run.requests} requests, ${run.served429} × 429, peak RSS ${fmt.mb(run.peakRssMb)}\n`);
				runs[`${impl}:${name}`] = { ...run, label };
			}
		}
		writeResults(runs, started);
	} finally {
		await sb.close();
		fs.rmSync(snapshot, { recursive: true, force: true });
	}
}

function writeResults(runs, started) {
	const cpus = os.cpus();
	const machine = `${os.type()} ${os.release()} (${os.arch()}), ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}, ${Math.round(os.totalmem() / 1073741824)} GB RAM, Node.js ${process.version}`;
	const row = (scenario, metric, ours, naive, ratio) => `| ${scenario} | ${metric} | ${ours} | ${naive} | ${ratio} |`;
	const lines = [
		'# Benchmark results',
		'',
		`Run: ${started.toISOString().slice(0, 10)} (${started.toISOString()}) · Machine: ${machine}`,
		'',
		'`npm run bench` (bench/run.js): the built package (dist/, loaded as n8n loads a community package) run through',
		"n8n-core's WorkflowExecute against the local Gong sandbox with Gong's real limit of **3 requests per second**",
		"(per day: 100,000 for the run), the credential's default Requests per Second of 3. The naive baseline",
		'(bench/naive.js) is a plain HTTP client doing what a straightforward node does: one request per page or per',
		'input item, no pacing, retry only after a 429 (waiting Retry-After). Each scenario runs in its own child',
		'process (peak RSS = that process, including n8n-core and the package; the naive client loads neither).',
		'Every run was checked: all records present, none repeated. Ratio = this package ÷ naive (lower is better',
		'for time, requests and 429s).',
		'',
		'| Scenario | Metric | This package | Naive baseline | Ratio |',
		'|---|---|---|---|---|',
	];
	for (const name of ['returnAll', 'callGet', 'transcripts']) {
		const a = runs[`node:${name}`];
		const b = runs[`naive:${name}`];
		const label = a.label;
		lines.push(row(label, 'wall time', fmt.s(a.wallMs), fmt.s(b.wallMs), fmt.ratio(a.wallMs, b.wallMs)));
		lines.push(row(label, 'requests sent (incl. refused)', fmt.n(a.requests), fmt.n(b.requests), fmt.ratio(a.requests, b.requests)));
		lines.push(row(label, '429s served by Gong', fmt.n(a.served429), fmt.n(b.served429), fmt.ratio(a.served429, b.served429)));
		if (name === 'returnAll') {
			lines.push(row(label, 'sustained rate ÷ limit (answered req/s ÷ 3)', fmt.r(a.rate / LIMIT.perSecond), fmt.r(b.rate / LIMIT.perSecond), fmt.ratio(a.rate, b.rate)));
		}
		lines.push(row(label, 'records returned', fmt.n(a.items), fmt.n(b.items), fmt.ratio(a.items, b.items)));
		if (name !== 'callGet') {
			lines.push(row(label, 'peak RSS of the process', fmt.mb(a.peakRssMb), fmt.mb(b.peakRssMb), fmt.ratio(a.peakRssMb, b.peakRssMb)));
			const growthA = a.peakRssMb - a.rssBeforeMb;
			const growthB = b.peakRssMb - b.rssBeforeMb;
			lines.push(row(label, 'RSS growth during the run (peak − before)', fmt.mb(growthA), fmt.mb(growthB), fmt.ratio(growthA, growthB)));
		}
	}
	const ours = runs['node:returnAll'];
	lines.push(
		'',
		'Notes',
		'',
		`- Return All is bound by the limit itself: ${ours.answered} pages at 3/s take ≈ 10 s whatever the client does. The package`,
		'  paces requests 1/rate × 1.03 apart (shared by every item, page and execution using the credential) and keeps the',
		'  first request after a pause 150 ms further from the one a window later, so Gong does not have to refuse any; the',
		'  naive client bursts, is refused, sleeps a whole Retry-After second, and spends extra requests (and quota) on 429s.',
		'- Item-wise reads are batched: 100 ids per POST /v2/calls/extensive, /v2/calls/transcript or /v2/users/extensive,',
		'  so 300 items cost 3 requests (≈ 1 s of quota) instead of 300 (≈ 100 s at 3/s, and 300 of the 10,000 daily requests).',
		`- RSS before the run (modules loaded): this package ${fmt.mb(ours.rssBeforeMb)}, naive ${fmt.mb(runs['naive:returnAll'].rssBeforeMb)}.`,
		'  Most of the package process is n8n-core itself; the difference in peak RSS is the engine, not the records.',
		'',
	);
	// keep the queue-mode section that npm run test:queue (test/queue/run.js) writes into the same file
	const file = path.join(__dirname, 'RESULTS.md');
	const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const a = previous.indexOf('<!-- queue-mode:start -->');
	const b = previous.indexOf('<!-- queue-mode:end -->');
	const queueSection = a >= 0 && b > a ? `\n${previous.slice(a, b + '<!-- queue-mode:end -->'.length)}\n` : '';
	fs.writeFileSync(file, lines.join('\n') + queueSection);
	process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exit(1);
});
