import { unassignedByUserEmail } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const unassignByCrmId: OperationDef = {
	resource: 'engageFlow',
	operation: 'unassignByCrmId',
	name: 'Unassign by CRM Prospect ID',
	action: 'Unassign a prospect from flows',
	description:
		'Destructive: removes a CRM contact or lead from all the open flows it is in, or from one flow if a flow is given; this stops those flow instances. Returns one item { unassignedFlowInstanceIds: [...] } (empty if the prospect was in no matching open flow).',
	catalogId: 'flows.unassignByCrmId',
	scope: 'api:flows:write',
	method: 'POST',
	path: '/v2/flows/prospects/unassign-flows-by-crm-id',
	destructive: true,
	fields: [
		{
			name: 'crmProspectId',
			displayName: 'CRM Prospect ID',
			kind: 'string',
			required: true,
			placeholder: '00Q5e00000AbCdEFGH',
			description: 'CRM ID of the contact or lead to remove from flows',
		},
		{
			name: 'flowId',
			displayName: 'Flow',
			kind: 'id',
			locator: 'flow',
			collection: 'additionalFields',
			description: 'Only remove the prospect from this flow (by default: from all its flows)',
		},
		unassignedByUserEmail,
	],
};
