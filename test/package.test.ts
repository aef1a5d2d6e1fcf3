/**
 * The package as n8n's community-package scanner and loader see it: package.json rules, source
 * rules (allowed imports, forbidden globals), the built dist/ loaded by n8n-core's
 * PackageDirectoryLoader, and the files `npm pack` would publish.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const { loadPackage } = require('./harness');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const p = path.join(dir, d.name);
		if (d.isDirectory()) return sourceFiles(p);
		return p.endsWith('.ts') ? [p] : [];
	});
}

describe('package.json', () => {
	test('is a community node package n8n accepts', () => {
		expect(pkg.name).toBe('n8n-nodes-gong');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.dependencies ?? {}).toEqual({});
		for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) expect(pkg.scripts[script]).toBeUndefined();
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.n8n.nodes).toEqual(['dist/nodes/Gong/Gong.node.js', 'dist/nodes/GongTrigger/GongTrigger.node.js', 'dist/nodes/GongWebhookTrigger/GongWebhookTrigger.node.js']);
		expect(pkg.n8n.credentials).toEqual(['dist/credentials/GongCommunityApi.credentials.js', 'dist/credentials/GongCommunityOAuth2Api.credentials.js']);
	});

	test('n8n-core and n8n-workflow are an exactly pinned dev pair', () => {
		const dev = pkg.devDependencies;
		expect(dev['n8n-core']).toMatch(/^\d+\.\d+\.\d+$/);
		expect(dev['n8n-workflow']).toMatch(/^\d+\.\d+\.\d+$/);
		const corePkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/n8n-core/package.json'), 'utf8'));
		expect(corePkg.dependencies['n8n-workflow']).toBe(dev['n8n-workflow']);
	});
});

describe('source rules of the community-package scanner', () => {
	const files = [...sourceFiles(path.join(root, 'nodes')), ...sourceFiles(path.join(root, 'credentials'))];
	const allowed = /^(n8n-workflow|luxon|crypto|node:crypto|lodash(\/.*)?|\.{1,2}\/.*)$/;

	test('nodes/ and credentials/ import only n8n-workflow, luxon, crypto and their own files', () => {
		const bad: string[] = [];
		for (const file of files) {
			const text = fs.readFileSync(file, 'utf8');
			for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
				const spec = m[1] ?? m[2] ?? m[3];
				if (!allowed.test(spec)) bad.push(`${path.relative(root, file)}: ${spec}`);
			}
		}
		expect(bad).toEqual([]);
	});

	test('no forbidden globals (timers, process, globalThis, file names, env)', () => {
		const bad: string[] = [];
		const forbidden = /\b(setTimeout|setInterval|setImmediate|globalThis|process\.|__dirname|__filename|require\(['"]fs['"]\))/;
		for (const file of files) {
			fs.readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					const code = line.replace(/\/\/.*$/, '');
					if (forbidden.test(code)) bad.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
				});
		}
		expect(bad).toEqual([]);
	});

	test('no eslint-disable of rules outside eslint-plugin-n8n-nodes-base', () => {
		const bad: string[] = [];
		for (const file of files) {
			for (const m of fs.readFileSync(file, 'utf8').matchAll(/eslint-disable[\w-]*\s+([^\s*]+)/g)) {
				if (!m[1].startsWith('n8n-nodes-base/')) bad.push(`${path.relative(root, file)}: ${m[0]}`);
			}
		}
		expect(bad).toEqual([]);
	});
});

describe('built package', () => {
	test('n8n-core\'s PackageDirectoryLoader loads every node and credential from dist/', async () => {
		expect(fs.existsSync(path.join(root, 'dist/nodes/Gong/Gong.node.js'))).toBe(true);
		const { loader, nodeTypes, credentialTypes } = await loadPackage(root);
		expect(loader.packageName).toBe('n8n-nodes-gong');
		expect(Object.keys(nodeTypes).sort()).toEqual(['n8n-nodes-gong.gong', 'n8n-nodes-gong.gongTrigger', 'n8n-nodes-gong.gongWebhookTrigger']);
		expect(Object.keys(credentialTypes).sort()).toEqual(['gongCommunityApi', 'gongCommunityOAuth2Api']);
		const gong = nodeTypes['n8n-nodes-gong.gong'];
		expect(gong.description.usableAsTool).toBe(true);
		const trigger = nodeTypes['n8n-nodes-gong.gongTrigger'];
		expect(trigger.description.polling).toBe(true);
		expect(trigger.description.usableAsTool).toBeFalsy();
		// Icons and codex files are copied next to the compiled code.
		for (const file of ['dist/nodes/Gong/gong.svg', 'dist/nodes/Gong/gong.dark.svg', 'dist/nodes/Gong/Gong.node.json', 'dist/credentials/gong.svg']) {
			expect(fs.existsSync(path.join(root, file))).toBe(true);
		}
		expect(loader.known.nodes.gong.sourcePath).toBe('dist/nodes/Gong/Gong.node.js');
	});

	test('npm pack publishes dist/ only (plus package.json, README, LICENSE, index.js, which npm always adds)', () => {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
		const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
		const outside = files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'index.js'].includes(f));
		expect(outside).toEqual([]);
		expect(files.some((f) => /(^|\/)test\/|\.test\.|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toBe(false);
		expect(files).toContain('dist/nodes/Gong/Gong.node.js');
		expect(files.filter((f) => f.endsWith('.tsbuildinfo'))).toEqual([]);
	});
});
