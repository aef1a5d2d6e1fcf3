'use strict';
/**
 * Pacing across processes, without n8n: N child processes, each loading the built pacer
 * (dist/nodes/shared/transport/pacing.js) exactly as a queue-mode worker does, send sequential
 * requests (like the pages of a Return All, or the 3 batches of 300 items) to a local server that
 * limits like Gong (sliding one-second window, 3 per second, 429 + Retry-After). It runs the
 * same sequence as `npm run test:queue` (2 processes Return All, then batched, then 2 fresh
 * processes join: 4 × Return All, 4 × batched) plus a lone fresh process, in seconds instead of
 * minutes, so changes to the pacer can be compared over many rounds.
 *
 *   npm run build && node bench/pacing-sim.js [--rounds 3] [--latency 40] [--pages 30]
 *
 * Prints one line per scenario and round and a summary; writes nothing. Binds 127.0.0.1 only.
 * It is a tool for developing the pacer: the figures that count are test:queue's, in real n8n.
 */
const http = require('http');
const path = require('path');
const { fork } = require('child_process');

const LIMIT = 3;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROUNDS = Math.min(50, opt('rounds', 3));
const LATENCY = Math.min(2000, opt('latency', 40));
const PAGES = Math.min(1000, opt('pages', 30));
const BATCHES = 3;
const ONLY = args.includes('--four') ? 'four' : 'all';
// --pacing <file.js>: another build of the pacer, to compare variants
if (args.includes('--pacing')) process.env.PACING_SIM_MODULE = path.resolve(args[args.indexOf('--pacing') + 1]);

// ------------------------------------------------------------------------------------------
// Child: one "worker process" with its own pacer
// ------------------------------------------------------------------------------------------
if (process.env.PACING_SIM_CHILD) {
	const pacing = require(process.env.PACING_SIM_MODULE || path.join(__dirname, '..', 'dist', 'nodes', 'shared', 'transport', 'pacing.js'));
	const agent = new http.Agent({ keepAlive: true });
	const get = (port) =>
		new Promise((resolve, reject) => {
			const req = http.get({ host: '127.0.0.1', port, path: `/r?pid=${process.pid}`, agent }, (res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode, retryAfter: Number(res.headers['retry-after'] || 0) }));
			});
			req.on('error', reject);
			req.setTimeout(30000, () => req.destroy(new Error('timeout')));
		});
	process.on('message', async (job) => {
		if (job.exit) process.exit(0);
		const wait = job.startAt - Date.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const started = Date.now();
		let refused = 0;
		let probeAt = -Infinity;
		const reasons = {};
		const state = () => (pacing.pacingState ? pacing.pacingState('sim') : { share: pacing.pacingShare('sim'), phase: '?' });
		let worstRun = 0;
		for (let i = 0; i < job.requests; i++) {
			let run = 0;
			for (let attempt = 0; attempt < 200; attempt++) {
				await pacing.waitForSlot('sim', LIMIT);
				const before = state();
				const r = await get(job.port);
				if (process.env.PACING_SIM_TRACE) console.log(`${process.pid} ${Date.now() % 100000} ${r.status} share ${before.share} phase ${before.phase}`);
				if (r.status === 429) {
					refused++;
					run++;
					pacing.rateLimited('sim', r.retryAfter * 1000);
					const after = state();
					const kind =
						Date.now() - probeAt < 10000 && after.share > before.share
							? 'probe'
							: after.share > before.share
								? `x2@${before.share}`
								: after.phase !== before.phase
									? 'hop'
									: 'kept';
					reasons[kind] = (reasons[kind] || 0) + 1;
					continue;
				}
				pacing.answered('sim');
				if (state().share < before.share) probeAt = Date.now();
				break;
			}
			worstRun = Math.max(worstRun, run);
		}
		process.send({ reasons, durationMs: Date.now() - started, refused, worstRun, share: pacing.pacingShare('sim') });
	});
	return;
}

