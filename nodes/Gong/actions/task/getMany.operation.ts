import { userId, workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';
import { taskItems } from './ids';

export const getManyTasks: OperationDef = {
	resource: 'task',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many tasks',
	description:
		"Lists a Gong user's Engage tasks (to-dos) filtered by type, action and status; Gong returns them all at once (no paging). One item per task: { id, userId, status, type, actions, title, dueDate, priority, flow, contact, account, opportunity, created, updated, crmType }; IDs are strings.",
	catalogId: 'tasks.list',
	scope: 'api:tasks:read',
	method: 'POST',
	path: '/v2/tasks',
	retrySafe: true,
	recordsKey: 'tasks',
	output: 'records',
	fields: [
		{ ...userId, key: 'filter.userId', description: 'The Gong user who owns the tasks: pick one or give the user ID (up to 20 digits)' },
		{
			name: 'types',
			displayName: 'Task Types',
			kind: 'multiOptions',
			required: true,
			key: 'filter.types',
			default: ['FLOW', 'MANUAL'],
			options: [
				{ name: 'Flow', value: 'FLOW', description: 'Tasks created by an Engage flow step' },
				{ name: 'Manual', value: 'MANUAL', description: 'One-off tasks' },
			],
			description: 'Which kinds of task to return',
		},
		{
			name: 'status',
			displayName: 'Status',
			kind: 'multiOptions',
			required: true,
			key: 'filter.status',
			default: ['OPEN'],
			options: [
				{ name: 'Dismissed', value: 'DISMISSED' },
				{ name: 'Done', value: 'DONE' },
				{ name: 'Open', value: 'OPEN' },
			],
			description: 'Only tasks with one of these statuses',
		},
		{
			name: 'taskAction',
			displayName: 'Task Actions',
			kind: 'multiOptions',
			required: true,
			key: 'filter.taskAction',
			default: ['CALL'],
			options: [{ name: 'Call', value: 'CALL' }],
			description: 'Only tasks with one of these actions (Gong currently supports Call only)',
		},
		{ ...workspaceId, key: 'filter.workspaceId', collection: 'filters', description: 'Only tasks in this Gong workspace' },
	],
	postReceive: (records, _itemIndex, response) => taskItems(records, response),
};
