import { emailAddressField } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getDataForEmail: OperationDef = {
	resource: 'dataPrivacy',
	operation: 'getDataForEmail',
	name: 'Get Data for Email Address',
	action: 'Get data for an email address',
	description:
		'Finds everything in Gong that references an email address (for data subject requests). Returns one item { emails, calls, meetings, customerData, customerEngagement }: lists of the matching emails, calls (with IDs), meetings, CRM objects and engagement events.',
	catalogId: 'dataPrivacy.getDataForEmail',
	scope: 'api:data-privacy:read',
	method: 'GET',
	path: '/v2/data-privacy/data-for-email-address',
	fields: [emailAddressField],
};
