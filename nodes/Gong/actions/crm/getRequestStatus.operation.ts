import { CLIENT_REQUEST_ID, clientRequestIdField, crmIntegrationId } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getCrmRequestStatus: OperationDef = {
	resource: 'crm',
	operation: 'getRequestStatus',
	name: 'Get Request Status',
	action: 'Get the status of a CRM request',
	description:
		'Returns the progress of an asynchronous CRM request ("Upload Objects" or "Delete Integration") by its client request ID: { status: PENDING | IN_PROGRESS | DONE | FAILED, totalSuccessCount, totalErrorCount, errors: [{ line, description }] (at most 20) }',
	catalogId: 'crm.getRequestStatus',
	scope: 'api:crm:upload',
	method: 'GET',
	path: '/v2/crm/request-status',
	fields: [
		crmIntegrationId,
		{
			...clientRequestIdField,
			required: true,
			collection: undefined,
			pattern: CLIENT_REQUEST_ID,
			description: 'The client request ID of the upload or deletion (returned by that operation)',
		},
	],
};
