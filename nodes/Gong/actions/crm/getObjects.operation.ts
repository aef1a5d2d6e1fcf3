import type { IDataObject } from 'n8n-workflow';

import { crmIntegrationId, crmObjectType } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getCrmObjects: OperationDef = {
	resource: 'crm',
	operation: 'getObjects',
	name: 'Get Objects',
	action: 'Get CRM objects',
	description:
		'Returns CRM objects uploaded to Gong, by their CRM IDs (at most 100), to check that an upload was processed. One item per requested ID: { crmId, object } where object holds the uploaded fields, or null when Gong does not have it. Gong meant this for development and verification only.',
	catalogId: 'crm.getObjects',
	scope: 'api:crm:get-objects',
	method: 'GET',
	path: '/v2/crm/entities',
	fields: [
		crmIntegrationId,
		crmObjectType,
		{
			// Gong's spec models the ids as a (repeated) query parameter, while its prose shows a JSON
			// array body on this GET; the query form is the formal one and is what is sent here.
			name: 'objectsCrmIds',
			displayName: 'CRM Object IDs',
			kind: 'strings',
			required: true,
			target: 'query',
			maxItems: 100,
			placeholder: '0013000000abcDE',
			description: 'IDs of the objects in your CRM (the objectId used in the upload); several values or comma-separated text, at most 100',
		},
	],
	postReceive(_items, _itemIndex, response) {
		const map = (response.crmObjectsMap ?? {}) as IDataObject;
		return Object.entries(map).map(([crmId, object]) => ({ crmId, object: (object ?? null) as IDataObject | null }));
	},
};
