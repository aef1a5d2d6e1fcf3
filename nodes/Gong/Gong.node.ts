import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './actions/resources';
import { router } from './actions/router';
import { nodeProperties } from '../shared/framework/properties';
import { listSearch, loadOptions } from '../shared/methods';
import { authenticationProperty, gongCredentials } from '../shared/transport/credentials';

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
		credentials: gongCredentials,
		properties: [authenticationProperty, ...nodeProperties(resources)],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
