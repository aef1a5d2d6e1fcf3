import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { gongConnectionProperties } from './GongConnection';

/**
 * Every scope an operation of this package needs (one per catalog entry, plus media URLs).
 * A test compares it with the operation catalog, so it cannot fall behind.
 */
export const GONG_OAUTH_SCOPES = [
	'api:ai-ask:read',
	'api:ai-briefer:read',
	'api:call-outcomes:read',
	'api:call-user-access:read',
	'api:call-user-access:write',
	'api:calls:create',
	'api:calls:read:basic',
	'api:calls:read:extensive',
	'api:calls:read:media-url',
	'api:calls:read:transcript',
	'api:coaching:read',
	'api:crm-calls:manual-association:read',
	'api:crm:get-objects',
	'api:crm:integration:delete',
	'api:crm:integration:register',
	'api:crm:integrations:read',
	'api:crm:schema',
	'api:crm:upload',
	'api:data-privacy:delete',
	'api:data-privacy:read',
	'api:digital-interactions:write',
	'api:engagement-data:write',
	'api:flows:read',
	'api:flows:write',
	'api:integration-settings:write',
	'api:library:read',
	'api:logs:read',
	'api:meetings:integration:status',
	'api:meetings:user:create',
	'api:meetings:user:delete',
	'api:meetings:user:update',
	'api:permission-profile:read',
	'api:permission-profile:write',
	'api:settings:scorecards:read',
	'api:settings:trackers:read',
	'api:stats:interaction',
	'api:stats:scorecards',
	'api:stats:user-actions',
	'api:stats:user-actions:detailed',
	'api:tasks:read',
	'api:tasks:write',
	'api:users:read',
	'api:workspaces:read',
];

/**
 * Gong OAuth2 (authorization code). The token response carries `api_base_url_for_customer`,
 * which the node prefers over the Base URL field.
 */
export class GongCommunityOAuth2Api implements ICredentialType {
	name = 'gongCommunityOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Gong (Community) OAuth2 API';

	icon = { light: 'file:gong.svg', dark: 'file:gong.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-gong/n8n-nodes-gong#oauth2';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://app.gong.io/oauth2/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://app.gong.io/oauth2/generate-customer-token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: GONG_OAUTH_SCOPES.join(' '),
			description:
				'Space-separated Gong scopes. The default covers every operation of this node; your Gong app must be allowed the same scopes.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		...gongConnectionProperties,
	];
}
