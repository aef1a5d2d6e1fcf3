import { callId } from '../common.fields';
import type { OperationDef } from '../../framework/types';

export const getCall: OperationDef = {
	resource: 'call',
	operation: 'get',
	name: 'Get',
	action: 'Get a call',
	description:
		"Returns one call's basic data (ID, title, URL, scheduled and actual start, duration, primary user, direction, system, scope, media, language, workspace)",
	catalogId: 'calls.get',
	scope: 'api:calls:read:basic',
	method: 'GET',
	path: '/v2/calls/{id}',
	fields: [{ ...callId, target: 'path', key: 'id' }],
	recordsKey: 'call',
	output: 'record',
};
