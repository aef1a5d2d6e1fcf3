import { checkMeetingJson, endTime, invitees, LIMITED_RELEASE, meetingDetails, organizerEmail, startTime } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const createMeeting: OperationDef = {
	resource: 'meeting',
	operation: 'create',
	name: 'Create',
	action: 'Create a meeting',
	description: `Creates a Gong meeting that Gong will record. Returns { requestId, meetingId, meetingUrl, additionalInvitees }: meetingId is Gong's ID (text, up to 20 digits), meetingUrl is the link to put in the invitation, and additionalInvitees (e.g. Gong's assistant) must be added to the calendar invitation. ${LIMITED_RELEASE}`,
	catalogId: 'meetings.create',
	scope: 'api:meetings:user:create',
	method: 'POST',
	path: '/v2/meetings',
	jsonBody: true,
	fields: [organizerEmail, startTime, endTime, invitees, ...meetingDetails],
	preSend(req, itemIndex) {
		return checkMeetingJson(this, createMeeting, req, itemIndex);
	},
};
