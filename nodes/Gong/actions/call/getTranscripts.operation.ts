import type { IDataObject } from 'n8n-workflow';

import { callIds, fromDateTime, toDateTime, workspaceId } from '../common.fields';
import type { OperationDef } from '../../framework/types';

export const getCallTranscripts: OperationDef = {
	resource: 'call',
	operation: 'getTranscripts',
	name: 'Get Transcripts',
	action: 'Get call transcripts',
	description:
		'Returns transcripts of calls chosen by call IDs or date range: one item per call, { callId, transcript: [{ speakerId, topic, sentences: [{ start, end, text }] }] } with times in milliseconds. Transcripts can lag the call by hours.',
	catalogId: 'calls.getTranscripts',
	scope: 'api:calls:read:transcript',
	method: 'POST',
	path: '/v2/calls/transcript',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'callTranscripts',
	emptyOn404: true,
	fields: [
		{ ...callIds, key: 'filter.callIds', collection: 'filters' },
		{ ...fromDateTime, key: 'filter.fromDateTime', collection: 'filters' },
		{ ...toDateTime, key: 'filter.toDateTime', collection: 'filters' },
		{ ...workspaceId, key: 'filter.workspaceId', collection: 'filters' },
	],
	preSend(req) {
		const body = (req.body ?? {}) as IDataObject;
		body.filter = body.filter ?? {};
		req.body = body;
		return req;
	},
};
