import { profileId } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getPermissionProfile: OperationDef = {
	resource: 'permissionProfile',
	operation: 'get',
	name: 'Get',
	action: 'Get a permission profile',
	description:
		'Returns one permission profile: ID, name, description, access levels with team lead IDs (calls, deals, coaching, insights, usage, emails, forecast, library folders) and every yes/no capability',
	catalogId: 'permissions.getProfile',
	scope: 'api:permission-profile:read',
	method: 'GET',
	path: '/v2/permission-profile',
	recordsKey: 'profile',
	output: 'record',
	fields: [profileId],
};
