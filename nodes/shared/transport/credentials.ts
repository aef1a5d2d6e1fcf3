import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const BASIC_CREDENTIAL = 'gongCommunityApi';
export const OAUTH2_CREDENTIAL = 'gongCommunityOAuth2Api';

/** The Authentication dropdown both Gong nodes show; it picks exactly one credential. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Key', value: 'accessKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessKey',
};

export const gongCredentials: INodeCredentialDescription[] = [
	{
		name: BASIC_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['accessKey'] } },
	},
	{
		name: OAUTH2_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
