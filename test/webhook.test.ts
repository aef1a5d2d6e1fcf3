/**
 * Gong Webhook Trigger through n8n-core's real WebhookContext + WorkflowExecute (test/harness/webhook.js),
 * with deliveries built by the sandbox's automation-rule engine (test/sandbox/webhooks.js).
 */
import type { IDataObject } from 'n8n-workflow';

const { createSandbox } = require('./sandbox/server');
const { loadSources, sandboxCredentials } = require('./harness');
const { createWebhookHarness } = require('./harness/webhook');
const { createWebhookEngine, callDataFromSandbox } = require('./sandbox/webhooks');
const { GongWebhookTrigger } = require('../nodes/GongWebhookTrigger/GongWebhookTrigger.node');
const { forgetAll } = require('../nodes/GongWebhookTrigger/dedupe');
const { resetPacing } = require('../nodes/shared/transport/pacing');

const TYPE = 'n8n-nodes-gong.gongWebhookTrigger';

let sandbox: any;
let hooks: any;
const engine = createWebhookEngine();

beforeAll(async () => {
	sandbox = await createSandbox({ port: 0 });
	const { nodeTypes, credentialTypes } = loadSources();
	hooks = createWebhookHarness({
		nodeTypes: { ...nodeTypes, [TYPE]: new GongWebhookTrigger() },
		credentialTypes,
		credentials: sandboxCredentials(sandbox),
	});
});
afterAll(async () => {
	await sandbox?.close();
});
beforeEach(() => {
	sandbox.clearRequests();
	resetPacing();
});

const jwt = (extra: IDataObject = {}, options: IDataObject = {}) =>
	hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'jwt', publicKey: engine.publicKeyBase64, options, ...extra } });

function send(wf: any, kind: string, opts: IDataObject = {}) {
	const d = engine.delivery(kind, { url: wf.productionUrl, ...opts });
	return wf.deliver({ headers: d.headers, body: d.body, query: opts.query ?? {}, mode: opts.mode ?? 'webhook' }).then((r: any) => ({ ...r, delivery: d }));
}

