import type { OperationDef } from '../../../shared/framework/types';

export const getFlowSteps: OperationDef = {
	resource: 'engageFlow',
	operation: 'getSteps',
	name: 'Get Steps',
	action: 'Get flow steps',
	description:
		'Returns the details and steps of up to 20 Engage flows: one item per flow, { id, name, folderId, visibility, creationDate, exclusive, description, steps: [{ id, stepOrder (1-based), action, subject, body … }] }. Fails with 404 if any flow ID is unknown.',
	catalogId: 'flows.getSteps',
	scope: 'api:flows:read',
	method: 'POST',
	path: '/v2/flows/steps',
	retrySafe: true,
	recordsKey: 'flows',
	output: 'records',
	fields: [
		{
			name: 'flowIds',
			displayName: 'Flow IDs',
			kind: 'ids',
			required: true,
			maxItems: 20,
			placeholder: '1695493301223590792',
			description: 'IDs of the Engage flows (at most 20); several values or comma-separated text',
		},
	],
};
