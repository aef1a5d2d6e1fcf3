import type { OperationDef } from '../../../shared/framework/types';
import { accessFields, toCallAccessList } from './shared';

export const addCallAccess: OperationDef = {
	resource: 'callAccess',
	operation: 'add',
	name: 'Add',
	action: 'Give users access to a call',
	description:
		'Gives individual Gong users access to a call (no effect for users who already have it). Returns { requestId }. With "Define Body Using: JSON" several calls can be given at once: { "callAccessList": [{ "callId": "…", "userIds": ["…"] }] }.',
	catalogId: 'permissions.addCallsUsersAccess',
	scope: 'api:call-user-access:write',
	method: 'PUT',
	path: '/v2/calls/users-access',
	jsonBody: true,
	fields: accessFields.map((f) => ({
		...f,
		description: f.name === 'userIds' ? 'Gong user IDs to give access to the call (numeric, up to 20 digits)' : f.description,
	})),
	preSend: toCallAccessList,
};
