import type { OperationDef } from '../../../shared/framework/types';

export const registerCrmIntegration: OperationDef = {
	resource: 'crm',
	operation: 'registerIntegration',
	name: 'Register Integration',
	action: 'Register a CRM integration',
	description:
		'Creates the company\'s generic CRM integration, through which CRM schema and objects are uploaded. Returns { requestId, integrationId } with integrationId exact as text. Gong allows one integration per company: it answers 409 when one exists (delete it first).',
	catalogId: 'crm.registerIntegration',
	scope: 'api:crm:integration:register',
	method: 'PUT',
	path: '/v2/crm/integrations',
	fields: [
		{
			name: 'name',
			displayName: 'Name',
			kind: 'string',
			required: true,
			placeholder: 'Acme CRM',
			description: 'Name of the integration, as Gong shows it',
		},
		{
			name: 'ownerEmail',
			displayName: 'Owner Email',
			kind: 'email',
			required: true,
			placeholder: 'name@email.com',
			description: 'Email address of the person responsible for the integration',
		},
	],
};
