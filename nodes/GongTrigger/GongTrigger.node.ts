import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods';
import { gongCredentials } from '../shared/transport/credentials';
import { triggerProperties } from './description';
import { pollNewCalls } from './poll';

export class GongTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gong Trigger',
		name: 'gongTrigger',
		icon: { light: 'file:gong.svg', dark: 'file:gong.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New Call',
		description:
			'Starts the workflow when Gong has a new call: re-lists an overlapping window on every poll and emits each call exactly once, even when Gong processes it late',
		defaults: { name: 'Gong Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: gongCredentials,
		properties: triggerProperties,
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewCalls.call(this);
	}
}
