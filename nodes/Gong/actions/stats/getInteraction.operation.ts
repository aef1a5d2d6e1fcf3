import type { OperationDef } from '../../../shared/framework/types';
import { ensureFilter, statsDayRangeFields } from './fields';

export const getInteractionStats: OperationDef = {
	resource: 'stats',
	operation: 'getInteraction',
	name: 'Get Interaction',
	action: 'Get interaction stats',
	description:
		'Returns interaction stats per user for a day range, from calls with Whisper turned on: one item per user { userId, userEmailAddress, personInteractionStats: [{ name, value }] } (talk ratio, longest monologue, longest customer story, interactivity, patience, question rate). No stats in the period gives no items.',
	catalogId: 'stats.listInteraction',
	scope: 'api:stats:interaction',
	method: 'POST',
	path: '/v2/stats/interaction',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'peopleInteractionStats',
	emptyOn404: true,
	fields: statsDayRangeFields,
	preSend: ensureFilter,
};
