import type { ResourceDef } from '../../../shared/framework/types';
import { getManyTargets } from './getMany.operation';
import { uploadTargetAssignments } from './uploadAssignments.operation';

export const targetResource: ResourceDef = {
	value: 'target',
	name: 'Target',
	description: 'Target (quota) definitions and their assignments (newer Gong endpoints)',
	operations: [getManyTargets, uploadTargetAssignments],
};
