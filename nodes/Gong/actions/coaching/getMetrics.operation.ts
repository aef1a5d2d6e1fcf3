import { fromDateTime, toDateTime, userId, workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getCoachingMetrics: OperationDef = {
	resource: 'coaching',
	operation: 'getMetrics',
	name: 'Get Metrics',
	action: 'Get coaching metrics of a manager',
	description:
		'Returns the coaching metrics of a manager for a period: one item per manager { manager, directReportsMetrics: [{ report, metrics: { callsListened, callsAttended, callsWithFeedback, callsWithComments, scorecardsFilled } }] } where each metric lists call IDs',
	catalogId: 'coaching.listMetrics',
	scope: 'api:coaching:read',
	method: 'GET',
	path: '/v2/coaching',
	recordsKey: 'coachingData',
	output: 'records',
	fields: [
		{ ...workspaceId, key: 'workspace-id', required: true, description: 'The Gong workspace: pick one or give its ID' },
		{ ...userId, name: 'managerId', displayName: 'Manager', key: 'manager-id', description: 'The manager (a Gong user): pick one or give the user ID (up to 20 digits)' },
		{ ...fromDateTime, key: 'from', required: true },
		{ ...toDateTime, key: 'to', required: true },
	],
};
