#!/usr/bin/env node
/**
 * The offline part of n8n's community-package scan (`@n8n/scan-community-package`), run on this
 * checkout and on the tarball `npm pack` makes of it — no registry, no download.
 *
 * The published scanner fetches the package and its provenance-attested source, then lints both
 * legs with one ESLint 9 config (inline `eslint-disable` comments ignored):
 *   source leg:  package.json + {nodes,credentials}/**\/*.{js,ts,json}
 *   tarball leg: **\/*.js + package.json of the unpacked tarball
 * This script uses the scanner's own exported config and file patterns (from the pinned
 * devDependency) and lints the same two legs locally. Unlike the scanner, warnings fail too.
 *
 * Usage: node scripts/scan-tarball.mjs [--source-only] [--tarball FILE] [--source DIR]
 *   --source-only  lint only the source leg (used by `npm run lint`, before a build exists)
 *   --tarball FILE lint an existing .tgz instead of packing the checkout (needs dist/ built)
 *   --tarball-only lint only the tarball leg (`npm test`: its lint step already ran the source leg)
 *   --source DIR   lint DIR as the source leg instead of this checkout (test/scanner.test.ts)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const scannerDir = path.dirname(require.resolve('@n8n/scan-community-package/package.json'));
// The scanner's own ESLint 9 and fast-glob, not the repository's ESLint 8.
const scannerRequire = createRequire(path.join(scannerDir, 'scanner', 'scanner.mjs'));

const args = process.argv.slice(2);
const sourceOnly = args.includes('--source-only');
const tarballOnly = args.includes('--tarball-only');
const tarballArg = args.includes('--tarball') ? args[args.indexOf('--tarball') + 1] : undefined;
const sourceDir = args.includes('--source') ? path.resolve(args[args.indexOf('--source') + 1]) : root;

/**
 * The scanner pins `typescript@7.0.2`, the native compiler package, which has no JavaScript API; the
 * `ts-api-utils` it installs next to it then fails at load time. Inside the scanner's tree, resolve
 * `typescript` to the TypeScript 6 that `@n8n/eslint-plugin-community-nodes` installs for itself
 * (within @typescript-eslint's supported range), so the scanner's rules run unchanged.
 */
function useScannerCompatibleTypeScript() {
	const Module = require('node:module');
	const pluginDir = path.join(scannerDir, 'node_modules', '@n8n', 'eslint-plugin-community-nodes');
	let tsMain;
	try {
		tsMain = createRequire(path.join(pluginDir, 'package.json')).resolve('typescript');
	} catch {
		tsMain = require.resolve('typescript');
	}
	const original = Module._resolveFilename;
	Module._resolveFilename = function (request, parent, ...rest) {
		if (request === 'typescript' && parent?.filename?.startsWith(scannerDir + path.sep)) return tsMain;
		return original.call(this, request, parent, ...rest);
	};
}

async function load() {
	useScannerCompatibleTypeScript();
	// eslint-plugin-n8n-nodes-base switches to fixed test file names when NODE_ENV is "test" (its
	// own test mode); n8n's scanner never runs that way, and jest sets it for child processes.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	// The scanner makes a download directory when it is loaded; have `tmp` remove it at exit.
	scannerRequire('tmp').setGracefulCleanup();
	const scanner = await import(pathToFileURL(path.join(scannerDir, 'scanner', 'scanner.mjs')).href);
	const { ESLint } = await import(pathToFileURL(scannerRequire.resolve('eslint')).href);
	const glob = scannerRequire('fast-glob');
	return { scanner, ESLint, glob };
}

async function lintLeg({ ESLint, glob, scanner }, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (files.length === 0) throw new Error(`no files to lint in ${dir} (${patterns.join(', ')})`);
	const results = await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	return {
		files: files.length,
		errors: results.reduce((n, r) => n + r.errorCount, 0),
		warnings: results.reduce((n, r) => n + r.warningCount, 0),
		text: await formatter.format(results),
	};
}

function packTarball(outDir) {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [{ filename }] = JSON.parse(out);
	return path.join(outDir, path.basename(filename));
}

async function main() {
	const tools = await load();
	const legs = [];
	if (!tarballOnly) legs.push(['source', sourceDir, tools.scanner.SOURCE_FILE_PATTERNS]);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-scan-'));
	try {
		if (!sourceOnly) {
			const tarball = tarballArg ? path.resolve(tarballArg) : packTarball(tmp);
			const unpacked = path.join(tmp, 'package');
			fs.mkdirSync(unpacked);
			execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
			legs.push([`tarball ${path.basename(tarball)}`, unpacked, ['**/*.js', 'package.json']]);
		}
		let failed = false;
		for (const [name, dir, patterns] of legs) {
			const r = await lintLeg(tools, dir, patterns);
			const line = `n8n community scan, ${name}: ${r.files} files, ${r.errors} errors, ${r.warnings} warnings`;
			if (r.errors || r.warnings) {
				failed = true;
				console.error(r.text);
				console.error(line);
			} else console.log(line);
		}
		if (failed) process.exitCode = 1;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
