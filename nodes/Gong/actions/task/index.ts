import type { ResourceDef } from '../../../shared/framework/types';
import { getManyTasks } from './getMany.operation';
import { updateTask } from './update.operation';

export const taskResource: ResourceDef = {
	value: 'task',
	name: 'Task',
	description: 'Gong Engage tasks (to-dos): list and update',
	operations: [getManyTasks, updateTask],
};
