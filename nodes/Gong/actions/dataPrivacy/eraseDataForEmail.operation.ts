import { emailAddressField } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const eraseDataForEmail: OperationDef = {
	resource: 'dataPrivacy',
	operation: 'eraseDataForEmail',
	name: 'Erase Data for Email Address',
	action: 'Erase data for an email address',
	description:
		'Permanently erases all data Gong holds for an email address: calls and email messages that reference it, and matching leads and contacts. Irreversible; Gong completes it asynchronously (may take hours) and blocks abnormal deletion volumes. Returns { requestId, emailAddress }.',
	catalogId: 'dataPrivacy.eraseDataForEmail',
	scope: 'api:data-privacy:delete',
	method: 'POST',
	path: '/v2/data-privacy/erase-data-for-email-address',
	destructive: true,
	fields: [{ ...emailAddressField, description: 'The email address whose data is erased' }],
	postReceive(items, itemIndex) {
		const email = String(this.getNodeParameter('emailAddress', itemIndex, '')).trim();
		return items.map((item) => ({ ...item, emailAddress: email }));
	},
};
