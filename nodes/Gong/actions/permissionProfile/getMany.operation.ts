import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyPermissionProfiles: OperationDef = {
	resource: 'permissionProfile',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many permission profiles',
	description:
		'Lists the permission profiles of a workspace: one item per profile with its ID, name, description, access levels (calls, deals, coaching, library …) and yes/no capabilities',
	catalogId: 'permissions.listProfiles',
	scope: 'api:permission-profile:read',
	method: 'GET',
	path: '/v2/all-permission-profiles',
	recordsKey: 'profiles',
	output: 'records',
	fields: [{ ...workspaceId, required: true, target: 'query', description: 'The workspace whose profiles are listed' }],
};
