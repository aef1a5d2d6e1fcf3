import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyTrackers: OperationDef = {
	resource: 'tracker',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many keyword trackers',
	description:
		'Lists the keyword trackers of the company or of one workspace: one item per tracker { trackerId, trackerName, workspaceId, languageKeywords: [{ language, keywords, includeRelatedForms }], affiliation, saidAt, created, updated, … }',
	catalogId: 'settings.listTrackers',
	scope: 'api:settings:trackers:read',
	method: 'GET',
	path: '/v2/settings/trackers',
	recordsKey: 'keywordTrackers',
	output: 'records',
	fields: [{ ...workspaceId, collection: 'filters', description: 'Only trackers of this Gong workspace (an unknown workspace fails with 404)' }],
};
