import type { IDataObject } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { batchedExecute } from '../framework/batch';
import { prefetchCallParties } from './transcript.readable';

/** Whether the item filters by more than call IDs (then a missing call is just filtered out). */
function filtersBeyondIds(filter: IDataObject): boolean {
	return ['fromDateTime', 'toDateTime', 'workspaceId'].some((key) => filter[key] !== undefined && filter[key] !== '');
}

/**
 * Call → Get Transcripts over many input items: the call IDs of all items that share the same
 * other filters are fetched together, 100 per POST /v2/calls/transcript (always this bulk
 * endpoint, also for one item), and each transcript goes back to the item that asked for it.
 * Items without call IDs (date range only) run as usual. A call ID Gong returns no transcript
 * for is a "not found" error for its item, unless the item also filters by date or workspace.
 */
export const batchTranscripts = batchedExecute({
	singleItemStandard: false,
	limit: true,
	keyOf(req) {
		const body = (req.body ?? {}) as IDataObject;
		const filter = (body.filter ?? {}) as IDataObject;
		const ids = Array.isArray(filter.callIds) ? (filter.callIds as string[]) : [];
		if (!ids.length) return null;
		const { callIds: _ids, ...rest } = filter;
		return { ids, group: JSON.stringify({ ...body, filter: rest }) };
	},
	bulkRequest(ids, sample) {
		const body = deepCopy((sample.req.body ?? {}) as IDataObject);
		body.filter = { ...((body.filter as IDataObject) ?? {}), callIds: ids };
		return {
			method: 'POST',
			path: '/v2/calls/transcript',
			body,
			pagination: 'body',
			recordsKey: 'callTranscripts',
			retrySafe: true,
			emptyOn404: true,
			scope: 'api:calls:read:transcript',
		};
	},
	idOf: (record) => (record.callId === undefined || record.callId === null ? undefined : String(record.callId)),
	missingIsError: (req) => !filtersBeyondIds(((req.body ?? {}) as IDataObject).filter as IDataObject ?? {}),
	notFoundLabel: (id) => `Transcript of call ${id}`,
	notFoundHint: 'the call may not exist, may not be visible to this credential, or may not be transcribed yet — transcripts can lag the call by hours',
	/** Readable output needs every call's parties: read them for all items at once (100 per request). */
	async beforeReceive(records) {
		const readable = this.getInputData().some(
			(_, i) => ((this.getNodeParameter('options', i, {}) as IDataObject).outputFormat ?? 'raw') === 'readable',
		);
		if (readable) await prefetchCallParties.call(this, records.map((r) => String(r.callId ?? '')));
	},
});
