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
		expect(r.json).toEqual({ received: true, isTest: false, callId: '9123456789012345678' });
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

describe('Gong Webhook Trigger: key in URL and none', () => {
	const KEY = 'k3y-0123456789abcdef0123456789';
	const keyed = () => hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'urlKey', urlKey: KEY } });

	it('the right key starts the execution; a wrong or missing key gets 401 and none', async () => {
		const wf = keyed();
		const ok = await send(wf, 'url-key', { query: { key: KEY } });
		expect(ok.status).toBe(200);
		expect(ok.started).toBe(true);
		for (const query of [{ key: `${KEY}x` }, { key: KEY.slice(0, -1) }, {}, { key: '' }]) {
			const r = await send(wf, 'url-key', { query });
			expect(r.status).toBe(401);
			expect(r.json.reason).toMatch(/key in the URL/);
			expect(r.started).toBe(false);
		}
	});

	it('a key shorter than 16 characters fails activation', async () => {
		const wf = hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'urlKey', urlKey: 'short' } });
		expect((await wf.checkActivation())?.message).toMatch(/URL Key must have at least 16 characters/);
	});

	it('None accepts an unsigned delivery (and still refuses a body without callData)', async () => {
		const wf = hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'none' } });
		const ok = await send(wf, 'missing-header');
		expect(ok.started).toBe(true);
		const bad = await wf.deliver({ body: '{"hello":1}' });
		expect(bad.status).toBe(400);
		expect(bad.started).toBe(false);
	});
});

describe('Gong Webhook Trigger: test deliveries and redeliveries', () => {
	beforeEach(() => forgetAll());

	it('the same call delivered twice starts one execution with de-duplication on (default), the second is answered 200', async () => {
		const wf = jwt();
		const first = await send(wf, 'call');
		const again = await send(wf, 'redelivery');
		expect(again.delivery.callId).toBe(first.delivery.callId);
		expect(first.started).toBe(true);
		expect(again.started).toBe(false);
		expect(again.status).toBe(200);
		expect(again.json).toEqual({ received: true, ignored: 'duplicate', callId: first.delivery.callId });
		expect(wf.executions).toHaveLength(1);
		// another call still starts
		expect((await send(wf, 'call')).started).toBe(true);
		expect(wf.executions).toHaveLength(2);
	});

	it('with de-duplication off, both deliveries start an execution', async () => {
		const wf = jwt({}, { deduplicate: false });
		await send(wf, 'call');
		await send(wf, 'redelivery');
		expect(wf.executions).toHaveLength(2);
		expect(wf.staticData).toEqual({});
	});

	it('deliveries that arrive together start one execution', async () => {
		const wf = jwt();
		const callData = engine.sampleCallData();
		const results = await Promise.all([0, 1, 2, 3].map(() => send(wf, 'call', { callData })));
		expect(results.filter((r: any) => r.started)).toHaveLength(1);
		expect(results.every((r: any) => r.status === 200)).toBe(true);
	});

	it('survives a restart through the node\'s static data (only if n8n saved it) and forgets after the window', async () => {
		const wf = jwt({}, { dedupeHours: 1 });
		const first = await send(wf, 'call');
		expect(Object.keys((wf.staticData['node:Gong Webhook Trigger'] as IDataObject).deliveredCalls as IDataObject)).toEqual([first.delivery.callId]);
		forgetAll(); // a new n8n process: only the saved static data is left
		expect((await send(wf, 'redelivery')).started).toBe(false);
		// an hour later the call is forgotten
		const realNow = Date.now;
		try {
			Date.now = () => realNow() + 3600 * 1000 + 1000;
			forgetAll();
			expect((await send(wf, 'redelivery')).started).toBe(true);
		} finally {
			Date.now = realNow;
		}
	});

	it('what the node saw survives restarts once static data exists (saved by the execution, not only the first write)', async () => {
		const wf = jwt();
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) {
			const r = await send(wf, 'call');
			expect(r.started).toBe(true);
			ids.push(r.delivery.callId);
			forgetAll(); // a restart after every delivery
		}
		expect(Object.keys((wf.staticData['node:Gong Webhook Trigger'] as IDataObject).deliveredCalls as IDataObject).sort()).toEqual([...ids].sort());
		for (const id of ids) {
			const again = await send(wf, 'call', { callData: engine.sampleCallData({ id }) });
			expect(again.started).toBe(false);
			forgetAll();
		}
		expect(wf.executions).toHaveLength(4);
	});

	it('different workflows do not share what they saw', async () => {
		const a = jwt();
		const b = jwt();
		const callData = engine.sampleCallData();
		expect((await send(a, 'call', { callData })).started).toBe(true);
		expect((await send(b, 'call', { callData })).started).toBe(true);
	});

	it('test deliveries start an execution with isTest: true every time (never de-duplicated), or none with Ignore Test Deliveries', async () => {
		const wf = jwt();
		const one = await send(wf, 'test');
		const two = await send(wf, 'test', { callData: one.delivery.callData });
		expect(one.started && two.started).toBe(true);
		expect(one.jsonItems[0].isTest).toBe(true);
		const ignoring = jwt({}, { ignoreTest: true });
		const r = await send(ignoring, 'test');
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ received: true, ignored: 'test delivery' });
		expect(r.started).toBe(false);
		expect((await send(ignoring, 'call')).started).toBe(true);
	});

	it('the manual "listen for test event" mode never de-duplicates', async () => {
		const wf = jwt();
		await send(wf, 'call', { mode: 'manual' });
		expect((await send(wf, 'redelivery', { mode: 'manual' })).started).toBe(true);
	});
});

