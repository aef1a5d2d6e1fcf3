import { clientRequestIdField, crmIntegrationId, ensureClientRequestId } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const deleteCrmIntegration: OperationDef = {
	resource: 'crm',
	operation: 'deleteIntegration',
	name: 'Delete Integration',
	action: 'Delete a CRM integration',
	description:
		'Permanently deletes the generic CRM integration and every CRM object uploaded through it (accounts, contacts, deals, leads, business users). Asynchronous (up to 24 hours): returns { requestId, clientRequestId }; follow it with "Get Request Status".',
	catalogId: 'crm.deleteIntegration',
	scope: 'api:crm:integration:delete',
	method: 'DELETE',
	path: '/v2/crm/integrations',
	destructive: true,
	fields: [crmIntegrationId, clientRequestIdField],
	preSend: (req) => ensureClientRequestId(req),
};
