import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CALL_CONTENT_CHOICES, callContextField } from '../shared/calls/content';
import { authenticationProperty, BASIC_CREDENTIAL, GONG_APP_CREDENTIAL } from '../shared/transport/credentials';

export const DEFAULT_DEDUPE_HOURS = 24;
export const MAX_DEDUPE_HOURS = 168;

/** The Gong credential is only needed for enrichment, so it is optional here. */
export const webhookCredentials: INodeCredentialDescription[] = [
	{ name: BASIC_CREDENTIAL, required: false, displayOptions: { show: { authentication: ['accessKey'] } } },
	{ name: GONG_APP_CREDENTIAL, required: false, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const webhookProperties: INodeProperties[] = [
	{
		displayName:
			'In Gong: Admin center → Settings → Ecosystem → Automation rules → Add rule. Pick the calls with the rule\'s filters, choose the action "Fire webhook", paste this node\'s Production URL and choose the same authentication as below. Activate the workflow, then click "Test now" in Gong.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'deliveryAuth',
		type: 'options',
		options: [
			{
				name: 'Signed JWT (Recommended)',
				value: 'jwt',
				description: 'Gong signs every delivery (RS256) with your company\'s key; the rule editor shows the public key',
			},
			{
				name: 'Key in URL',
				value: 'urlKey',
				description: 'Gong\'s "URL includes key": a secret in the URL\'s key query parameter',
			},
			{ name: 'None', value: 'none', description: 'Accept every request to the URL (not recommended)' },
		],
		default: 'jwt',
		description: 'How a delivery proves it comes from Gong. A delivery that fails the check gets 401 and starts no execution.',
	},
	{
		displayName: 'Gong Public Key',
		name: 'publicKey',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…',
		displayOptions: { show: { deliveryAuth: ['jwt'] } },
		description:
			'The public key shown in Gong\'s rule editor under "Signed JWT header" (the bare base64 text or a PEM block). Each delivery\'s JWT must verify with it (RS256), its body_sha256 must match the exact body and its webhook_url must be this node\'s Production URL.',
	},
	{
		displayName: 'URL Key',
		name: 'urlKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { deliveryAuth: ['urlKey'] } },
		description:
			'A secret of at least 16 characters, e.g. from "openssl rand -hex 32". In Gong, use the Production URL followed by ?key= and this value. Compared in constant time.',
	},
	{
		displayName:
			'Without authentication anyone who learns the URL can start this workflow with made-up calls. Use Signed JWT unless you only test.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { deliveryAuth: ['none'] } },
	},
	{
		...authenticationProperty,
		displayName: 'Gong API Authentication',
		description:
			'Credential for the Gong API, used only by Add Transcript and Add Extended Call Data (optional otherwise: receiving deliveries needs no API access)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Extended Call Data',
				name: 'addExtendedData',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the call from Gong\'s API (POST /v2/calls/extensive, one request per execution) and merge it into the item; needs a Gong credential with the api:calls:read:extensive scope',
			},
			{
				displayName: 'Add Transcript',
				name: 'addTranscript',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the call\'s transcript from Gong\'s API (field "transcript", one request per execution); needs a Gong credential with the api:calls:read:transcript scope. A call without a transcript yet gets "transcriptMissing": true.',
			},
			{
				displayName: 'CRM Context',
				name: 'crmContext',
				type: 'options',
				options: callContextField.options ?? [],
				default: 'None',
				description: 'With Add Extended Call Data: CRM objects (accounts, deals …) linked to the call',
			},
			{
				displayName: 'Data to Include',
				name: 'dataToInclude',
				type: 'multiOptions',
				options: CALL_CONTENT_CHOICES.map(({ name, value, description }) => ({ name, value, description })),
				default: [],
				description: 'With Add Extended Call Data: which parts of the call Gong should return besides its basic data',
			},
			{
				displayName: 'De-Duplicate Redeliveries',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description:
					'Whether a call already delivered within the De-Duplication Window starts no second execution (it is answered 200). Gong gives no delivery guarantees, so the same call can arrive twice. Test deliveries are never de-duplicated.',
			},
			{
				displayName: 'De-Duplication Window (Hours)',
				name: 'dedupeHours',
				type: 'number',
				default: DEFAULT_DEDUPE_HOURS,
				typeOptions: { minValue: 1, maxValue: MAX_DEDUPE_HOURS, numberPrecision: 0 },
				description: 'How long a delivered call ID is remembered (1–168 hours; at most the 5,000 most recent calls per node)',
			},
			{
				displayName: 'Expected Webhook URL',
				name: 'expectedUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…/gong',
				description:
					'Signed JWT only: the URL Gong posts to, when it differs from the Production URL n8n shows (e.g. a proxy that rewrites paths). Leave empty to use the Production URL; behind a proxy set n8n\'s WEBHOOK_URL instead.',
			},
			{
				displayName: 'Ignore Test Deliveries',
				name: 'ignoreTest',
				type: 'boolean',
				default: false,
				description: 'Whether deliveries sent by "Test now" in Gong (isTest: true) are answered 200 without starting an execution',
			},
			{
				displayName: 'Readable Transcript',
				name: 'readableTranscript',
				type: 'boolean',
				default: false,
				description:
					'Whether Add Transcript gives speaker names, affiliation, mm:ss timestamps and a plain-text "text" (for LLM prompts) instead of Gong\'s raw structure. Uses the participants of the delivery, so it costs no extra request.',
			},
		],
	},
];
