import type { OperationDef } from '../../../shared/framework/types';

export const getManyWorkspaces: OperationDef = {
	resource: 'workspace',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many workspaces',
	description: 'Lists all workspaces of the company: one item per workspace { id, name, description }',
	catalogId: 'settings.listWorkspaces',
	scope: 'api:workspaces:read',
	method: 'GET',
	path: '/v2/workspaces',
	recordsKey: 'workspaces',
	output: 'records',
	fields: [],
};
