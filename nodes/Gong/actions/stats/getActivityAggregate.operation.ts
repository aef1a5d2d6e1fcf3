import type { OperationDef } from '../../../shared/framework/types';
import { ensureFilter, statsDayRangeFields } from './fields';

export const getActivityAggregate: OperationDef = {
	resource: 'stats',
	operation: 'getActivityAggregate',
	name: 'Get Activity Aggregate',
	action: 'Get aggregated user activity',
	description:
		'Returns the activity of users summed over a day range: one item per user { userId, userEmailAddress, userAggregateActivityStats: { callsAsHost, callsAttended, callsGaveFeedback, callsScorecardsFilled … (counts) } }. Unknown user IDs fail with 404 "User not found".',
	catalogId: 'stats.listActivityAggregate',
	scope: 'api:stats:user-actions',
	method: 'POST',
	path: '/v2/stats/activity/aggregate',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'usersAggregateActivityStats',
	emptyOn404: false,
	fields: statsDayRangeFields,
	preSend: ensureFilter,
};
