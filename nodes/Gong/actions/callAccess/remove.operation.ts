import type { OperationDef } from '../../../shared/framework/types';
import { accessFields, toCallAccessList } from './shared';

export const removeCallAccess: OperationDef = {
	resource: 'callAccess',
	operation: 'remove',
	name: 'Remove',
	action: 'Remove users access to a call',
	description:
		'Removes the individual access of Gong users to a call (only access that was given through the API); the users can no longer open the call unless their permission profile allows it. Returns { requestId }. With "Define Body Using: JSON" several calls at once: { "callAccessList": [{ "callId": "…", "userIds": ["…"] }] }.',
	catalogId: 'permissions.removeCallsUsersAccess',
	scope: 'api:call-user-access:write',
	method: 'DELETE',
	path: '/v2/calls/users-access',
	destructive: true,
	jsonBody: true,
	fields: accessFields.map((f) => ({
		...f,
		description: f.name === 'userIds' ? 'Gong user IDs whose access to the call is removed (numeric, up to 20 digits)' : f.description,
	})),
	preSend: toCallAccessList,
};
