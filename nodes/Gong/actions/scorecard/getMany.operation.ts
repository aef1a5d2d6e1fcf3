import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyScorecards: OperationDef = {
	resource: 'scorecard',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many scorecards',
	description:
		'Lists the scorecards defined in Gong: one item per scorecard { scorecardId, scorecardName, workspaceId, enabled, reviewMethod, created, updated, questions: [{ questionId, questionText, questionType, … }] }. IDs are exact strings. Gong has no workspace filter; the Workspace filter here is applied to Gong\'s answer.',
	catalogId: 'settings.listScorecards',
	scope: 'api:settings:scorecards:read',
	method: 'GET',
	path: '/v2/settings/scorecards',
	recordsKey: 'scorecards',
	output: 'records',
	emptyOn404: true,
	fields: [{ ...workspaceId, target: 'none', collection: 'filters', description: 'Only scorecards of this Gong workspace (filtered after Gong\'s answer)' }],
	postReceive(items, itemIndex) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as { workspaceId?: { value?: unknown } | string };
		const raw = filters.workspaceId;
		const wanted = String((typeof raw === 'object' && raw !== null ? raw.value : raw) ?? '').trim();
		if (!wanted) return items;
		return items.filter((s) => String(s.workspaceId ?? '') === wanted);
	},
};
