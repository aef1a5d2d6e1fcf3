import { commonEventFields, contentFields, eventTimestamp, LEGACY_NOTE, personFields, prepareEvent, reportingSystem } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const reportCustomAction: OperationDef = {
	resource: 'engagementEvent',
	operation: 'customAction',
	name: 'Report Custom Action',
	action: 'Report a custom action',
	description: `Adds a custom engagement event to Gong's activity timeline, e.g. a prospect signed a contract. Returns { requestId, integrationId } (integrationId exact as text). ${LEGACY_NOTE}`,
	catalogId: 'engagement.customAction',
	scope: 'api:engagement-data:write',
	method: 'PUT',
	path: '/v2/customer-engagement/action',
	legacy: true,
	jsonBody: true,
	fields: [
		reportingSystem,
		eventTimestamp,
		{ name: 'actionName', displayName: 'Action Name', kind: 'string', required: true, placeholder: 'Contract Signed', description: 'Name of the action as Gong shows it, e.g. "Contract Signed"' },
		...contentFields(false, 'acted on'),
		...personFields('actor', 'Actor'),
		{ name: 'eventInfoUrl', displayName: 'Event Info URL', kind: 'string', description: 'Link to a page with more about this event' },
		...commonEventFields,
	],
	preSend(req, itemIndex) {
		return prepareEvent(this, reportCustomAction, req, itemIndex, ['reportingSystem', 'eventTimestamp']);
	},
};
