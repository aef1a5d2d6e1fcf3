import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callId, userIds } from '../../../shared/fields';
import type { BuiltRequest, FieldDef } from '../../../shared/framework/types';

/** The call and the users of one callAccessList entry (fields mode). */
export const accessFields: FieldDef[] = [
	{ ...callId, target: 'body' },
	{ ...userIds, target: 'body', required: true },
];

/**
 * Fields mode → { callAccessList: [{ callId, userIds }] }. JSON mode keeps the given body after
 * checking it carries a callAccessList of { callId, userIds[] } entries.
 */
export function toCallAccessList(this: IExecuteFunctions, req: BuiltRequest, itemIndex: number): BuiltRequest {
	if (req.values.callId !== undefined) {
		req.body = { callAccessList: [{ callId: req.values.callId, userIds: req.values.userIds } as IDataObject] };
		return req;
	}
	const list = (req.body as IDataObject | undefined)?.callAccessList;
	const ok =
		Array.isArray(list) &&
		list.length > 0 &&
		list.every((e) => e !== null && typeof e === 'object' && (e as IDataObject).callId !== undefined && Array.isArray((e as IDataObject).userIds));
	if (!ok)
		throw new NodeOperationError(this.getNode(), 'Parameter "JSON Body" (jsonBody): must be { "callAccessList": [{ "callId": "…", "userIds": ["…"] }] } with at least one entry', {
			itemIndex,
			description: 'Fix the JSON body; nothing was sent to Gong.',
		});
	return req;
}
