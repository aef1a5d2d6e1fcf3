import { userIds } from '../../../shared/fields';
import type { FieldDef, OperationDef } from '../../../shared/framework/types';
import { ensureFilter } from './fields';

const day = (name: string, displayName: string, description: string, mustBeBefore?: string): FieldDef => ({
	name,
	displayName,
	kind: 'date',
	key: `filter.${name}`,
	collection: 'filters',
	mustBeBefore,
	description: `${description}, YYYY-MM-DD in the company's time zone`,
});

export const getAnsweredScorecards: OperationDef = {
	resource: 'stats',
	operation: 'getAnsweredScorecards',
	name: 'Get Answered Scorecards',
	action: 'Get answered scorecards',
	description:
		'Lists answered scorecards, filtered by call date, review date, review method, reviewed users or scorecards: one item per answered scorecard { answeredScorecardId, scorecardId, scorecardName, callId, callStartTime, reviewedUserId, reviewerUserId, reviewMethod, reviewTime, answers: [{ questionId, score, answerText … }] }. IDs are exact strings. Nothing found gives no items.',
	catalogId: 'stats.listAnsweredScorecards',
	scope: 'api:stats:scorecards',
	method: 'POST',
	path: '/v2/stats/activity/scorecards',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'answeredScorecards',
	emptyOn404: true,
	fields: [
		day('callFromDate', 'Call From Date', 'Only calls on or after this day', 'callToDate'),
		day('callToDate', 'Call To Date', 'Only calls before this day (exclusive)'),
		day('reviewFromDate', 'Review From Date', 'Only reviews on or after this day', 'reviewToDate'),
		day('reviewToDate', 'Review To Date', 'Only reviews before this day (exclusive)'),
		{
			name: 'reviewMethod',
			displayName: 'Review Method',
			kind: 'options',
			key: 'filter.reviewMethod',
			collection: 'filters',
			default: 'MANUAL',
			options: [
				{ name: 'Automatic', value: 'AUTOMATIC', description: 'Scorecards filled by Gong\'s AI' },
				{ name: 'Both', value: 'BOTH' },
				{ name: 'Manual', value: 'MANUAL', description: 'Scorecards filled by people (Gong\'s default)' },
			],
			description: 'Which reviews to include; Gong returns manual reviews only when not set',
		},
		{ ...userIds, name: 'reviewedUserIds', displayName: 'Reviewed User IDs', key: 'filter.reviewedUserIds', collection: 'filters', description: 'Only scorecards about calls of these Gong users (IDs)' },
		{ name: 'scorecardIds', displayName: 'Scorecard IDs', kind: 'ids', key: 'filter.scorecardIds', collection: 'filters', description: 'Only these scorecards (IDs, see Scorecard → Get Many)' },
	],
	preSend: ensureFilter,
};
