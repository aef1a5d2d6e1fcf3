import type { OperationDef } from '../../../shared/framework/types';

export const getManyCallOutcomes: OperationDef = {
	resource: 'callOutcome',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many call outcomes',
	description:
		'Lists the call outcomes defined in Gong (e.g. "Meeting booked", "No answer"): one item per outcome { callOutcome, category, connectStatus, sentiment, displayOrder, todoAction, automation }',
	catalogId: 'outcomes.list',
	scope: 'api:call-outcomes:read',
	method: 'GET',
	path: '/v2/call-outcomes',
	recordsKey: 'outcomes',
	output: 'records',
	fields: [],
};
