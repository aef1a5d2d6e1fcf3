import type { OperationDef } from '../../../shared/framework/types';

export const getBulkAssignment: OperationDef = {
	resource: 'engageFlow',
	operation: 'getBulkAssignment',
	name: 'Get Bulk Assignment',
	action: 'Get the results of a bulk assignment',
	description:
		'Returns the progress and results of a bulk assignment started with Submit Bulk Assignment: one item { id, status (PENDING, IN_PROGRESS, COMPLETED, FAILED), totalCount, processedCount, successCount, failedCount, results: [{ prospect, status (ASSIGNED …), crmId, flowInstanceId, errorCode, errorMessage }] }',
	catalogId: 'flows.getBulkAssignment',
	scope: 'api:flows:read',
	method: 'GET',
	path: '/v2/flows/prospects/bulk-assignments/{id}',
	fields: [
		{
			name: 'bulkAssignmentId',
			displayName: 'Bulk Assignment ID',
			kind: 'string',
			required: true,
			target: 'path',
			key: 'id',
			// Gong documents this id as a string (its example is a UUID), not a numeric Gong id.
			pattern: /^[A-Za-z0-9-]{1,64}$/,
			patternHint: 'use the "id" returned by Submit Bulk Assignment (letters, digits and dashes)',
			placeholder: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
			description: 'The "id" returned by Submit Bulk Assignment',
		},
	],
};
