/**
 * The sandbox's automation-rule engine (test/sandbox/webhooks.js) and its CLI, checked against the
 * node's own verifier (nodes/GongWebhookTrigger/verify.ts) over real HTTP on 127.0.0.1.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

const { cli, createWebhookEngine } = require('./sandbox/webhooks');
const { verifyGongJwt, parsePublicKey, normaliseUrl, verifyUrlKey } = require('../nodes/GongWebhookTrigger/verify');

interface Received {
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	url: string;
}

let server: http.Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks), url: req.url ?? '' });
			res.statusCode = 204;
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	base = `http://127.0.0.1:${(server.address() as any).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	received.length = 0;
});

function sink() {
	let text = '';
	return { write: (s: string) => (text += s), get text() { return text; } };
}

describe('sandbox webhook engine', () => {
	it('CLI: keygen writes a private key, public-key prints the same public key, fire POSTs a delivery the node verifies', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-wh-'));
		try {
			const out = sink();
			expect(await cli(['keygen', '--out', dir], out)).toBe(0);
			const { privateKeyFile, publicKey } = JSON.parse(out.text);
			expect(fs.existsSync(privateKeyFile)).toBe(true);
			expect((fs.statSync(privateKeyFile).mode & 0o777).toString(8)).toBe('600');
			const pub = sink();
			await cli(['public-key', '--key', privateKeyFile], pub);
			expect(pub.text.trim()).toBe(publicKey);

			const url = `${base}/webhook/abc/gong`;
			const fired = sink();
			expect(await cli(['fire', '--key', privateKeyFile, '--url', url, '--call-id', '9876543210987654321', '--times', '2'], fired)).toBe(0);
			const lines = fired.text.trim().split('\n').map((l) => JSON.parse(l));
			expect(lines).toHaveLength(2);
			expect(lines[0]).toMatchObject({ kind: 'call', callId: '9876543210987654321', isTest: false, status: 204 });
			expect(received).toHaveLength(2);
			expect(received[0].body.equals(received[1].body)).toBe(true);
			const verdict = verifyGongJwt({
				authorization: received[0].headers.authorization,
				rawBody: received[0].body,
				publicKey: parsePublicKey(publicKey),
				acceptedUrls: [normaliseUrl(url)],
				nowSeconds: Math.floor(Date.now() / 1000),
			});
			expect(verdict).toEqual({ ok: true });
			expect(received[0].body.toString()).toContain('"id":9876543210987654321');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('CLI refuses unknown commands and kinds with a usage hint', async () => {
		await expect(cli(['explode'], sink())).rejects.toThrow(/needs --key/);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-wh-'));
		try {
			const out = sink();
			await cli(['keygen', '--out', dir], out);
			const file = JSON.parse(out.text).privateKeyFile;
			await expect(cli(['fire', '--key', file, '--url', base, '--kind', 'nope'], sink())).rejects.toThrow(/unknown delivery kind nope/);
			await expect(cli(['explode', '--key', file], sink())).rejects.toThrow(/unknown webhook command explode/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('fire: every bad kind fails the node\'s verifier, good kinds pass; url-key puts the key in the query', async () => {
		const engine = createWebhookEngine();
		const url = `${base}/webhook/x/gong`;
		const check = (r: Received) =>
			verifyGongJwt({ authorization: r.headers.authorization, rawBody: r.body, publicKey: parsePublicKey(engine.publicKeyPem), acceptedUrls: [normaliseUrl(url)], nowSeconds: Math.floor(Date.now() / 1000) });
		const expectations: Record<string, boolean> = {
			call: true,
			test: true,
			redelivery: true,
			reordered: true,
			tampered: false,
			expired: false,
			future: false,
			'wrong-url': false,
			'wrong-key': false,
			'alg-none': false,
			hs256: false,
			'missing-header': false,
			'no-body-hash': false,
		};
		for (const [kind, ok] of Object.entries(expectations)) {
			received.length = 0;
			const r = await engine.fire(url, kind);
			expect(r.status).toBe(204);
			expect([kind, check(received[0]).ok]).toEqual([kind, ok]);
		}
		received.length = 0;
		await engine.fire(url, 'url-key', { urlKey: 'abc def' });
		expect(received[0].url).toBe('/webhook/x/gong?key=abc%20def');
		expect(received[0].headers.authorization).toBeUndefined();
		expect(verifyUrlKey('abc def', 'abc def')).toEqual({ ok: true });
		expect(JSON.parse((await engine.fire(url, 'test')).delivery.body.toString()).isTest).toBe(true);
	});
});

describe('verifier details', () => {
	it('normalises scheme and host case, default ports and trailing slashes; keeps path case and query', () => {
		expect(normaliseUrl('HTTPS://N8N.Example.COM:443/webhook/A/gong/')).toBe('https://n8n.example.com/webhook/A/gong');
		expect(normaliseUrl('http://h:80/x//')).toBe('http://h/x');
		expect(normaliseUrl('http://h:8080/x?key=1')).toBe('http://h:8080/x?key=1');
		expect(normaliseUrl('https://h/')).toBe('https://h');
		expect(normaliseUrl('ftp://h/x')).toBeUndefined();
		expect(normaliseUrl('not a url')).toBeUndefined();
	});

	it('reads SPKI PEM, PKCS#1 PEM and bare base64 (with line breaks); refuses EC keys and garbage', () => {
		const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
		const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();
		const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
		const b64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
		for (const text of [spki, pkcs1, b64, b64.replace(/(.{64})/g, '$1\n')]) expect(parsePublicKey(text).asymmetricKeyType).toBe('rsa');
		const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
		expect(() => parsePublicKey(ec)).toThrow(/ec key, Gong signs with RSA/);
		expect(() => parsePublicKey('')).toThrow(/empty/);
		expect(() => parsePublicKey('abc$%')).toThrow(/not a valid PEM or base64 RSA public key/);
	});

	it('refuses an exp / iat that is not a number, and tokens without webhook_url', () => {
		const engine = createWebhookEngine();
		const url = 'http://h/x';
		const body = Buffer.from('{}');
		const verify = (token: string) =>
			verifyGongJwt({ authorization: `Bearer ${token}`, rawBody: body, publicKey: parsePublicKey(engine.publicKeyPem), acceptedUrls: [url], nowSeconds: Math.floor(Date.now() / 1000) });
		expect(verify(engine.signBody(body, url))).toEqual({ ok: true });
		expect(verify(engine.signBody(body, url, { exp: 'soon' }))).toEqual({ ok: false, reason: 'JWT exp is not a number' });
		expect(verify(engine.signBody(body, url, { iat: 'x' }))).toEqual({ ok: false, reason: 'JWT iat is not a number' });
		expect(verify(engine.signBody(body, url, { webhook_url: undefined }))).toEqual({ ok: false, reason: 'JWT has no webhook_url claim' });
		expect(verify(engine.signBody(body, url, { exp: Math.floor(Date.now() / 1000) - 30 }))).toEqual({ ok: true }); // within the skew
		expect(verify('a.b')).toEqual({ ok: false, reason: 'Authorization header is not a JWT' });
	});
});
