import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyBriefs: OperationDef = {
	resource: 'brief',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many AI briefs',
	description:
		'Lists the settings of the AI briefs (Beta) of the company or of one workspace: one item per brief { briefId, briefName, workspaceId, description, status, creator, created, updated, … }. Use a brief\'s name with AI → Get Brief.',
	catalogId: 'settings.listBriefs',
	scope: 'api:ai-briefer:read',
	method: 'GET',
	path: '/v2/settings/briefs',
	recordsKey: 'briefs',
	output: 'records',
	fields: [{ ...workspaceId, collection: 'filters', description: 'Only briefs of this Gong workspace (an unknown workspace fails with 404)' }],
};
