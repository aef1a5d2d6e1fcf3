import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkJsonBody, usesJsonBody } from '../../../shared/framework/request';
import type { BuiltRequest, FieldDef, OperationDef } from '../../../shared/framework/types';
import { toEntries } from '../../../shared/framework/validate';

export const LIMITED_RELEASE =
	'Meetings are a Gong limited release (beta): without access Gong answers 403 "Limited release"; ask your Gong CSM to enable it.';

export const meetingId: FieldDef = {
	name: 'meetingId',
	displayName: 'Meeting ID',
	kind: 'id',
	required: true,
	target: 'path',
	placeholder: '7782342274025937895',
	description: 'Gong\'s ID of the meeting, as returned by "Create" (up to 20 digits, kept exact)',
};

export const organizerEmail: FieldDef = {
	name: 'organizerEmail',
	displayName: 'Organizer Email',
	kind: 'email',
	required: true,
	placeholder: 'name@email.com',
	description: 'Email address of the Gong user who organizes the meeting; their consent page settings apply',
};

export const startTime: FieldDef = {
	name: 'startTime',
	displayName: 'Start Time',
	kind: 'dateTime',
	required: true,
	mustBeBefore: 'endTime',
	description: 'When the meeting starts (sent as ISO-8601 with time zone)',
};

export const endTime: FieldDef = {
	name: 'endTime',
	displayName: 'End Time',
	kind: 'dateTime',
	required: true,
	description: 'When the meeting ends (sent as ISO-8601 with time zone)',
};

export const invitees: FieldDef = {
	name: 'invitees',
	displayName: 'Invitees',
	kind: 'fixedCollection',
	required: true,
	placeholder: 'Add Invitee',
	description:
		'The people invited, not counting the organizer. For a list that varies from item to item, define the body as JSON instead (invitees: [{ email, displayName, firstName, lastName }]).',
	subFields: [
		{ name: 'email', displayName: 'Email', kind: 'email', required: true, placeholder: 'name@email.com', description: 'Email address of the invitee' },
		{ name: 'displayName', displayName: 'Display Name', kind: 'string', description: 'Full name of the invitee, as shown in the invitation' },
		{ name: 'firstName', displayName: 'First Name', kind: 'string', description: 'First name of the invitee, if known' },
		{ name: 'lastName', displayName: 'Last Name', kind: 'string', description: 'Last name of the invitee, if known' },
	],
};

export const meetingDetails: FieldDef[] = [
	{ name: 'title', displayName: 'Title', kind: 'string', description: 'Title of the meeting' },
	{ name: 'externalId', displayName: 'External ID', kind: 'string', description: 'The meeting\'s ID in your system (e.g. the calendar event ID)' },
	{
		name: 'provider',
		displayName: 'Provider',
		kind: 'string',
		placeholder: 'zoom',
		description: 'The web conferencing provider to use (e.g. zoom); empty means the organizer\'s default provider',
	},
];

/**
 * preSend of create / update: a JSON body must hold Gong's required keys and invitees that are
 * objects with a valid email and only Gong's invitee fields.
 */
export function checkMeetingJson(ctx: IExecuteFunctions, def: OperationDef, req: BuiltRequest, itemIndex: number): BuiltRequest {
	if (!usesJsonBody(ctx, def, itemIndex)) return req;
	checkJsonBody(ctx, req.body, itemIndex, ['startTime', 'endTime', 'organizerEmail', 'invitees']);
	const field = { ...invitees, name: 'jsonBody.invitees', displayName: 'JSON Body: invitees' };
	toEntries(ctx.getNode(), field, (req.body as IDataObject).invitees, itemIndex, ctx.getTimezone());
	return req;
}
