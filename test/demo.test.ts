/**
 * `npm run demo` (scripts/demo.js on the built dist/): ends by itself with exit code 0 and its
 * closing line, prints no n8n settings-permission warnings, and writes nothing to the user's home
 * (n8n-core's settings go to a temporary folder the demo removes when it exits).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const BOUND_MS = 90_000;

function runDemo(env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'scripts/demo.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		// the bound: a demo that does not end by itself is killed and the test fails on its signal
		const timer = setTimeout(() => child.kill('SIGKILL'), BOUND_MS);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr });
		});
	});
}

describe('the tests\' own n8n-core', () => {
	test('keeps its settings in a temporary user folder, not in ~/.n8n (jest globalSetup)', () => {
		const folder = process.env.N8N_USER_FOLDER ?? '';
		expect(folder.startsWith(os.tmpdir())).toBe(true);
		expect(fs.existsSync(path.join(folder, '.n8n', 'config'))).toBe(true);
		expect(fs.statSync(path.join(folder, '.n8n', 'config')).mode & 0o077).toBe(0);
	});
});

describe('npm run demo', () => {
	test('exits 0 by itself with its closing line, and leaves nothing in HOME or the temp folder', async () => {
		expect(fs.existsSync(path.join(root, 'dist/nodes/Gong/Gong.node.js'))).toBe(true); // run `npm run build` first
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-demo-home-'));
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-demo-tmp-'));
		try {
			const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: tmp };
			delete env.N8N_USER_FOLDER; // what a user's shell has: the demo must isolate itself
			delete env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS;
			const result = await runDemo(env);
			expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
			expect(result.stdout).toMatch(/Call → Get Many, last 30 days \(Return All over every page\)\n {2}[1-9]\d* item\(s\)/);
			expect(result.stdout.trimEnd().split('\n').pop()).toBe('Demo finished: every step ran against the sandbox.');
			expect(result.stdout).not.toMatch(/Permissions 0\d+|too wide|encryption key/i);
			expect(fs.readdirSync(home)).toEqual([]);
			expect(fs.readdirSync(tmp)).toEqual([]);
		} finally {
			fs.rmSync(home, { recursive: true, force: true });
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	});
});
