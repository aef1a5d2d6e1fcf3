import { userId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getUserSettingsHistory: OperationDef = {
	resource: 'user',
	operation: 'getSettingsHistory',
	name: 'Get Settings History',
	action: 'Get the settings history of a user',
	description: "Returns the history of a user's settings (e.g. recording and import settings), one item per change",
	catalogId: 'users.getSettingsHistory',
	scope: 'api:users:read',
	method: 'GET',
	path: '/v2/users/{id}/settings-history',
	fields: [{ ...userId, target: 'path', key: 'id' }],
	recordsKey: 'userSettingsHistory',
	output: 'records',
};
