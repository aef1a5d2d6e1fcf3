import type { OperationDef } from '../../../shared/framework/types';

export const setIntegrationSettings: OperationDef = {
	resource: 'integrationSettings',
	operation: 'set',
	name: 'Set Allowed Origins',
	action: 'Set allowed origins of Gong integrations',
	description:
		'Sets the web origins allowed to embed Gong\'s integrations (email composer, account pages, dialer) in an iframe, e.g. a sub-domain per customer tenant. Returns { requestId, integrationId } with integrationId exact as text (up to 20 digits).',
	catalogId: 'integrationSettings.set',
	scope: 'api:integration-settings:write',
	method: 'POST',
	path: '/v2/integration-settings',
	fields: [
		{
			name: 'integrationTypeSettings',
			displayName: 'Allowed Origins',
			kind: 'fixedCollection',
			required: true,
			placeholder: 'Add Allowed Origin',
			description: 'Which origin may embed which Gong integration',
			subFields: [
				{
					name: 'integrationType',
					displayName: 'Integration Type',
					kind: 'options',
					required: true,
					default: 'EMAIL_COMPOSER',
					options: [
						{ name: 'Account Pages', value: 'ACCOUNT_PAGES' },
						{ name: 'Dialer', value: 'DIALER' },
						{ name: 'Email Composer', value: 'EMAIL_COMPOSER' },
					],
					description: 'The Gong integration embedded by the origin',
				},
				{
					name: 'allowedOrigin',
					displayName: 'Allowed Origin',
					kind: 'string',
					required: true,
					placeholder: 'https://acme.partner.com',
					pattern: /^https?:\/\/[^/\s?#]+$/,
					patternHint: 'give scheme and host only, e.g. https://acme.partner.com',
					description: 'The origin (scheme and host, no path) allowed as iframe source',
				},
			],
		},
	],
};
