import { fromDateTime, toDateTime } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyAuditLogs: OperationDef = {
	resource: 'auditLog',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many audit log entries',
	description:
		'Lists audit log entries of one type in a time range, oldest first: one item per entry { userId, userEmailAddress, userFullName, impersonator…, eventTime, logRecord }. An empty period gives no items.',
	catalogId: 'auditing.listLogs',
	scope: 'api:logs:read',
	method: 'GET',
	path: '/v2/logs',
	pagination: 'query',
	recordsKey: 'logEntries',
	emptyOn404: true,
	fields: [
		{
			name: 'logType',
			displayName: 'Log Type',
			kind: 'options',
			required: true,
			default: 'AccessLog',
			options: [
				{ name: 'Access Log', value: 'AccessLog', description: 'Logins to Gong' },
				{ name: 'Externally Shared Call Access', value: 'ExternallySharedCallAccess', description: 'Calls shared outside the company and opened' },
				{ name: 'Externally Shared Call Play', value: 'ExternallySharedCallPlay', description: 'Calls shared outside the company and played' },
				{ name: 'User Activity Log', value: 'UserActivityLog', description: 'Actions of users in Gong' },
				{ name: 'User Call Play', value: 'UserCallPlay', description: 'Calls played by users' },
			],
			description: 'Which log to read',
		},
		{ ...fromDateTime, required: true, description: 'Entries from this time (inclusive), ISO-8601 with time zone' },
		{ ...toDateTime, collection: 'filters', description: 'Entries before this time; up to the latest entry when empty' },
	],
};
