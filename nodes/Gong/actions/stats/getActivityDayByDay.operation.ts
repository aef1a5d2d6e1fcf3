import type { OperationDef } from '../../../shared/framework/types';
import { ensureFilter, statsDayRangeFields } from './fields';

export const getActivityDayByDay: OperationDef = {
	resource: 'stats',
	operation: 'getActivityDayByDay',
	name: 'Get Activity Day by Day',
	action: 'Get daily user activity',
	description:
		'Returns the daily activity of users for a day range: one item per user with activity { userId, userEmailAddress, userDailyActivityStats: [{ fromDate, toDate, callsAsHost, callsAttended, callsGaveFeedback, ownCallsListenedTo …: [call IDs] }] }. Unknown user IDs fail with 404 "User not found".',
	catalogId: 'stats.listActivityDayByDay',
	scope: 'api:stats:user-actions:detailed',
	method: 'POST',
	path: '/v2/stats/activity/day-by-day',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'usersDetailedActivities',
	emptyOn404: false,
	fields: statsDayRangeFields,
	preSend: ensureFilter,
};
