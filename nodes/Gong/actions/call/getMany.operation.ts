import { fromDateTime, toDateTime, workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyCalls: OperationDef = {
	resource: 'call',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many calls',
	description:
		'Lists calls in a date range (one item per call, basic data). Gong filters on the scheduled time for Gong-recorded web conferences and on the actual start otherwise; calls appear only after Gong has processed them.',
	catalogId: 'calls.list',
	scope: 'api:calls:read:basic',
	method: 'GET',
	path: '/v2/calls',
	pagination: 'query',
	recordsKey: 'calls',
	emptyOn404: true,
	fields: [
		{ ...fromDateTime, required: true },
		{ ...toDateTime, required: true },
		{ ...workspaceId, collection: 'filters' },
	],
};
