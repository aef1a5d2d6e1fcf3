import { profileId } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getPermissionProfileUsers: OperationDef = {
	resource: 'permissionProfile',
	operation: 'getUsers',
	name: 'Get Users',
	action: 'Get users of a permission profile',
	description: 'Lists the users whose access the permission profile controls: one item per user { id, fullName, emailAddress }',
	catalogId: 'permissions.listProfileUsers',
	scope: 'api:users:read',
	method: 'GET',
	path: '/v2/permission-profile/users',
	recordsKey: 'users',
	output: 'records',
	fields: [profileId],
};
