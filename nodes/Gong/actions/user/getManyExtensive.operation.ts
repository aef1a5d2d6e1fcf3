import type { IDataObject } from 'n8n-workflow';

import { fromDateTime, toDateTime, userIds } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyExtensiveUsers: OperationDef = {
	resource: 'user',
	operation: 'getManyExtensive',
	name: 'Get Many (Extensive)',
	action: 'Get many users with details',
	description: 'Lists users filtered by user IDs or creation date, with their full settings; one item per user',
	catalogId: 'users.listExtensive',
	scope: 'api:users:read',
	method: 'POST',
	path: '/v2/users/extensive',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'users',
	emptyOn404: true,
	fields: [
		{ ...userIds, key: 'filter.userIds', collection: 'filters' },
		{
			...fromDateTime,
			name: 'createdFromDateTime',
			displayName: 'Created After',
			key: 'filter.createdFromDateTime',
			collection: 'filters',
			description: 'Only users created at or after this time',
			mustBeBefore: 'createdToDateTime',
		},
		{
			...toDateTime,
			name: 'createdToDateTime',
			displayName: 'Created Before',
			key: 'filter.createdToDateTime',
			collection: 'filters',
			description: 'Only users created before this time',
		},
		{
			name: 'includeAvatars',
			displayName: 'Include Avatars',
			kind: 'boolean',
			key: 'filter.includeAvatars',
			collection: 'filters',
			description: 'Whether to include avatars: synthetic users that stand for Gong staff',
		},
	],
	preSend(req) {
		const body = (req.body ?? {}) as IDataObject;
		body.filter = body.filter ?? {};
		req.body = body;
		return req;
	},
};