// ------------------------------------------------------------------------------------------
// Parent: the Gong-like limiter and the scenarios
// ------------------------------------------------------------------------------------------
const log = [];
let window = [];
const server = http.createServer((req, res) => {
	const now = Date.now();
	window = window.filter((t) => t > now - 1000);
	if (window.length >= LIMIT) {
		log.push([now, 429]);
		res.writeHead(429, { 'Retry-After': String(Math.max(1, Math.ceil((window[0] + 1000 - now) / 1000))) });
		return res.end();
	}
	window.push(now);
	log.push([now, 200]);
	setTimeout(() => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	}, LATENCY);
});

function spawnChild() {
	const child = fork(__filename, [], { env: { ...process.env, PACING_SIM_CHILD: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	return child;
}

function run(child, job) {
	return new Promise((resolve, reject) => {
		child.once('message', resolve);
		child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
		child.send(job);
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function scenario(name, children, requests, port) {
	log.length = 0;
	const startAt = Date.now() + 300;
	const results = await Promise.all(children.map((c) => run(c, { startAt, requests, port })));
	const refused = log.filter((r) => r[1] === 429).length;
	const early = log.filter((r) => r[1] === 429 && r[0] - startAt < 5000).length;
	const answered = log.length - refused;
	const durations = results.map((r) => r.durationMs);
	const span = (Math.max(...log.filter((r) => r[1] === 200).map((r) => r[0])) - startAt) / 1000;
	const line = {
		name,
		requests: log.length,
		refused,
		share429: refused / log.length,
		rate: answered / Math.max(span, 0.001) / LIMIT,
		fairness: Math.max(...durations) / Math.min(...durations),
		worstRun: Math.max(...results.map((r) => r.worstRun)),
		shares: results.map((r) => r.share).join(','),
		reasons: results.reduce((acc, r) => {
			for (const [k, v] of Object.entries(r.reasons)) acc[k] = (acc[k] || 0) + v;
			return acc;
		}, {}),
	};
	console.log(
		`${name.padEnd(16)} requests ${String(line.requests).padStart(4)}  429s ${String(refused).padStart(3)} (${(line.share429 * 100).toFixed(1).padStart(5)} %, ${early} in the first 5 s)  rate ${line.rate.toFixed(2)}  slowest÷fastest ${line.fairness.toFixed(2)}  worst run ${line.worstRun}  shares ${line.shares}  ${JSON.stringify(line.reasons)}`,
	);
	return line;
}

async function main() {
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const port = server.address().port;
	const all = {};
	const add = (l) => (all[l.name] = all[l.name] || []).push(l);
	for (let round = 1; round <= ROUNDS; round++) {
		console.log(`-- round ${round}/${ROUNDS} (latency ${LATENCY} ms, ${PAGES} pages)`);
		if (ONLY === 'four') {
			const four = [spawnChild(), spawnChild(), spawnChild(), spawnChild()];
			await sleep(1500);
			add(await scenario('4 × returnAll', four, PAGES, port));
			for (const k of four) k.kill();
			await sleep(1100);
			continue;
		}
		const lone = [spawnChild()];
		await sleep(300);
		add(await scenario('1 × returnAll', lone, PAGES, port));
		lone[0].kill();
		const kids = [spawnChild(), spawnChild()];
		await sleep(300);
		await sleep(1100);
		add(await scenario('2 × returnAll', kids, PAGES, port));
		await sleep(4000);
		add(await scenario('2 × batched', kids, BATCHES, port));
		kids.push(spawnChild(), spawnChild());
		await sleep(1500);
		add(await scenario('4 × returnAll', kids, PAGES, port));
		await sleep(4000);
		add(await scenario('4 × batched', kids, BATCHES, port));
		for (const k of kids) k.kill();
		await sleep(1100);
	}
	console.log('-- summary (mean over rounds; worst 429 share in brackets)');
	for (const [name, lines] of Object.entries(all)) {
		const mean = (f) => lines.reduce((s, l) => s + f(l), 0) / lines.length;
		const worst = Math.max(...lines.map((l) => l.share429));
		console.log(
			`${name.padEnd(16)} 429s ${(mean((l) => l.share429) * 100).toFixed(1)} % [${(worst * 100).toFixed(1)} %]  rate ${mean((l) => l.rate).toFixed(2)}  slowest÷fastest ${mean((l) => l.fairness).toFixed(2)}`,
		);
	}
	server.close();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
