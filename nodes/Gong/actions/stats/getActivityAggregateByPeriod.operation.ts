import type { OperationDef } from '../../../shared/framework/types';
import { ensureFilter, statsDayRangeFields } from './fields';

export const getActivityAggregateByPeriod: OperationDef = {
	resource: 'stats',
	operation: 'getActivityAggregateByPeriod',
	name: 'Get Activity Aggregate by Period',
	action: 'Get user activity by period',
	description:
		'Returns the activity of users summed per day, week (from Monday), month, quarter or year within a day range: one item per user { userId, userEmailAddress, userAggregateActivity: [{ fromDate, toDate, callsAsHost, callsAttended … (counts) }] }. Unknown user IDs fail with 404 "User not found".',
	catalogId: 'stats.listActivityAggregateByPeriod',
	scope: 'api:stats:user-actions',
	method: 'POST',
	path: '/v2/stats/activity/aggregate-by-period',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'usersAggregateActivity',
	emptyOn404: false,
	fields: [
		...statsDayRangeFields.slice(0, 2),
		{
			name: 'aggregationPeriod',
			displayName: 'Aggregation Period',
			kind: 'options',
			required: true,
			default: 'WEEK',
			options: [
				{ name: 'Day', value: 'DAY' },
				{ name: 'Month', value: 'MONTH' },
				{ name: 'Quarter', value: 'QUARTER' },
				{ name: 'Week', value: 'WEEK', description: 'Weeks start on Monday' },
				{ name: 'Year', value: 'YEAR' },
			],
			description: 'Calendar period to sum the activity by',
		},
		...statsDayRangeFields.slice(2),
	],
	preSend: ensureFilter,
};
