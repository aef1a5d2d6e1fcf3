import { LIMITED_RELEASE, meetingId, organizerEmail } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const deleteMeeting: OperationDef = {
	resource: 'meeting',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a meeting',
	description: `Permanently deletes a Gong meeting, so Gong will not record it. Returns { organizerEmail, meetingId, deleted: true }. ${LIMITED_RELEASE}`,
	catalogId: 'meetings.delete',
	scope: 'api:meetings:user:delete',
	method: 'DELETE',
	path: '/v2/meetings/{meetingId}',
	destructive: true,
	fields: [meetingId, { ...organizerEmail, target: 'body', description: 'Email address of the Gong user who created the meeting' }],
	postReceive(items, itemIndex) {
		const id = String(this.getNodeParameter('meetingId', itemIndex, '')).trim();
		return items.map((item) => ({ ...item, meetingId: id, deleted: true }));
	},
};
