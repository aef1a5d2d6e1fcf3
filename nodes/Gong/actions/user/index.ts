import type { ResourceDef } from '../../../shared/framework/types';
import { getUser } from './get.operation';
import { getManyUsers } from './getMany.operation';
import { getManyExtensiveUsers } from './getManyExtensive.operation';
import { getUserSettingsHistory } from './getSettingsHistory.operation';

export const userResource: ResourceDef = {
	value: 'user',
	name: 'User',
	description: 'Gong users and their settings',
	operations: [getUser, getManyUsers, getManyExtensiveUsers, getUserSettingsHistory],
};
