import type { OperationDef } from '../../../shared/framework/types';

export const getManyUsers: OperationDef = {
	resource: 'user',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many users',
	description: 'Lists all Gong users of the company, one item per user',
	catalogId: 'users.list',
	scope: 'api:users:read',
	method: 'GET',
	path: '/v2/users',
	pagination: 'query',
	recordsKey: 'users',
	emptyOn404: true,
	fields: [
		{
			name: 'includeAvatars',
			displayName: 'Include Avatars',
			kind: 'boolean',
			collection: 'options',
			description: 'Whether to include avatars: synthetic users that stand for Gong staff (CSMs, support) who access your instance',
		},
	],
};
