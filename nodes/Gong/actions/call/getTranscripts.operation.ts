import type { IDataObject } from 'n8n-workflow';

import { callIds, fromDateTime, toDateTime, workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';
import { readableTranscripts, transcriptFormatField } from '../../../shared/calls/transcript.readable';
import { batchTranscripts } from '../../../shared/calls/transcripts.batch';

export const getCallTranscripts: OperationDef = {
	resource: 'call',
	operation: 'getTranscripts',
	name: 'Get Transcripts',
	action: 'Get call transcripts',
	description:
		'Returns transcripts of calls chosen by call IDs or date range: one item per call, { callId, transcript: [{ speakerId, topic, sentences: [{ start, end, text }] }] } with times in milliseconds; speakerId matches the speakerId of the call\'s parties. Options > Output Format "Readable" adds speaker names, affiliation, mm:ss timestamps and a plain-text "text" per call (for LLM prompts). Transcripts can lag the call by hours.',
	catalogId: 'calls.getTranscripts',
	scope: 'api:calls:read:transcript',
	method: 'POST',
	path: '/v2/calls/transcript',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'callTranscripts',
	emptyOn404: true,
	/** Many input items with call IDs: 100 call IDs per request, each transcript back to its item. */
	executeAll: batchTranscripts,
	fields: [
		{ ...callIds, key: 'filter.callIds', collection: 'filters' },
		{ ...fromDateTime, key: 'filter.fromDateTime', collection: 'filters' },
		{ ...toDateTime, key: 'filter.toDateTime', collection: 'filters' },
		{ ...workspaceId, key: 'filter.workspaceId', collection: 'filters' },
		transcriptFormatField,
	],
	preSend(req) {
		const body = (req.body ?? {}) as IDataObject;
		body.filter = body.filter ?? {};
		req.body = body;
		return req;
	},
	/** Output Format "Readable": speaker names, affiliation, timestamps and plain text (see transcript.readable.ts). */
	async postReceive(items, itemIndex) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return options.outputFormat === 'readable' ? await readableTranscripts.call(this, items, itemIndex) : items;
	},
};
