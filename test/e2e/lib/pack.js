'use strict';
/**
 * Builds and packs the package (`npm run build`, `npm pack`) and installs the tarball into an n8n
 * user folder the way n8n's community-package installer does (n8n 1.123 / 2.x
 * CommunityPackagesService.downloadPackage): unpack into <userFolder>/.n8n/nodes/node_modules/<pkg>,
 * drop devDependencies/peerDependencies/optionalDependencies from its package.json, run
 * `npm install --ignore-scripts --package-lock=false --bin-links=false --install-strategy=shallow`
 * inside it (production dependencies only; n8n-workflow comes from n8n itself through NODE_PATH),
 * and record it in <userFolder>/.n8n/nodes/package.json.
 */
const fs = require('fs');
const path = require('path');

const procs = require('./procs');
const { npmCliPath, npmEnv } = require('./cache');
const { log, sleep, fmtMs } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** `npm run build`, retried a few times: another developer may be mid-edit or rebuilding dist. */
async function build({ logFile, attempts = 4 } = {}) {
	const t0 = Date.now();
	let lastError;
	for (let i = 1; i <= attempts; i++) {
		try {
			await procs.run(process.execPath, [npmCliPath(), 'run', 'build'], { cwd: ROOT, env: npmEnv(), log: logFile, name: 'npm run build', timeoutMs: 5 * 60 * 1000 });
			log(`built the package in ${fmtMs(Date.now() - t0)}`);
			return;
		} catch (e) {
			lastError = e;
			if (i < attempts) {
				log(`build failed (attempt ${i}/${attempts}), retrying in 15 s: ${e.message.split('\n')[0]}`);
				await sleep(15000);
			}
		}
	}
	throw lastError;
}

/** Files named in package.json "n8n" that the tarball must contain. */
function declaredFiles() {
	const n8n = PKG.n8n || {};
	return [...(n8n.nodes || []), ...(n8n.credentials || [])];
}

/** `npm pack` into outDir; checks the declared node/credential files are inside. Returns the tarball path. */
async function pack(outDir, { logFile } = {}) {
	fs.mkdirSync(outDir, { recursive: true });
	const missingInDist = declaredFiles().filter((f) => !fs.existsSync(path.join(ROOT, f)));
	if (missingInDist.length) throw new Error(`package.json "n8n" lists files that the build did not produce: ${missingInDist.join(', ')}`);
	const entry = await procs.run(process.execPath, [npmCliPath(), 'pack', '--json', '--pack-destination', outDir], {
		cwd: ROOT,
		env: npmEnv(),
		log: logFile,
		name: 'npm pack',
		timeoutMs: 2 * 60 * 1000,
	});
	const jsonStart = entry.stdout.indexOf('[');
	const info = JSON.parse(entry.stdout.slice(jsonStart))[0];
	const files = new Set(info.files.map((f) => f.path));
	const missing = declaredFiles().filter((f) => !files.has(f));
	if (missing.length) throw new Error(`the tarball lacks files package.json declares: ${missing.join(', ')}`);
	const leaked = info.files.map((f) => f.path).filter((p) => /^(test|scripts|nodes|credentials)\//.test(p) || /\.test\.js$/.test(p));
	if (leaked.length) throw new Error(`the tarball contains non-production files: ${leaked.slice(0, 5).join(', ')}`);
	return { tarball: path.join(outDir, info.filename), files: info.files.length, size: info.size };
}

/** Installs the tarball as an n8n community package into <userFolder>/.n8n/nodes. */
async function installIntoUserFolder(userFolder, tarball, { logFile } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', PKG.name);
	fs.mkdirSync(nodesDir, { recursive: true });
	const nodesPkgJson = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(nodesPkgJson)) fs.writeFileSync(nodesPkgJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	await procs.run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { log: logFile, name: 'tar', timeoutMs: 60000 });
	const pj = path.join(pkgDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...kept } = JSON.parse(fs.readFileSync(pj, 'utf8'));
	fs.writeFileSync(pj, JSON.stringify(kept, null, 2));
	await procs.run(
		process.execPath,
		[npmCliPath(), 'install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--omit=dev'],
		{ cwd: pkgDir, env: npmEnv(), log: logFile, name: 'npm install (community package)', timeoutMs: 3 * 60 * 1000 },
	);
	const deps = JSON.parse(fs.readFileSync(nodesPkgJson, 'utf8'));
	deps.dependencies = { ...(deps.dependencies || {}), [PKG.name]: kept.version };
	fs.writeFileSync(nodesPkgJson, JSON.stringify(deps, null, 2));
	if (fs.existsSync(path.join(pkgDir, 'node_modules', 'n8n-workflow'))) throw new Error('the community package brought its own n8n-workflow (must come from n8n)');
	return pkgDir;
}

module.exports = { ROOT, PKG, build, pack, installIntoUserFolder, declaredFiles };
