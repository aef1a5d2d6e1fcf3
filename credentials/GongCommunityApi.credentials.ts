import type {
	IAuthenticateGeneric,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { gongConnectionProperties } from './GongConnection';

/**
 * Gong access key + access key secret, sent as HTTP Basic auth.
 * Named differently from n8n's built-in `gongApi` so both can be installed side by side.
 * No `test` request here on purpose: n8n would send it to whatever Base URL was typed. The Gong
 * node tests this credential instead (`testedBy`), after the same base-URL policy as its requests.
 */
export class GongCommunityApi implements ICredentialType {
	name = 'gongCommunityApi';

	displayName = 'Gong (Community) API';

	icon = { light: 'file:gong.svg', dark: 'file:gong.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-gong/n8n-nodes-gong#basic-access-key';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			description:
				'Created by a Gong technical administrator in Admin center > Settings > Ecosystem > API',
		},
		{
			displayName: 'Access Key Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown once, next to the access key, when the key is created',
		},
		...gongConnectionProperties,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.accessKey}}',
				password: '={{$credentials.accessKeySecret}}',
			},
		},
	};
}
