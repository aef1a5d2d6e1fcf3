import type { ResourceDef } from '../../../shared/framework/types';
import { addCallAccess } from './add.operation';
import { getCallAccess } from './get.operation';
import { removeCallAccess } from './remove.operation';

export const callAccessResource: ResourceDef = {
	value: 'callAccess',
	name: 'Call Access',
	description: 'Individual users\' access to calls, given or removed through the API',
	operations: [addCallAccess, getCallAccess, removeCallAccess],
};
