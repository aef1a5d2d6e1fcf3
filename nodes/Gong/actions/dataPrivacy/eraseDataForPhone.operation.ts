import { phoneNumberField } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const eraseDataForPhone: OperationDef = {
	resource: 'dataPrivacy',
	operation: 'eraseDataForPhone',
	name: 'Erase Data for Phone Number',
	action: 'Erase data for a phone number',
	description:
		'Permanently erases all data Gong holds for a phone number: leads and contacts whose phone or mobile number matches, and their references. Irreversible; Gong completes it asynchronously (may take hours) and blocks abnormal deletion volumes. Returns { requestId, phoneNumber }.',
	catalogId: 'dataPrivacy.eraseDataForPhone',
	scope: 'api:data-privacy:delete',
	method: 'POST',
	path: '/v2/data-privacy/erase-data-for-phone-number',
	destructive: true,
	fields: [{ ...phoneNumberField, description: 'The phone number whose data is erased: + and the country code, e.g. +14155550100' }],
	postReceive(items, itemIndex) {
		const phone = String(this.getNodeParameter('phoneNumber', itemIndex, '')).trim();
		return items.map((item) => ({ ...item, phoneNumber: phone }));
	},
};
