import type { ResourceDef } from '../../../shared/framework/types';
import { eraseDataForEmail } from './eraseDataForEmail.operation';
import { eraseDataForPhone } from './eraseDataForPhone.operation';
import { getDataForEmail } from './getDataForEmail.operation';
import { getDataForPhone } from './getDataForPhone.operation';

export const dataPrivacyResource: ResourceDef = {
	value: 'dataPrivacy',
	name: 'Data Privacy',
	description: 'Find or permanently erase the data Gong holds about an email address or phone number',
	operations: [getDataForEmail, getDataForPhone, eraseDataForEmail, eraseDataForPhone],
};
