import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callIds, fromDateTime, primaryUserIds, toDateTime, workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';
import { SIMPLIFY_CONTENT, simplifyCall, simplifyField } from '../../../shared/calls/simplify';
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
		{ ...workspaceId, key: 'filter.workspaceId', collection: 'filters', description: 'Only calls of this workspace (cannot be combined with Call IDs)' },
		{ ...callIds, key: 'filter.callIds', collection: 'filters' },
		{ ...primaryUserIds, key: 'filter.primaryUserIds', collection: 'filters' },
		callContentField,
		callContextField,
		callContextTimingField,
		simplifyField,
	],
	preSend(req, itemIndex) {
		const body = (req.body ?? {}) as IDataObject;
		const filter = (body.filter ?? {}) as IDataObject;
		if (filter.callIds && filter.workspaceId) {
			throw new NodeOperationError(this.getNode(), 'Filters "Call IDs" and "Workspace" cannot be used together: Gong accepts only one of them', { itemIndex });
		}
		body.filter = filter;
		req.body = body;
		if (req.values.simplify === true) {
			// Simplify needs these parts: ask for them along with the chosen ones.
			req.values.include = [...new Set([...((req.values.include as string[] | undefined) ?? []), ...SIMPLIFY_CONTENT])];
		}
		return applyContentSelector(req);
	},
	postReceive(items, itemIndex) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return options.simplify === true ? items.map(simplifyCall) : items;
	},
};
