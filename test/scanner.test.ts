/**
 * n8n's community-package scanner, offline (scripts/scan-tarball.mjs with the pinned
 * @n8n/scan-community-package's own config): this checkout's source leg passes with 0 errors and
 * 0 warnings, and the gate really fails on what n8n refuses — shown on a small package with the
 * problems this repository once had (author without email, an OAuth2 constant the
 * no-hardcoded-secrets rule takes for a secret, a raw re-throw, a 'main' literal).
 * `npm test` also runs the tarball leg on the packed package (`npm run scan`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const scan = (...args: string[]) =>
	spawnSync(process.execPath, [path.join(root, 'scripts/scan-tarball.mjs'), '--source-only', ...args], { cwd: root, encoding: 'utf8', timeout: 120000 });

describe('n8n community scanner (offline)', () => {
	test('this checkout: 0 errors, 0 warnings', () => {
		const r = scan();
		expect(r.stderr).toBe('');
		expect(r.stdout).toMatch(/n8n community scan, source: \d+ files, 0 errors, 0 warnings/);
		expect(r.status).toBe(0);
	});

	test('a package with the old problems fails, naming each rule', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-scan-test-'));
		try {
			const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
			pkg.author = { name: 'someone' };
			fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
			fs.mkdirSync(path.join(dir, 'nodes', 'Bad'), { recursive: true });
			fs.writeFileSync(
				path.join(dir, 'nodes', 'Bad', 'helpers.ts'),
				[
					"export const OAUTH2_CREDENTIAL = 'gongCommunityOAuth2Api';",
					'export async function run(f: () => Promise<void>) {',
					'\ttry {',
					'\t\tawait f();',
					'\t} catch (error) {',
					'\t\tthrow error;',
					'\t}',
					'}',
					'',
				].join('\n'),
			);
			const r = scan('--source', dir);
			const out = r.stdout + r.stderr;
			expect(r.status).toBe(1);
			expect(out).toMatch(/valid-author/);
			expect(out).toMatch(/no-hardcoded-secrets/);
			expect(out).toMatch(/require-node-api-error/);
			expect(out).toMatch(/source: \d+ files, [1-9]\d* errors/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