describe('Gong Webhook Trigger: enrichment with the Gong credential (after the 200)', () => {
	beforeEach(() => forgetAll());
	const CALL = () => sandbox.state.calls.find((c: any) => c.transcript.length && c.parties.length > 1);

	async function enriched(options: IDataObject, credential: string | null = 'accessKey') {
		const call = CALL();
		const callData = await callDataFromSandbox(sandbox, call.id);
		sandbox.clearRequests();
		const wf = hooks.activate({ type: TYPE, credential: credential ?? undefined, parameters: { deliveryAuth: 'jwt', publicKey: engine.publicKeyBase64, options } });
		const r = await send(wf, 'call', { callData });
		return { r, call, api: sandbox.requests.filter((q: any) => q.path.startsWith('/v2/')) };
	}

	it('Add Transcript: one POST /v2/calls/transcript for the call; raw monologues in "transcript"', async () => {
		const { r, call, api } = await enriched({ addTranscript: true });
		expect(r.status).toBe(200);
		expect(r.error).toBeUndefined();
		expect(api).toHaveLength(1);
		expect(api[0].method).toBe('POST');
		expect(api[0].path).toBe('/v2/calls/transcript');
		expect(api[0].body.filter.callIds).toEqual([call.id]);
		const item = r.jsonItems[0];
		expect(item.metaData.id).toBe(call.id);
		expect(item.transcript).toHaveLength(call.transcript.length);
		expect(item.transcript[0].speakerId).toBe(String(call.transcript[0].speakerId));
		expect(item.transcriptMissing).toBeUndefined();
	});

	it('Readable Transcript uses the delivery\'s participants: names in the text, no extra request', async () => {
		const { r, call, api } = await enriched({ addTranscript: true, readableTranscript: true });
		expect(api.map((q: any) => q.path)).toEqual(['/v2/calls/transcript']);
		const t = r.jsonItems[0].transcript;
		expect(t.callId).toBe(call.id);
		const speaker = call.parties.find((p: any) => String(p.speakerId) === String(call.transcript[0].speakerId));
		expect(t.text.split('\n')[0]).toContain(`${speaker.name} (`);
		expect(t.monologues.length).toBeGreaterThan(0);
	});

	it('Add Extended Call Data: POST /v2/calls/extensive with the chosen content, merged into the item', async () => {
		const { r, call, api } = await enriched({ addExtendedData: true, dataToInclude: ['topics', 'speakers'], crmContext: 'Basic' });
		expect(api).toHaveLength(1);
		expect(api[0].path).toBe('/v2/calls/extensive');
		expect(api[0].body).toEqual({
			filter: { callIds: [call.id] },
			contentSelector: { context: 'Basic', exposedFields: { content: { topics: true }, interaction: { speakers: true } } },
		});
		const item = r.jsonItems[0];
		expect(item.content.topics.length).toBeGreaterThan(0);
		expect(item.interaction.speakers.length).toBeGreaterThan(0);
		expect(item.isTest).toBe(false);
		expect(item.metaData.id).toBe(call.id);
	});

	it('a call Gong does not know (e.g. Test now\'s sample) is flagged, not an error', async () => {
		const wf = hooks.activate({ type: TYPE, credential: 'accessKey', parameters: { deliveryAuth: 'jwt', publicKey: engine.publicKeyBase64, options: { addTranscript: true, addExtendedData: true } } });
		const r = await send(wf, 'test');
		expect(r.error).toBeUndefined();
		expect(r.jsonItems[0]).toMatchObject({ isTest: true, transcriptMissing: true, extendedDataMissing: true, transcript: [] });
	});

	it('enrichment without a credential fails the execution with a clear error (Gong already got its 200)', async () => {
		const { r, api } = await enriched({ addTranscript: true }, null);
		expect(r.status).toBe(200);
		expect(r.started).toBe(true);
		expect(r.error?.message).toMatch(/need a Gong credential/);
		expect(api).toHaveLength(0);
	});

	it('without enrichment options no credential is needed and none is read', async () => {
		const wf = hooks.activate({ type: TYPE, parameters: { deliveryAuth: 'jwt', publicKey: engine.publicKeyBase64 } });
		const r = await send(wf, 'call');
		expect(r.error).toBeUndefined();
		expect(r.jsonItems).toHaveLength(1);
	});
});
