import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { userId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';
import { taskItems } from './ids';

export const updateTask: OperationDef = {
	resource: 'task',
	operation: 'update',
	name: 'Update',
	action: 'Update a task',
	description:
		"Changes an Engage task's status (Open, Done, Dismissed), due date or priority. Returns the updated task as one item (same fields as Get Many; IDs are strings). Fails with 404 if the task does not exist or does not belong to the given user.",
	catalogId: 'tasks.update',
	scope: 'api:tasks:write',
	method: 'PATCH',
	path: '/v2/tasks/{taskId}',
	recordsKey: 'tasks',
	output: 'records',
	fields: [
		{
			name: 'taskId',
			displayName: 'Task ID',
			kind: 'id',
			required: true,
			target: 'path',
			placeholder: '1234361284629351',
			description: 'ID of the task (the "id" of a task from Get Many), digits only',
		},
		{ ...userId, target: 'body', description: 'The Gong user who owns the task: pick one or give the user ID (up to 20 digits)' },
		{
			name: 'status',
			displayName: 'Status',
			kind: 'options',
			collection: 'additionalFields',
			default: 'DONE',
			options: [
				{ name: 'Dismissed', value: 'DISMISSED' },
				{ name: 'Done', value: 'DONE' },
				{ name: 'Open', value: 'OPEN' },
			],
			description: 'New status of the task',
		},
		{
			name: 'dueDate',
			displayName: 'Due Date',
			kind: 'dateTime',
			collection: 'additionalFields',
			description: 'New due date and time (sent as ISO-8601 with time zone)',
		},
		{
			name: 'priority',
			displayName: 'Priority',
			kind: 'string',
			collection: 'additionalFields',
			placeholder: 'High',
			description: "New priority, by name as configured in Gong (e.g. High, Medium, Low) or the priority's ID",
		},
	],
	preSend(req, itemIndex) {
		const body = (req.body ?? {}) as IDataObject;
		if (body.status === undefined && body.dueDate === undefined && body.priority === undefined) {
			throw new NodeOperationError(this.getNode(), 'Parameter "Additional Fields" (additionalFields): set at least one of Status, Due Date or Priority — nothing to update', {
				itemIndex,
				description: 'Nothing was sent to Gong.',
			});
		}
		return req;
	},
	postReceive: (records, _itemIndex, response) => taskItems(records, response),
};
