import { commonEventFields, contentFields, eventTimestamp, LEGACY_NOTE, personFields, prepareEvent, reportingSystem } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const reportContentViewed: OperationDef = {
	resource: 'engagementEvent',
	operation: 'contentViewed',
	name: 'Report Content Viewed',
	action: 'Report a content view',
	description: `Adds a "content viewed" event to Gong's activity timeline, e.g. a prospect opened a contract or presentation. Returns { requestId, integrationId } (integrationId exact as text). ${LEGACY_NOTE}`,
	catalogId: 'engagement.contentViewed',
	scope: 'api:engagement-data:write',
	method: 'PUT',
	path: '/v2/customer-engagement/content/viewed',
	legacy: true,
	jsonBody: true,
	fields: [
		reportingSystem,
		eventTimestamp,
		...contentFields(true, 'viewed'),
		...personFields('viewer', 'Viewer'),
		{ name: 'viewActionTitle', displayName: 'View Action Title', kind: 'string', placeholder: 'Document Viewed', description: 'Name of the action, e.g. "Document Viewed" or "Presentation Opened"' },
		{ name: 'viewInfoUrl', displayName: 'View Info URL', kind: 'string', description: 'Link to a page with more about this view' },
		{ name: 'shareId', displayName: 'Share ID', kind: 'string', description: 'ID of the share this view belongs to, when content can be shared several times' },
		...commonEventFields,
	],
	preSend(req, itemIndex) {
		return prepareEvent(this, reportContentViewed, req, itemIndex, ['reportingSystem', 'eventTimestamp', 'contentId', 'contentUrl', 'contentTitle']);
	},
};
