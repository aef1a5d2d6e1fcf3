import { userId } from '../common.fields';
import type { OperationDef } from '../../framework/types';

export const getUser: OperationDef = {
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: "Returns one Gong user: ID, email, name, title, phone, manager ID, active flag, settings and spoken languages",
	catalogId: 'users.get',
	scope: 'api:users:read',
	method: 'GET',
	path: '/v2/users/{id}',
	fields: [{ ...userId, target: 'path', key: 'id' }],
	recordsKey: 'user',
	output: 'record',
};
