import { commonEventFields, contentFields, eventTimestamp, LEGACY_NOTE, prepareEvent, reportingSystem } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const reportContentShared: OperationDef = {
	resource: 'engagementEvent',
	operation: 'contentShared',
	name: 'Report Content Shared',
	action: 'Report a content share',
	description: `Adds a "content shared" event to Gong's activity timeline, e.g. an account executive sent a contract to prospects. Returns { requestId, integrationId } (integrationId exact as text). ${LEGACY_NOTE}`,
	catalogId: 'engagement.contentShared',
	scope: 'api:engagement-data:write',
	method: 'PUT',
	path: '/v2/customer-engagement/content/shared',
	legacy: true,
	jsonBody: true,
	fields: [
		reportingSystem,
		eventTimestamp,
		...contentFields(true, 'shared'),
		{ name: 'sharerEmail', displayName: 'Sharer Email', kind: 'email', key: 'sharer.email', placeholder: 'name@email.com', description: 'Email address of the person who shared' },
		{ name: 'sharerName', displayName: 'Sharer Name', kind: 'string', key: 'sharer.name', description: 'Name of the person who shared' },
		{ name: 'sharerId', displayName: 'Sharer ID', kind: 'string', key: 'sharer.id', description: 'ID of the person who shared, in the reporting system' },
		{
			name: 'recipients',
			displayName: 'Recipients',
			kind: 'fixedCollection',
			placeholder: 'Add Recipient',
			description: 'The people the content was shared with',
			subFields: [
				{ name: 'email', displayName: 'Email', kind: 'email', required: true, placeholder: 'name@email.com', description: 'Email address of the recipient' },
				{ name: 'name', displayName: 'Name', kind: 'string', description: 'Name of the recipient' },
				{ name: 'title', displayName: 'Job Title', kind: 'string', description: 'Job title of the recipient' },
			],
		},
		{ name: 'actionName', displayName: 'Action Name', kind: 'string', placeholder: 'Document Sent', description: 'Name of the action, e.g. "Document Sent" or "Presentation Shared"' },
		{ name: 'shareId', displayName: 'Share ID', kind: 'string', description: 'ID of this share, when content can be shared several times' },
		{ name: 'shareInfoUrl', displayName: 'Share Info URL', kind: 'string', description: 'Link to a page with more about this share' },
		{ name: 'sharingMessageSubject', displayName: 'Message Subject', kind: 'string', description: 'Subject of the share email or message' },
		{ name: 'sharingMessageBody', displayName: 'Message Body', kind: 'text', description: 'Body of the share email or message' },
		...commonEventFields,
	],
	preSend(req, itemIndex) {
		return prepareEvent(this, reportContentShared, req, itemIndex, ['reportingSystem', 'eventTimestamp', 'contentId', 'contentUrl', 'contentTitle']);
	},
};
