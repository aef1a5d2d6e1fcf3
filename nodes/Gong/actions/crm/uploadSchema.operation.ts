import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { crmIntegrationId, crmObjectType } from './fields';
import { checkJsonBody, usesJsonBody } from '../../../shared/framework/request';
import type { OperationDef } from '../../../shared/framework/types';

const FIELD_TYPES = [
	{ name: 'Boolean', value: 'BOOLEAN' },
	{ name: 'Currency', value: 'CURRENCY' },
	{ name: 'Date', value: 'DATE' },
	{ name: 'Date Time', value: 'DATETIME' },
	{ name: 'Email Address', value: 'EMAILADDRESS' },
	{ name: 'ID', value: 'ID' },
	{ name: 'Number', value: 'NUMBER' },
	{ name: 'Percent', value: 'PERCENT' },
	{ name: 'Phone Number', value: 'PHONENUMBER' },
	{ name: 'Picklist', value: 'PICKLIST' },
	{ name: 'Reference', value: 'REFERENCE' },
	{ name: 'String', value: 'STRING' },
	{ name: 'String Array', value: 'STRINGARRAY' },
	{ name: 'URL', value: 'URL' },
];

export const uploadCrmSchema: OperationDef = {
	resource: 'crm',
	operation: 'uploadSchema',
	name: 'Upload Schema',
	action: 'Upload a CRM object schema',
	description:
		'Sets the custom fields Gong shows for one CRM object type. Send every field each time (also ones sent before); a field marked Delete is removed together with its values on all objects. Returns { requestId }.',
	catalogId: 'crm.uploadSchema',
	scope: 'api:crm:schema',
	method: 'POST',
	path: '/v2/crm/entity-schema',
	jsonBody: true,
	fields: [
		crmIntegrationId,
		crmObjectType,
		{
			name: 'schemaFields',
			displayName: 'Schema Fields',
			kind: 'fixedCollection',
			required: true,
			target: 'body',
			key: 'fields',
			placeholder: 'Add Field',
			description: 'The complete list of fields of this object type',
			subFields: [
				{ name: 'uniqueName', displayName: 'Unique Name', kind: 'string', required: true, description: 'The field\'s unique name in the CRM', placeholder: 'Industry__c' },
				{ name: 'label', displayName: 'Label', kind: 'string', required: true, description: 'The label Gong shows for the field' },
				{ name: 'type', displayName: 'Type', kind: 'options', required: true, options: FIELD_TYPES, default: 'STRING', description: 'The field type' },
				{ name: 'referenceTo', displayName: 'Reference To', kind: 'string', description: 'For Reference fields: the object type the field points to (e.g. ACCOUNT)' },
				{ name: 'orderedValueList', displayName: 'Picklist Values', kind: 'strings', description: 'For Picklist fields: the values, in order' },
				{ name: 'lastModified', displayName: 'Last Modified', kind: 'dateTime', description: 'When the field was last changed in the CRM' },
				{ name: 'isDeleted', displayName: 'Delete', kind: 'boolean', description: 'Whether to remove this field and its values from all objects' },
			],
		},
	],
	preSend(req, itemIndex) {
		if (usesJsonBody(this, uploadCrmSchema, itemIndex)) {
			checkJsonBody(this, req.body, itemIndex, [], true);
			for (const field of req.body as IDataObject[]) checkJsonBody(this, field, itemIndex, ['uniqueName', 'label', 'type']);
			return req;
		}
		const fields = ((req.body as IDataObject | undefined)?.fields ?? []) as IDataObject[];
		fields.forEach((field, k) => {
			if (field.type === 'REFERENCE' && !field.referenceTo)
				throw new NodeOperationError(this.getNode(), `Parameter "Schema Fields ${k + 1}: Reference To" (schemaFields[${k}].referenceTo): is required for Reference fields`, { itemIndex });
		});
		req.body = fields;
		return req;
	},
};
