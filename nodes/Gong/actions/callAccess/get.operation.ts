import { callIds } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getCallAccess: OperationDef = {
	resource: 'callAccess',
	operation: 'get',
	name: 'Get',
	action: 'Get users with access to calls',
	description:
		'Lists the users who were given individual access to calls through the API (access from permission profiles is not included): one item per call { callId, users: [{ userId }] }',
	catalogId: 'permissions.getCallsUsersAccess',
	scope: 'api:call-user-access:read',
	method: 'POST',
	path: '/v2/calls/users-access',
	retrySafe: true,
	recordsKey: 'callAccessList',
	output: 'records',
	fields: [{ ...callIds, key: 'filter.callIds', required: true }],
};
