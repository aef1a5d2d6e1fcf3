import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './actions/resources';
import { router } from './actions/router';
import { nodeProperties } from '../shared/framework/properties';
import { listSearch, loadOptions } from '../shared/methods';
import { authenticationProperty } from '../shared/transport/credentials';
import { testBasicCredential } from '../shared/transport/credentialTest';

export class Gong implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gong',
		name: 'gong',
		icon: { light: 'file:gong.svg', dark: 'file:gong.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Use the whole Gong API v2: calls, transcripts, users, stats, CRM, meetings, flows and more',
		defaults: { name: 'Gong' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The same two credentials as every Gong node; the access-key one is tested on Save by
		// testBasicCredential (n8n uses `testedBy` because the credential type has no `test` request).
		credentials: [
			{
				name: 'gongCommunityApi',
				required: true,
				displayOptions: { show: { authentication: ['accessKey'] } },
				testedBy: 'gongCommunityApiTest',
			},
			{
				name: 'gongCommunityOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [authenticationProperty, ...nodeProperties(resources)],
	};

	methods = { listSearch, loadOptions, credentialTest: { gongCommunityApiTest: testBasicCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
