import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { parseJsonKeepingIds } from '../shared/transport/json';
import { persistSeen, seenBefore } from './dedupe';
import { DEFAULT_DEDUPE_HOURS, MAX_DEDUPE_HOURS, webhookCredentials, webhookProperties } from './description';
import { enrichItems, enrichOptionsOf } from './enrich';
import { asNodeError } from '../shared/framework/nodeError';
import { normaliseUrl, parsePublicKey, verifyGongJwt, verifyUrlKey, type VerifyResult } from './verify';

/** Shortest accepted URL key. */
const MIN_URL_KEY_LENGTH = 16;
const HOUR_MS = 3600 * 1000;

interface RawRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	query?: IDataObject;
	headers: Record<string, unknown>;
}

interface RawResponse {
	statusCode: number;
	setHeader(name: string, value: string): unknown;
	end(body?: string): unknown;
}

/** Writes a short JSON answer ourselves and tells n8n to start no execution. */
function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const res = ctx.getResponseObject() as unknown as RawResponse;
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

function reject(ctx: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	// Only the reason is logged: nothing of the body or the token.
	ctx.logger.warn(`Gong Webhook Trigger refused a delivery (${status}): ${reason}`, { node: ctx.getNode().name });
	return answer(ctx, status, { error: status === 401 ? 'Unauthorized' : 'Bad Request', reason });
}

/** The configuration problems activation reports (and deliveries answer 500 with). */
function configurationProblem(ctx: IWebhookFunctions | IHookFunctions): string | undefined {
	const auth = ctx.getNodeParameter('deliveryAuth', 'jwt') as string;
	if (auth === 'jwt') {
		try {
			parsePublicKey(String(ctx.getNodeParameter('publicKey', '') ?? ''));
		} catch (error) {
			return `Gong Public Key: ${(error as Error).message}`;
		}
		const options = (ctx.getNodeParameter('options', {}) ?? {}) as IDataObject;
		const expected = typeof options.expectedUrl === 'string' ? options.expectedUrl.trim() : '';
		if (expected && !normaliseUrl(expected)) return 'Expected Webhook URL is not an http(s) URL';
	} else if (auth === 'urlKey') {
		const key = String(ctx.getNodeParameter('urlKey', '') ?? '');
		if (key.length < MIN_URL_KEY_LENGTH) return `URL Key must have at least ${MIN_URL_KEY_LENGTH} characters`;
	} else if (auth !== 'none') {
		return `Authentication "${auth}" is not supported`;
	}
	return undefined;
}

