import type { IDataObject } from 'n8n-workflow';

import { userIds } from '../../../shared/fields';
import type { BuiltRequest, FieldDef } from '../../../shared/framework/types';

/**
 * The filter shared by the user-activity stats: a day range (YYYY-MM-DD in the company's time
 * zone, to exclusive and not after today), optional users and user creation range.
 */
export const statsDayRangeFields: FieldDef[] = [
	{
		name: 'fromDate',
		displayName: 'From Date',
		kind: 'date',
		key: 'filter.fromDate',
		required: true,
		mustBeBefore: 'toDate',
		description: 'First day of the period (inclusive), YYYY-MM-DD in the company\'s time zone',
	},
	{
		name: 'toDate',
		displayName: 'To Date',
		kind: 'date',
		key: 'filter.toDate',
		required: true,
		notInFuture: true,
		description: 'Day after the period (exclusive), YYYY-MM-DD in the company\'s time zone; not later than today',
	},
	{ ...userIds, key: 'filter.userIds', collection: 'filters', description: 'Only these Gong users (IDs); by default every user with activity' },
	{
		name: 'createdFromDateTime',
		displayName: 'User Created After',
		kind: 'dateTime',
		key: 'filter.createdFromDateTime',
		collection: 'filters',
		mustBeBefore: 'createdToDateTime',
		description: 'Only users created at or after this time',
	},
	{
		name: 'createdToDateTime',
		displayName: 'User Created Before',
		kind: 'dateTime',
		key: 'filter.createdToDateTime',
		collection: 'filters',
		description: 'Only users created before this time',
	},
];

/** Gong requires the filter object even when empty. */
export function ensureFilter(req: BuiltRequest): BuiltRequest {
	const body = (req.body ?? {}) as IDataObject;
	body.filter = body.filter ?? {};
	req.body = body;
	return req;
}
