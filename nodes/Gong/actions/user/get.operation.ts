import { userId } from '../../../shared/fields';
import { batchedExecute } from '../../../shared/framework/batch';
import type { OperationDef } from '../../../shared/framework/types';

export const getUser: OperationDef = {
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description:
		'Returns one Gong user: ID, email, name, title, phone, manager ID, active flag, settings and spoken languages. One input item: GET /v2/users/{id}. Several items: fetched together, 100 users per POST /v2/users/extensive, each user back to its own item; an unknown ID fails only its item.',
	catalogId: 'users.get',
	scope: 'api:users:read',
	method: 'GET',
	path: '/v2/users/{id}',
	fields: [{ ...userId, target: 'path', key: 'id' }],
	recordsKey: 'user',
	output: 'record',
	executeAll: batchedExecute({
		keyOf: (req) => ({ ids: [String(req.values.userId)], group: '' }),
		bulkRequest: (ids) => ({
			method: 'POST',
			path: '/v2/users/extensive',
			// Avatars included: GET /v2/users/{id} returns them too.
			body: { filter: { userIds: ids, includeAvatars: true } },
			pagination: 'body',
			recordsKey: 'users',
			retrySafe: true,
			emptyOn404: true,
			scope: 'api:users:read',
		}),
		idOf: (record) => (record.id === undefined || record.id === null ? undefined : String(record.id)),
		notFoundLabel: (id) => `User ${id}`,
		fallbackOn403: true,
	}),
};
