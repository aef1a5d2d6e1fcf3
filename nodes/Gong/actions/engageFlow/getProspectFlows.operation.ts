import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { crmProspectsIds, flowInstanceIds } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getProspectFlows: OperationDef = {
	resource: 'engageFlow',
	operation: 'getProspectFlows',
	name: 'Get Prospect Flows',
	action: 'Get the flows of prospects',
	description:
		'Lists flow assignments (flow instances) by CRM prospect IDs — only open ones: Pending, Running, Paused — and/or by flow instance IDs, finished ones included; give at least one of the two lists. One item per flow instance: { flowId, flowName, crmProspectId, flowInstanceId, flowInstanceOwnerEmail, flowInstanceStatus, flowInstanceCreateDate, workspaceId, exclusive }.',
	catalogId: 'flows.listProspectsAssignedFlows',
	scope: 'api:flows:read',
	method: 'POST',
	path: '/v2/flows/prospects',
	retrySafe: true,
	recordsKey: 'prospectsAssigned',
	output: 'records',
	fields: [
		{
			...crmProspectsIds,
			required: false,
			collection: 'filters',
			description: `${crmProspectsIds.description}. Returns their open flows (Pending, Running, Paused).`,
		},
		{ ...flowInstanceIds, collection: 'filters', description: `${flowInstanceIds.description}. Returns these instances, finished ones included.` },
	],
	preSend(req, itemIndex) {
		const body = (req.body ?? {}) as IDataObject;
		if (body.crmProspectsIds === undefined && body.flowInstanceIds === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				'Parameter "CRM Prospect IDs" (crmProspectsIds) or "Flow Instance IDs" (flowInstanceIds): give at least one of them',
				{ itemIndex, description: 'Add one of these filters. Nothing was sent to Gong.' },
			);
		}
		return req;
	},
};
