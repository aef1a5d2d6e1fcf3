import type { IDataObject } from 'n8n-workflow';

import { crmIntegrationId, crmObjectType } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getCrmSchemaFields: OperationDef = {
	resource: 'crm',
	operation: 'getSchemaFields',
	name: 'Get Schema Fields',
	action: 'Get CRM schema fields',
	description:
		'Returns the schema fields uploaded for one CRM object type: one item per field { objectType, uniqueName, label, type, referenceTo, orderedValueList, lastModified }. No items when no schema was uploaded.',
	catalogId: 'crm.listSchemaFields',
	scope: 'api:crm:schema',
	method: 'GET',
	path: '/v2/crm/entity-schema',
	fields: [crmIntegrationId, crmObjectType],
	postReceive(_items, _itemIndex, response) {
		const map = (response.objectTypeToSelectedFields ?? {}) as IDataObject;
		return Object.entries(map).flatMap(([objectType, fields]) =>
			(Array.isArray(fields) ? (fields as IDataObject[]) : []).map((field) => ({ objectType, ...field })),
		);
	},
};