/** URLs a signed delivery may name in webhook_url (normalised). */
function acceptedUrls(ctx: IWebhookFunctions, options: IDataObject): string[] {
	const urls: string[] = [];
	const add = (raw: string | undefined) => {
		const url = raw ? normaliseUrl(raw) : undefined;
		if (url && !urls.includes(url)) urls.push(url);
	};
	const expected = typeof options.expectedUrl === 'string' ? options.expectedUrl.trim() : '';
	if (expected) add(expected);
	else {
		const own = ctx.getNodeWebhookUrl('default');
		add(own);
		// While "Listen for test event" runs, Gong's rule may name the Production or the Test URL,
		// which differ only in n8n's path segment (webhook / webhook-test).
		if (own && ctx.getMode() === 'manual') {
			add(own.replace(/\/webhook-test\//, '/webhook/'));
			add(own.replace(/\/webhook\//, '/webhook-test/'));
		}
	}
	return urls;
}

function dedupes(ctx: IWebhookFunctions | IExecuteFunctions, options: IDataObject): boolean {
	return options.deduplicate !== false && ctx.getMode() !== 'manual';
}

function dedupeWindowMs(options: IDataObject): number {
	const hours = Number(options.dedupeHours ?? DEFAULT_DEDUPE_HOURS);
	return (Number.isFinite(hours) ? Math.min(Math.max(hours, 1), MAX_DEDUPE_HOURS) : DEFAULT_DEDUPE_HOURS) * HOUR_MS;
}

/** Workflow + node: what a node saw is its own (a copied workflow starts empty). */
function dedupeKey(ctx: IWebhookFunctions | IExecuteFunctions): string {
	const node = ctx.getNode();
	return `${ctx.getWorkflow().id ?? ''}|${node.id ?? node.name}`;
}

async function rawBodyOf(req: RawRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

async function receive(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const problem = configurationProblem(ctx);
	if (problem) {
		ctx.logger.error(`Gong Webhook Trigger is misconfigured: ${problem}`, { node: ctx.getNode().name });
		return answer(ctx, 500, { error: 'Webhook misconfigured', reason: problem });
	}
	const req = ctx.getRequestObject() as unknown as RawRequest;
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const auth = ctx.getNodeParameter('deliveryAuth', 'jwt') as string;

	const raw = await rawBodyOf(req);
	if (!raw) return reject(ctx, 400, 'request has no readable body');

	let verdict: VerifyResult = { ok: true };
	if (auth === 'jwt') {
		verdict = verifyGongJwt({
			authorization: req.headers.authorization,
			rawBody: raw,
			publicKey: parsePublicKey(String(ctx.getNodeParameter('publicKey', ''))),
			acceptedUrls: acceptedUrls(ctx, options),
			nowSeconds: Math.floor(Date.now() / 1000),
		});
	} else if (auth === 'urlKey') {
		verdict = verifyUrlKey(req.query?.key, String(ctx.getNodeParameter('urlKey', '')));
	}
	if (!verdict.ok) return reject(ctx, 401, verdict.reason);

	// Verified: now the body may be read (ids longer than 15 digits stay exact strings).
	let body: unknown;
	try {
		body = parseJsonKeepingIds(raw.toString('utf8'));
	} catch {
		return reject(ctx, 400, 'body is not JSON');
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return reject(ctx, 400, 'body is not a JSON object');
	const { callData, isTest } = body as IDataObject;
	if (!callData || typeof callData !== 'object' || Array.isArray(callData)) return reject(ctx, 400, 'body has no callData object');
	const test = isTest === true;
	if (test && options.ignoreTest === true) return answer(ctx, 200, { received: true, ignored: 'test delivery' });

	const call = callData as IDataObject;
	const metaData = call.metaData as IDataObject | undefined;
	if (metaData && metaData.id !== undefined && metaData.id !== null) metaData.id = String(metaData.id);
	const callId = metaData?.id as string | undefined;

	// Redeliveries: only production deliveries of real calls, and only after verification.
	if (!test && callId && dedupes(ctx, options)) {
		const staticData = ctx.getWorkflowStaticData('node');
		if (seenBefore(dedupeKey(ctx), callId, dedupeWindowMs(options), Date.now(), staticData)) {
			return answer(ctx, 200, { received: true, ignored: 'duplicate', callId });
		}
	}

	const json: IDataObject = { ...call, isTest: test };
	const webhookResponse: IDataObject = { received: true, isTest: test };
	if (callId) webhookResponse.callId = callId;
	return { workflowData: [[{ json }]], webhookResponse };
}

export class GongWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gong Webhook Trigger',
		name: 'gongWebhookTrigger',
		icon: { light: 'file:gong.svg', dark: 'file:gong.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Automation Rule Webhook',
		description:
			'Starts the workflow when a Gong automation rule fires its webhook for a call: verifies Gong\'s signed JWT, answers at once, ignores redeliveries',
		defaults: { name: 'Gong Webhook Trigger' },
		inputs: [],
		// n8n's current scanner wants the typed constant; this older lint rule predates it.
		// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong
		outputs: [NodeConnectionTypes.Main],
		credentials: webhookCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer Gong as soon as the delivery is verified; enrichment runs afterwards.
				responseMode: 'onReceived',
				// Empty: n8n then answers with the webhookResponse webhook() returns.
				responseData: '',
				path: 'gong',
			},
		],
		properties: webhookProperties,
	};

	webhookMethods = {
		default: {
			/** Nothing to register at Gong (the admin sets up the rule); report bad settings at activation. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const problem = configurationProblem(this);
				if (problem) throw new NodeOperationError(this.getNode(), problem);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/** Never throws: n8n would answer 500 with a stack trace and record a failed execution. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		try {
			return await receive(this);
		} catch {
			try {
				return answer(this, 500, { error: 'Internal error', reason: 'the delivery could not be processed' });
			} catch {
				return { noWebhookResponse: true };
			}
		}
	}

	/** Runs in the execution, after Gong got its answer: adds transcripts and extended data. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = (this.getNodeParameter('options', 0, {}) ?? {}) as IDataObject;
		const opts = enrichOptionsOf(options);
		try {
			return [await enrichItems(this, items, opts)];
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error);
			return [items.map((item, index) => ({ json: { ...item.json, error: (error as Error).message }, pairedItem: { item: index } }))];
		} finally {
			if (dedupes(this, options)) {
				// Static data changed here is saved by n8n when the execution ends (see persistSeen).
				// Written last, so the execution that ends last saves the freshest snapshot.
				const ids = items
					.filter((item) => item.json.isTest !== true)
					.map((item) => (item.json.metaData as IDataObject | undefined)?.id)
					.filter((id): id is string => typeof id === 'string' && id !== '');
				persistSeen(dedupeKey(this), ids, dedupeWindowMs(options), Date.now(), this.getWorkflowStaticData('node'));
			}
		}
	}
}
