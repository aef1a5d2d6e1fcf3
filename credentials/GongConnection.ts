import type { INodeProperties } from 'n8n-workflow';

/**
 * The Base URLs the package sends credentials to without "Allow a Non-Gong Host": https on gong.io
 * or a sub-domain, any port and path, no query or fragment (nodes/shared/transport/connection.ts
 * normaliseBaseUrl is the check that counts; this pattern only drives the warning in the form).
 * Anchored; the host class is followed by the literal "gong.io", and the path class and the
 * trailing-space class are alternatives that each run to the end, so it runs in one pass. Case-insensitive by character classes (n8n compiles it without flags).
 */
export const GONG_BASE_URL_PATTERN =
	'^\\s*[Hh][Tt][Tt][Pp][Ss]://(?:[A-Za-z0-9_.-]*\\.)?[Gg][Oo][Nn][Gg]\\.[Ii][Oo](?::\\d{1,5})?(?:/[^?#]*|\\s*)$';

/**
 * Connection settings shared by both Gong credential types: where the API lives and how
 * hard the package may use it. Every value is read by the node's transport before a request.
 */
export const gongConnectionProperties: INodeProperties[] = [
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://api.gong.io',
		required: true,
		placeholder: 'https://us-12345.api.gong.io',
		description:
			"Your company's Gong API address. Gong shows it on the API page (Admin center > Settings > Ecosystem > API), for example https://us-12345.api.gong.io. With OAuth2 the address Gong returns with the token is used instead.",
	},
	{
		displayName:
			'This Base URL will be refused: credentials go only to https:// addresses on gong.io. For a proxy or the local Gong sandbox, turn on "Allow a Non-Gong Host" below.',
		name: 'baseUrlRefusedNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { allowCustomHost: [false] },
			hide: { baseUrl: [{ _cnd: { regex: GONG_BASE_URL_PATTERN } }] },
		},
	},
	{
		displayName: 'Allow a Non-Gong Host (Proxy or Local Sandbox)',
		name: 'allowCustomHost',
		type: 'boolean',
		default: false,
		description:
			'Whether to allow a Base URL that is not an https://…gong.io address, such as a company proxy or the local Gong sandbox. Leave off for real Gong accounts: credentials are then only ever sent to Gong over HTTPS.',
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		default: 3,
		typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 2 },
		description:
			'Most requests the package sends per second with this credential, shared by all items, pages and runs. Gong allows 3 per second per company unless Gong raised your limit. Keep the full limit with queue-mode workers or several n8n instances: they find their share on their own.',
	},
	{
		displayName: 'Max Wait on Rate Limit (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		default: 120,
		typeOptions: { minValue: 0, maxValue: 3600 },
		description:
			'When Gong answers 429 with Retry-After, the longest wait before retrying. A longer wait (for example the daily quota of 10,000 requests is used up) fails the item with a message that says when to retry.',
	},
];
