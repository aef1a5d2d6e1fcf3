import { checkMeetingJson, endTime, invitees, LIMITED_RELEASE, meetingDetails, meetingId, organizerEmail, startTime } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const updateMeeting: OperationDef = {
	resource: 'meeting',
	operation: 'update',
	name: 'Update',
	action: 'Update a meeting',
	description: `Changes a Gong meeting: its times and its full list of invitees are replaced (give all of them), title, external ID and provider when set. Returns { requestId, meetingId }. ${LIMITED_RELEASE}`,
	catalogId: 'meetings.update',
	scope: 'api:meetings:user:update',
	method: 'PUT',
	path: '/v2/meetings/{meetingId}',
	jsonBody: true,
	fields: [meetingId, organizerEmail, startTime, endTime, invitees, ...meetingDetails],
	preSend(req, itemIndex) {
		return checkMeetingJson(this, updateMeeting, req, itemIndex);
	},
};