describe('Gong Webhook Trigger: signed JWT deliveries', () => {
	it('a valid delivery starts one execution with the call, ids as exact strings, and Gong gets 200', async () => {
		const wf = jwt();
		const callData = engine.sampleCallData({ id: '9123456789012345678' });
		const r = await send(wf, 'call', { callData });
		// the raw body really carries the id as a bare 19-digit number
		expect(r.delivery.body.toString()).toContain('"id":9123456789012345678');
		expect(r.thrown).toBeUndefined();
		expect(r.status).toBe(200);
		expect(r.started).toBe(true);
		expect(r.error).toBeUndefined();
		expect(r.jsonItems).toHaveLength(1);
		const item = r.jsonItems[0];
		expect(item.metaData.id).toBe('9123456789012345678');
		expect(item.metaData.primaryUserId).toBe('2345678901234567890');
		expect(item.parties[1].speakerId).toBe('6000000000000000002');
		expect(item.metaData.title).toBe('Acme <> Globex | Discovery');
		expect(item.isTest).toBe(false);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		// nothing was sent to Gong's API
		expect(sandbox.requests.filter((q: any) => q.path.startsWith('/v2/'))).toHaveLength(0);
	});

	it('accepts the token without "Bearer " and reads the raw body when n8n did not keep it', async () => {
		const wf = jwt();
		const d = engine.delivery('call', { url: wf.productionUrl, bearer: false });
		expect(d.headers.Authorization.startsWith('Bearer')).toBe(false);
		const r = await wf.deliver({ headers: d.headers, body: d.body, rawBodyViaRead: true });
		expect(r.request.reads).toBe(1);
		expect(r.status).toBe(200);
		expect(r.started).toBe(true);
	});

	it('verifies the exact bytes: a body whose re-serialisation differs (key order, unicode escapes, spaces) still verifies', async () => {
		const wf = jwt();
		const callData = engine.sampleCallData({ id: '9000000000000000001' });
		const r = await send(wf, 'reordered', { callData });
		const text = r.delivery.body.toString();
		expect(text).toContain('\\u0065');
		expect(JSON.stringify(JSON.parse(text))).not.toBe(text);
		expect(r.status).toBe(200);
		expect(r.started).toBe(true);
		expect(r.jsonItems[0].metaData.title).toBe('Acme <> Globex | Discovery');
		expect(r.jsonItems[0].metaData.id).toBe('9000000000000000001');
	});

	const refused: Array<[string, RegExp]> = [
		['tampered', /body_sha256/],
		['wrong-key', /signature/],
		['wrong-url', /webhook_url/],
		['expired', /expired/],
		['future', /future/],
		['missing-header', /missing Authorization/],
		['alg-none', /algorithm none/],
		['hs256', /algorithm HS256/],
		['no-body-hash', /no body_sha256/],
	];
	it.each(refused)('%s → 401 with a short reason, no execution, nothing recorded', async (kind, reason) => {
		const wf = jwt();
		const r = await send(wf, kind);
		expect(r.thrown).toBeUndefined();
		expect(r.status).toBe(401);
		expect(r.json.error).toBe('Unauthorized');
		expect(r.json.reason).toMatch(reason);
		expect(r.started).toBe(false);
		expect(r.result).toEqual({ noWebhookResponse: true });
		// nothing of the body is kept: no static data written, the answer quotes nothing of it
		expect(wf.staticData).toEqual({});
		expect(r.body).not.toContain(r.delivery.callId);
		expect(r.body).not.toContain('Globex');
		// the same call, properly signed afterwards, is not taken for a duplicate
		const ok = await send(wf, 'call', { callData: JSON.parse(JSON.stringify(engine.sampleCallData({ id: r.delivery.callId }))) });
		expect(ok.started).toBe(true);
	});

	it('a token for the Production URL also verifies while listening for a test event (manual mode)', async () => {
		const wf = jwt();
		const r = await send(wf, 'call', { mode: 'manual' });
		expect(r.status).toBe(200);
		expect(r.started).toBe(true);
		const viaTestUrl = await wf.deliver({ ...(() => {
			const d = engine.delivery('call', { url: wf.testUrl });
			return { headers: d.headers, body: d.body };
		})(), mode: 'manual' });
		expect(viaTestUrl.started).toBe(true);
		// …but not in production
		const d = engine.delivery('call', { url: wf.testUrl });
		const prod = await wf.deliver({ headers: d.headers, body: d.body });
		expect(prod.status).toBe(401);
	});

	it('Expected Webhook URL replaces the Production URL (proxy rewriting paths); host case and trailing slash do not matter', async () => {
		const wf = jwt({}, { expectedUrl: 'https://N8N.Example.com/hooks/gong/' });
		const r = await send(wf, 'call', { url: 'https://n8n.example.com/hooks/gong' });
		expect(r.status).toBe(200);
		const own = await send(wf, 'call');
		expect(own.status).toBe(401);
	});

	it('a PEM public key works like the bare base64', async () => {
		const wf = hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'jwt', publicKey: engine.publicKeyPem } });
		expect((await send(wf, 'call')).started).toBe(true);
	});

	it('a bad public key fails activation with a clear error and deliveries get 500 without an execution', async () => {
		const wf = hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'jwt', publicKey: 'not a key' } });
		const error = await wf.checkActivation();
		expect(error?.message).toMatch(/Gong Public Key: the public key is not a valid PEM or base64 RSA public key/);
		const r = await send(wf, 'call');
		expect(r.thrown).toBeUndefined();
		expect(r.status).toBe(500);
		expect(r.started).toBe(false);
		expect(await jwt().checkActivation()).toBeUndefined();
	});

	it('a body that is not JSON (but correctly signed) gets 400 and no execution; so does one without callData', async () => {
		const wf = jwt();
		for (const text of ['not json', '{"isTest":false}', '[1,2]']) {
			const body = Buffer.from(text);
			const r = await wf.deliver({ headers: { Authorization: `Bearer ${engine.signBody(body, wf.productionUrl)}` }, body });
			expect(r.thrown).toBeUndefined();
			expect(r.status).toBe(400);
			expect(r.started).toBe(false);
			expect(r.body).not.toContain(text);
		}
	});
});
