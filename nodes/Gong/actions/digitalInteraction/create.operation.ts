import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkJsonBody, usesJsonBody } from '../../../shared/framework/request';
import type { FieldDef, OperationDef } from '../../../shared/framework/types';

const CUSTOM_FIELD_TYPES = [
	{ name: 'Boolean', value: 'BOOLEAN' },
	{ name: 'Date', value: 'DATE' },
	{ name: 'Duration', value: 'DURATION' },
	{ name: 'Number', value: 'NUMBER' },
	{ name: 'String', value: 'STRING' },
	{ name: 'URL', value: 'URL' },
];

const customFieldList = (name: string, displayName: string, key: string, description: string): FieldDef => ({
	name,
	displayName,
	kind: 'fixedCollection',
	key,
	placeholder: 'Add Custom Field',
	description,
	subFields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: 'Name of the field' },
		{ name: 'value', displayName: 'Value', kind: 'string', required: true, description: 'Value of the field, as text' },
		{ name: 'dataType', displayName: 'Data Type', kind: 'options', default: 'STRING', options: CUSTOM_FIELD_TYPES, description: 'How Gong should read the value' },
	],
});

export const createDigitalInteraction: OperationDef = {
	resource: 'digitalInteraction',
	operation: 'create',
	name: 'Create',
	action: 'Create a digital interaction',
	description:
		'Adds a digital interaction (e.g. a prospect viewed a web page, opened a document, answered a survey) to the person\'s Gong activity timeline. Identify the person with Person fields or a Tracking ID (not both). Returns { requestId }. Gong refuses an event ID sent before (409).',
	catalogId: 'digitalInteractions.add',
	scope: 'api:digital-interactions:write',
	method: 'POST',
	path: '/v2/digital-interaction',
	jsonBody: true,
	fields: [
		{ name: 'eventId', displayName: 'Event ID', kind: 'string', required: true, description: 'Your unique ID of the event; Gong uses it to drop duplicates' },
		{ name: 'timestamp', displayName: 'Event Time', kind: 'dateTime', required: true, description: 'When the event happened (sent as ISO-8601 with time zone)' },
		{ name: 'eventType', displayName: 'Event Type', kind: 'string', required: true, placeholder: 'Pricing Page Viewed', description: 'What happened, e.g. "Pricing Page Viewed" or "Webinar Attended"' },
		{ name: 'contentTitle', displayName: 'Content Title', kind: 'string', required: true, key: 'content.contentTitle', description: 'Title of the content the person engaged with' },
		{ name: 'personEmail', displayName: 'Person Email', kind: 'email', key: 'person.email', placeholder: 'name@email.com', description: 'Email address of the person who did it' },
		{ name: 'personName', displayName: 'Person Name', kind: 'string', key: 'person.name', description: 'Name of the person' },
		{ name: 'personPhoneNumber', displayName: 'Person Phone Number', kind: 'string', key: 'person.phoneNumber', description: 'Phone number of the person' },
		{ name: 'personId', displayName: 'Person ID', kind: 'string', key: 'person.personId', description: 'ID of the person in your system' },
		{
			name: 'personCrmObjectType',
			displayName: 'Person CRM Object Type',
			kind: 'options',
			key: 'person.personBusinessContext.objectType',
			default: 'CONTACT',
			options: [
				{ name: 'Contact', value: 'CONTACT' },
				{ name: 'Lead', value: 'LEAD' },
			],
			description: 'Whether the person is a contact or a lead in the CRM (with Person CRM Object ID)',
		},
		{ name: 'personCrmObjectId', displayName: 'Person CRM Object ID', kind: 'string', key: 'person.personBusinessContext.objectId', description: 'The person\'s contact or lead ID in the CRM' },
		{ name: 'companyName', displayName: 'Company Name', kind: 'string', key: 'person.company.name', description: 'Name of the person\'s company' },
		{ name: 'companyDomain', displayName: 'Company Domain', kind: 'string', key: 'person.company.domain', placeholder: 'acme.com', description: 'Web domain of the person\'s company' },
		{ name: 'trackingId', displayName: 'Tracking ID', kind: 'string', description: 'Tracking ID of the person, instead of Person fields' },
		{ name: 'contentId', displayName: 'Content ID', kind: 'string', key: 'content.contentId', description: 'ID of the content in your system' },
		{ name: 'contentUrl', displayName: 'Content URL', kind: 'string', key: 'content.contentUrl', description: 'URL of the content' },
		{ name: 'contentLabel', displayName: 'Content Labels', kind: 'strings', key: 'content.contentLabel', description: 'Labels of the content; several values or comma-separated text' },
		{ name: 'contentAdditionalInfoUrl', displayName: 'Content Info URL', kind: 'string', key: 'content.contentAdditionalInfoUrl', description: 'Link to more about the content' },
		customFieldList('contentCustomFields', 'Content Custom Fields', 'content.contentCustomFields', 'Extra data about the content'),
		customFieldList('customFields', 'Event Custom Fields', 'customFields', 'Extra data about the event'),
		{ name: 'sourceSystemName', displayName: 'Source System Name', kind: 'string', description: 'With an iPaaS: the name of the technology partner the data comes from' },
		{ name: 'sessionId', displayName: 'Session ID', kind: 'string', description: 'ID of the session, to tie related events together' },
		{
			name: 'device',
			displayName: 'Device',
			kind: 'options',
			default: 'PC',
			options: [
				{ name: 'Mobile', value: 'MOBILE' },
				{ name: 'PC', value: 'PC' },
			],
			description: 'The device used',
		},
	],
	preSend(req, itemIndex) {
		const node = this.getNode();
		const jsonMode = usesJsonBody(this, createDigitalInteraction, itemIndex);
		if (jsonMode) checkJsonBody(this, req.body, itemIndex, ['eventId', 'timestamp', 'eventType', 'content.contentTitle']);
		const body = (req.body ?? {}) as IDataObject;
		const person = body.person as IDataObject | undefined;
		if (person && body.trackingId)
			throw new NodeOperationError(node, 'Give either the person or "Tracking ID" (trackingId), not both: Gong refuses a person together with a tracking ID', { itemIndex });
		if (!person && !body.trackingId)
			throw new NodeOperationError(node, 'Identify who did it: set a Person field (e.g. "Person Email") or "Tracking ID" (trackingId)', { itemIndex });
		const context = person?.personBusinessContext as IDataObject | undefined;
		if (!jsonMode && context && !context.objectId)
			throw new NodeOperationError(node, 'Parameter "Person CRM Object ID" (personCrmObjectId): is required with "Person CRM Object Type"', { itemIndex });
		if (!jsonMode && context && !context.objectType)
			throw new NodeOperationError(node, 'Parameter "Person CRM Object Type" (personCrmObjectType): is required with "Person CRM Object ID"', { itemIndex });
		return req;
	},
};
