import type { IDataObject } from 'n8n-workflow';

import { callIds, fromDateTime, primaryUserIds, toDateTime, workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';
import { SIMPLIFY_CONTENT, SIMPLIFY_CONTEXT, simplifyCall, simplifyField } from '../../../shared/calls/simplify';
import { applyContentSelector, callContentField, callContextField, callContextTimingField } from '../../../shared/calls/content';

export const getManyExtensiveCalls: OperationDef = {
	resource: 'call',
	operation: 'getManyExtensive',
	name: 'Get Many (Extensive)',
	action: 'Get many calls with details',
	description:
		'Lists calls with their details (participants, topics, trackers, brief, outline, stats, CRM context …) filtered by date range, call IDs or primary users. One item per call: { metaData, parties, content, interaction, collaboration, media, context }, or with Options > Simplify one flat record { id, title, url, started, duration, primaryUser, participants, topics, brief, keyPoints, nextSteps, outcome, … }. Call IDs are strings of up to 20 digits.',
	catalogId: 'calls.listExtensive',
	scope: 'api:calls:read:extensive',
	method: 'POST',
	path: '/v2/calls/extensive',
	retrySafe: true,
	pagination: 'body',
	recordsKey: 'calls',
	emptyOn404: true,
	fields: [
		{ ...fromDateTime, key: 'filter.fromDateTime', collection: 'filters' },
		{ ...toDateTime, key: 'filter.toDateTime', collection: 'filters' },
		{ ...workspaceId, key: 'filter.workspaceId', collection: 'filters', description: 'Only calls of this workspace (combines with the other filters, Call IDs included)' },
		{ ...callIds, key: 'filter.callIds', collection: 'filters' },
		{ ...primaryUserIds, key: 'filter.primaryUserIds', collection: 'filters' },
		callContentField,
		callContextField,
		callContextTimingField,
		simplifyField,
	],
	preSend(req) {
		const body = (req.body ?? {}) as IDataObject;
		// Gong's filters are independent: Call IDs and Workspace together give the calls of those IDs in that workspace.
		body.filter = (body.filter ?? {}) as IDataObject;
		req.body = body;
		if (req.values.simplify === true) {
			// Simplify needs these parts: ask for them along with the chosen ones.
			req.values.include = [...new Set([...((req.values.include as string[] | undefined) ?? []), ...SIMPLIFY_CONTENT])];
			// crmObjects needs the CRM context; an explicit choice (None included) is kept.
			if (req.values.context === undefined) {
				const selector = ((req.body as IDataObject).contentSelector ?? {}) as IDataObject;
				(req.body as IDataObject).contentSelector = { ...selector, context: SIMPLIFY_CONTEXT };
			}
		}
		return applyContentSelector(req);
	},
	postReceive(items, itemIndex) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return options.simplify === true ? items.map(simplifyCall) : items;
	},
};
