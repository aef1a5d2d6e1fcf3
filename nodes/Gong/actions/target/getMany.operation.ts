import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyTargets: OperationDef = {
	resource: 'target',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many targets',
	description:
		'Lists the target (quota) definitions of a workspace, one item per target: { id, name, description, type, unit, hierarchyType, createdDateTime }. Newer Gong endpoint; details may differ.',
	catalogId: 'targets.list',
	method: 'GET',
	path: '/v2/targets',
	recordsKey: 'targets',
	output: 'records',
	fields: [{ ...workspaceId, required: true, description: 'The Gong workspace whose targets are listed' }],
};
