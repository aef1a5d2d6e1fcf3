import type { IDataObject } from 'n8n-workflow';

import { callId } from '../../../shared/fields';
import { batchedExecute } from '../../../shared/framework/batch';
import type { OperationDef } from '../../../shared/framework/types';

export const getCall: OperationDef = {
	resource: 'call',
	operation: 'get',
	name: 'Get',
	action: 'Get a call',
	description:
		"Returns one call's basic data (ID, title, URL, scheduled and actual start, duration, primary user, direction, system, scope, media, language, workspace). One input item: GET /v2/calls/{id} (scope api:calls:read:basic). Several items: fetched together, 100 calls per POST /v2/calls/extensive (scope api:calls:read:extensive; without it, one request per item), each call back to its own item; an unknown ID fails only its item.",
	catalogId: 'calls.get',
	scope: 'api:calls:read:basic',
	method: 'GET',
	path: '/v2/calls/{id}',
	fields: [{ ...callId, target: 'path', key: 'id' }],
	recordsKey: 'call',
	output: 'record',
	executeAll: batchedExecute({
		keyOf: (req) => ({ ids: [String(req.values.callId)], group: '' }),
		bulkRequest: (ids) => ({
			method: 'POST',
			path: '/v2/calls/extensive',
			body: { filter: { callIds: ids } },
			pagination: 'body',
			recordsKey: 'calls',
			retrySafe: true,
			emptyOn404: true,
			scope: 'api:calls:read:extensive',
		}),
		idOf: (record) => {
			const id = (record.metaData as IDataObject | undefined)?.id;
			return id === undefined || id === null ? undefined : String(id);
		},
		// The extensive record's metaData is exactly what GET /v2/calls/{id} returns as `call`.
		shape: (record) => (record.metaData ?? {}) as IDataObject,
		notFoundLabel: (id) => `Call ${id}`,
		fallbackOn403: true,
	}),
};
