import type { ResourceDef } from '../../../shared/framework/types';
import { createPermissionProfile } from './create.operation';
import { getPermissionProfile } from './get.operation';
import { getManyPermissionProfiles } from './getMany.operation';
import { getPermissionProfileUsers } from './getUsers.operation';
import { updatePermissionProfile } from './update.operation';

export const permissionProfileResource: ResourceDef = {
	value: 'permissionProfile',
	name: 'Permission Profile',
	description: 'Permission profiles: what users may see and do in Gong',
	operations: [getManyPermissionProfiles, getPermissionProfile, createPermissionProfile, updatePermissionProfile, getPermissionProfileUsers],
};
