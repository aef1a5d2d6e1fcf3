'use strict';
/**
 * Gong's automation-rule engine, for the Gong Webhook Trigger: holds an RSA key pair (the
 * "company key" whose public half Gong shows in the rule editor), builds deliveries exactly as
 * Gong documents them — POST, JSON body { callData, isTest }, an Authorization header carrying a
 * JWT signed RS256 with claims webhook_url and body_sha256 — and fires them at a URL.
 * Besides good deliveries it makes the bad ones a receiver must refuse (tampered body, expired
 * token, wrong URL, wrong key, alg none / HS256, no header).
 *
 *   const engine = createWebhookEngine();
 *   engine.publicKeyBase64               // paste into the node's "Gong Public Key"
 *   const d = engine.delivery('call', { url, callData })   // { headers, body (Buffer), callId }
 *   await engine.fire(url, 'call', { callData })           // { status, body, delivery }
 *
 * CLI: node test/sandbox/cli.js webhook --help
 */

const crypto = require('crypto');
const http = require('http');
const https = require('https');

const KINDS = ['call', 'test', 'redelivery', 'tampered', 'expired', 'future', 'wrong-url', 'wrong-key', 'alg-none', 'hs256', 'missing-header', 'no-body-hash', 'reordered', 'url-key'];

const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function newKeyPair() {
	return crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A call as Gong's API returns it (extensive shape), with a 19-digit id kept exact in the JSON text. */
function sampleCallData(opts = {}) {
	const id = String(opts.id ?? `7${crypto.randomInt(100000000, 999999999)}${crypto.randomInt(100000000, 999999999)}`);
	return {
		metaData: {
			id,
			url: `https://app.gong.io/call?id=${id}`,
			title: opts.title ?? 'Acme <> Globex | Discovery',
			scheduled: '2026-03-02T15:00:00Z',
			started: '2026-03-02T15:02:11Z',
			duration: 1860,
			primaryUserId: '2345678901234567890',
			direction: 'Conference',
			system: 'Zoom',
			scope: 'External',
			media: 'Video',
			language: 'eng',
			workspaceId: '5432109876543210987',
			isPrivate: false,
		},
		context: [{ system: 'Salesforce', objects: [{ objectType: 'Account', objectId: '0011630000vmLBaEEN', fields: [{ name: 'Name', value: 'Globex' }] }] }],
		parties: [
			{ id: '1111111111111111111', emailAddress: 'jane@acme.example', name: 'Jane Doe', title: 'AE', userId: '2345678901234567890', speakerId: '6000000000000000001', affiliation: 'Internal', methods: ['Invitee'] },
			{ id: '1111111111111111112', emailAddress: 'bob@globex.example', name: 'Bob Roe', title: 'CTO', speakerId: '6000000000000000002', affiliation: 'External', methods: ['Invitee'] },
		],
		content: { topics: [{ name: 'Pricing', duration: 320 }] },
		interaction: { speakers: [{ id: '1111111111111111111', userId: '2345678901234567890', talkTime: 700 }] },
		collaboration: {},
		media: {},
	};
}

/**
 * JSON text of a delivery with ids (strings of digits longer than 15) written as bare numbers, as
 * Gong's own JSON does; the receiver must read them back as exact strings.
 */
function deliveryJson(callData, isTest) {
	const text = JSON.stringify({ callData, isTest: Boolean(isTest) });
	return text.replace(/"(id|primaryUserId|workspaceId|userId|speakerId)":"(\d{16,20})"/g, '"$1":$2');
}

/** The same JSON, written differently: other key order, unicode escapes, spaces. Same meaning, other bytes. */
function reorderedJson(callData, isTest) {
	const escape = (s) => s.replace(/[a-z]/g, (c) => (c === 'e' ? '\\u0065' : c));
	const meta = callData.metaData;
	const rest = { ...callData };
	delete rest.metaData;
	const metaText = `{ ${Object.keys(meta)
		.reverse()
		.map((k) => `"${k}" : ${typeof meta[k] === 'string' ? `"${escape(meta[k].replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"` : JSON.stringify(meta[k])}`)
		.join(' , ')} }`;
	return `{ "isTest" : ${Boolean(isTest)} , "callData" : { ${Object.entries(rest)
		.map(([k, v]) => `"${k}": ${JSON.stringify(v)}`)
		.join(', ')}, "metaData" : ${metaText} } }`;
}

function signRs256(privateKey, claims, header = { alg: 'RS256', typ: 'JWT' }) {
	const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
	const sig = crypto.createSign('RSA-SHA256').update(input).sign(privateKey);
	return `${input}.${b64url(sig)}`;
}

function createWebhookEngine(options = {}) {
	const pair = options.keyPair ?? newKeyPair();
	const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const publicKeyBase64 = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
	let other;
	let lastCall;
	const now = () => Math.floor((options.now ? options.now() : Date.now()) / 1000);

	/**
	 * Builds one delivery. kind: see KINDS. opts: url (where it is sent; also the signed
	 * webhook_url), callData, callId, isTest, bearer (prefix "Bearer "), urlKey.
	 */
	function delivery(kind, opts = {}) {
		if (!KINDS.includes(kind)) throw new Error(`unknown delivery kind ${kind} (known: ${KINDS.join(', ')})`);
		const url = opts.url;
		if (!url) throw new Error('delivery needs the url it is sent to');
		let callData = opts.callData;
		if (kind === 'redelivery') callData = callData ?? lastCall;
		if (!callData) callData = sampleCallData({ id: opts.callId });
		if (kind !== 'test') lastCall = callData;
		const isTest = kind === 'test' || opts.isTest === true;
		const text = kind === 'reordered' ? reorderedJson(callData, isTest) : deliveryJson(callData, isTest);
		let body = Buffer.from(text, 'utf8');
		const t = now();
		const claims = { webhook_url: url, body_sha256: crypto.createHash('sha256').update(body).digest('hex'), iat: t, exp: t + 300 };
		let token;
		switch (kind) {
			case 'expired':
				claims.iat = t - 3600;
				claims.exp = t - 1800;
				break;
			case 'future':
				claims.iat = t + 3600;
				claims.exp = t + 7200;
				break;
			case 'wrong-url':
				claims.webhook_url = 'https://attacker.example/webhook/other/gong';
				break;
			case 'no-body-hash':
				delete claims.body_sha256;
				break;
			default:
				break;
		}
		if (kind === 'wrong-key') {
			other = other ?? newKeyPair();
			token = signRs256(other.privateKey, claims);
		} else if (kind === 'alg-none') {
			token = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.`;
		} else if (kind === 'hs256') {
			// The classic confusion attack: HMAC keyed with the public key a verifier already holds.
			const input = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
			token = `${input}.${b64url(crypto.createHmac('sha256', publicKeyPem).update(input).digest())}`;
		} else {
			token = signRs256(pair.privateKey, claims);
		}
		if (kind === 'tampered') {
			// Signed, then changed in transit: the title differs, the hash no longer matches.
			body = Buffer.from(text.replace(/"title":"[^"]*"/, '"title":"Tampered"'), 'utf8');
		}
		const headers = { 'Content-Type': 'application/json' };
		if (kind !== 'missing-header' && kind !== 'url-key') headers.Authorization = opts.bearer === false ? token : `Bearer ${token}`;
		let target = url;
		if (kind === 'url-key' || opts.urlKey) target = `${url}${url.includes('?') ? '&' : '?'}key=${encodeURIComponent(opts.urlKey ?? '')}`;
		return { kind, url: target, headers, body, callData, callId: String(callData.metaData?.id ?? ''), isTest, token };
	}

	/** POSTs one delivery; resolves with the answer's status and text (bounded to 64 KB). */
	async function fire(url, kind, opts = {}) {
		const d = delivery(kind, { ...opts, url: opts.signedUrl ?? url });
		const target = opts.urlKey !== undefined || kind === 'url-key' ? `${url}${url.includes('?') ? '&' : '?'}key=${encodeURIComponent(opts.urlKey ?? '')}` : url;
		const answer = await post(target, d.headers, d.body, opts.timeoutMs ?? 30000);
		return { ...answer, delivery: d };
	}

	/** A valid token for any raw body (e.g. a malformed one the receiver must still refuse). */
	function signBody(body, url, extraClaims = {}) {
		const t = now();
		const claims = { webhook_url: url, body_sha256: crypto.createHash('sha256').update(body).digest('hex'), iat: t, exp: t + 300, ...extraClaims };
		return signRs256(pair.privateKey, claims);
	}

	return { publicKeyPem, publicKeyBase64, delivery, fire, signBody, sampleCallData, kinds: KINDS.slice() };
}

function post(url, headers, body, timeoutMs) {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const lib = u.protocol === 'https:' ? https : http;
		const req = lib.request(u, { method: 'POST', headers: { ...headers, 'Content-Length': body.length }, timeout: timeoutMs }, (res) => {
			const chunks = [];
			let size = 0;
			res.on('data', (c) => {
				size += c.length;
				if (size <= 65536) chunks.push(c);
			});
			res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('timeout', () => req.destroy(new Error(`POST ${u.origin}${u.pathname} timed out`)));
		req.on('error', reject);
		req.end(body);
	});
}

/** A call of a running sandbox as Gong would deliver it (parties and CRM context included). */
async function callDataFromSandbox(sandbox, callId) {
	const body = Buffer.from(JSON.stringify({ filter: { callIds: [String(callId)] }, contentSelector: { context: 'Extended', exposedFields: { parties: true } } }));
	const answer = await post(`${sandbox.url}/v2/calls/extensive`, { 'Content-Type': 'application/json', Authorization: sandbox.basicAuthHeader() }, body, 30000);
	if (answer.status !== 200) throw new Error(`sandbox answered ${answer.status} for call ${callId}`);
	// keep ids exact: quote long integers before parsing
	const parsed = JSON.parse(answer.body.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
	return parsed.calls[0];
}

/** A key pair from a private key PEM file's text. */
function keyPairFromPem(pem) {
	const privateKey = crypto.createPrivateKey(pem);
	return { privateKey, publicKey: crypto.createPublicKey(privateKey) };
}

const CLI_USAGE = `usage: node test/sandbox/cli.js webhook <command> [options]
  keygen --out DIR                 new RSA key pair: DIR/gong-webhook-private.pem; prints Gong's public key (base64)
  public-key --key FILE            prints the public key (base64, as Gong's rule editor shows it) of a private key
  fire --key FILE --url URL        POSTs one delivery signed like Gong's "Signed JWT header" and prints the answer
       [--kind ${KINDS.join('|')}]
       [--call-id ID] [--sandbox URL]   the call: a sandbox call as Gong would deliver it (needs --call-id), else a sample
       [--signed-url URL]         webhook_url claim when it differs from --url (e.g. behind a proxy)
       [--url-key KEY]            "URL includes key": appends ?key=KEY
       [--times N]                send the same delivery N times (redeliveries)`;

/** `node test/sandbox/cli.js webhook …` */
async function cli(argv, out = process.stdout) {
	const [command, ...rest] = argv;
	const o = {};
	for (let i = 0; i < rest.length; i++) {
		const a = rest[i];
		if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${CLI_USAGE}`);
		o[a.slice(2)] = rest[i + 1];
		i++;
	}
	const fs = require('fs');
	const path = require('path');
	if (!command || command === '--help' || command === '-h' || command === 'help') {
		out.write(`${CLI_USAGE}\n`);
		return 0;
	}
	if (command === 'keygen') {
		if (!o.out) throw new Error('keygen needs --out DIR');
		fs.mkdirSync(o.out, { recursive: true });
		const pair = newKeyPair();
		const file = path.join(o.out, 'gong-webhook-private.pem');
		fs.writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
		out.write(`${JSON.stringify({ privateKeyFile: file, publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') })}\n`);
		return 0;
	}
	if (!o.key) throw new Error(`${command} needs --key FILE (from "webhook keygen")`);
	const engine = createWebhookEngine({ keyPair: keyPairFromPem(fs.readFileSync(o.key, 'utf8')) });
	if (command === 'public-key') {
		out.write(`${engine.publicKeyBase64}\n`);
		return 0;
	}
	if (command !== 'fire') throw new Error(`unknown webhook command ${command}\n${CLI_USAGE}`);
	if (!o.url) throw new Error('fire needs --url URL (the node\'s Production URL)');
	const kind = o.kind ?? 'call';
	let callData;
	if (o.sandbox) {
		if (!o['call-id']) throw new Error('--sandbox needs --call-id');
		const basic = `Basic ${Buffer.from('sandbox-key:sandbox-secret').toString('base64')}`;
		callData = await callDataFromSandbox({ url: o.sandbox.replace(/\/+$/, ''), basicAuthHeader: () => basic }, o['call-id']);
	} else if (o['call-id']) callData = sampleCallData({ id: o['call-id'] });
	const times = Math.min(Math.max(Number(o.times ?? 1), 1), 100);
	const d = engine.delivery(kind === 'redelivery' ? 'call' : kind, { url: o['signed-url'] ?? o.url, callData, urlKey: o['url-key'] });
	const target = o['url-key'] !== undefined ? `${o.url}${o.url.includes('?') ? '&' : '?'}key=${encodeURIComponent(o['url-key'])}` : o.url;
	for (let i = 0; i < times; i++) {
		const answer = await post(target, d.headers, d.body, 30000);
		out.write(`${JSON.stringify({ kind, callId: d.callId, isTest: d.isTest, status: answer.status, answer: answer.body.slice(0, 500) })}\n`);
	}
	return 0;
}

/**
 * `npm run dev`: gives the imported Gong Webhook Trigger examples the public key of a key pair kept
 * in the dev home (created once) and returns the lines that tell how to fire a delivery at them.
 */
function prepareDevWebhooks(home, workflows, { sandboxUrl, callId }) {
	const fs = require('fs');
	const path = require('path');
	const keyFile = path.join(home, 'gong-webhook-private.pem');
	if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, newKeyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
	const engine = createWebhookEngine({ keyPair: keyPairFromPem(fs.readFileSync(keyFile, 'utf8')) });
	const found = [];
	for (const wf of workflows) {
		for (const node of wf.nodes || []) {
			if (node.type !== 'n8n-nodes-gong.gongWebhookTrigger' || !node.webhookId) continue;
			node.parameters = { ...(node.parameters || {}), publicKey: engine.publicKeyBase64 };
			found.push({ name: wf.name, webhookId: node.webhookId });
		}
	}
	/** The lines to print once n8n's address is known. */
	return (n8nBaseUrl) =>
		found.flatMap(({ name, webhookId }) => [
			`  Gong webhook:  activate "${name}", then fire a signed delivery (Gong's key: ${keyFile}):`,
			`                 node test/sandbox/cli.js webhook fire --key ${keyFile} --url ${n8nBaseUrl}/webhook/${webhookId}/gong --sandbox ${sandboxUrl}${callId ? ` --call-id ${callId}` : ''} [--kind test|tampered|expired|wrong-url] [--times 2]`,
		]);
}

module.exports = { cli, prepareDevWebhooks, keyPairFromPem, createWebhookEngine, sampleCallData, callDataFromSandbox, deliveryJson, KINDS, post };
