import type { ResourceDef } from '../../../shared/framework/types';
import { getManyWorkspaces } from './getMany.operation';

export const workspaceResource: ResourceDef = {
	value: 'workspace',
	name: 'Workspace',
	description: 'Gong workspaces of the company',
	operations: [getManyWorkspaces],
};
