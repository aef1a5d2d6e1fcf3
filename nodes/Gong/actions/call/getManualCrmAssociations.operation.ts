import { fromDateTime } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManualCrmAssociations: OperationDef = {
	resource: 'call',
	operation: 'getManualCrmAssociations',
	name: 'Get Manual CRM Associations (Legacy)',
	action: 'Get calls manually associated with CRM objects',
	description:
		'Legacy (Beta) operation that Gong\'s current API reference no longer lists; it may stop working. Lists calls that users manually associated (or re-associated) with a CRM account or deal, oldest first: one item per association event { callId, userId, created, associatedCrmObjects: [{ accountCrmId, dealCrmId }] }.',
	catalogId: 'calls.listManualCrmAssociations',
	scope: 'api:crm-calls:manual-association:read',
	method: 'GET',
	path: '/v2/calls/manual-crm-associations',
	legacy: true,
	pagination: 'query',
	recordsKey: 'associations',
	emptyOn404: true,
	fields: [
		{
			...fromDateTime,
			mustBeBefore: undefined,
			displayName: 'Associated After',
			collection: 'filters',
			description: 'Only associations made after this time; all association events when empty',
		},
	],
};
