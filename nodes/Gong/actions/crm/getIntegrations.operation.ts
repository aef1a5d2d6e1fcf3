import type { OperationDef } from '../../../shared/framework/types';

export const getCrmIntegrations: OperationDef = {
	resource: 'crm',
	operation: 'getIntegrations',
	name: 'Get Integrations',
	action: 'Get CRM integrations',
	description:
		'Returns the generic CRM integration registered with "Register Integration" (a company has at most one): one item per integration with integrationId (exact, as text), name and ownerEmail. No items when none is registered.',
	catalogId: 'crm.listIntegrations',
	scope: 'api:crm:integrations:read',
	method: 'GET',
	path: '/v2/crm/integrations',
	recordsKey: 'integrations',
	output: 'records',
	fields: [],
};
