import { phoneNumberField } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getDataForPhone: OperationDef = {
	resource: 'dataPrivacy',
	operation: 'getDataForPhone',
	name: 'Get Data for Phone Number',
	action: 'Get data for a phone number',
	description:
		'Finds everything in Gong that references a phone number (for data subject requests). Returns one item { suppliedPhoneNumber, matchingPhoneNumbers, emailAddresses, emails, calls, meetings, customerData }.',
	catalogId: 'dataPrivacy.getDataForPhone',
	scope: 'api:data-privacy:read',
	method: 'GET',
	path: '/v2/data-privacy/data-for-phone-number',
	fields: [phoneNumberField],
};
