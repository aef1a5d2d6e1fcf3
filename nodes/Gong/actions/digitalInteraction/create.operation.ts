import type { IDataObject, INode } from 'n8n-workflow';
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

/** Gong types the score fields as int32. */
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The score fields (content.numericContentDetails): whole int32 numbers; a range (both ends,
 * from ≤ to) whenever any score field is set, as Gong requires; the score inside the range.
 */
function checkScore(node: INode, values: IDataObject, itemIndex: number): void {
	const labels: Record<string, string> = { numericValue: 'Score', numericRangeFrom: 'Score Range From', numericRangeTo: 'Score Range To' };
	const bad = (name: string, text: string) => new NodeOperationError(node, `Parameter "${labels[name]}" (${name}): ${text}`, { itemIndex });
	for (const name of Object.keys(labels)) {
		const value = values[name];
		if (value === undefined) continue;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) throw bad(name, `${String(value)} is not a whole number`);
	}
	const any = ['numericType', ...Object.keys(labels)].some((name) => values[name] !== undefined);
	if (!any) return;
	for (const name of ['numericRangeFrom', 'numericRangeTo']) {
		if (values[name] === undefined) throw bad(name, 'is required with the other score fields (Gong needs the score\'s range)');
	}
	const from = values.numericRangeFrom as number;
	const to = values.numericRangeTo as number;
	if (from > to) throw bad('numericRangeFrom', `${from} must not be greater than "Score Range To" (${to})`);
	const value = values.numericValue as number | undefined;
	if (value !== undefined && (value < from || value > to)) throw bad('numericValue', `${value} is outside the range ${from}–${to}`);
}

export const createDigitalInteraction: OperationDef = {
	resource: 'digitalInteraction',
	operation: 'create',
	name: 'Create',
	action: 'Create a digital interaction',
	description:
		'Adds a digital interaction (e.g. a prospect viewed a web page, opened a document, answered a survey) to the person\'s Gong activity timeline. Identify the person with Person fields or a Tracking ID (not both); link them to CRM contacts, leads, accounts or opportunities; survey answers and NPS scores go in the Score fields. Returns { requestId }. Gong refuses an event ID sent before (409).',
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
		{
			name: 'personCrmSystemName',
			displayName: 'Person CRM System Name',
			kind: 'string',
			key: 'person.personBusinessContext.systemName',
			placeholder: 'Salesforce',
			description: 'Name of the CRM (or other system) the Person CRM Object ID belongs to',
		},
		customFieldList('personCustomFields', 'Person Custom Fields', 'person.personCustomFields', 'Extra data about the person'),
		{ name: 'companyName', displayName: 'Company Name', kind: 'string', key: 'person.company.name', description: 'Name of the person\'s company' },
		{ name: 'companyDomain', displayName: 'Company Domain', kind: 'string', key: 'person.company.domain', placeholder: 'acme.com', description: 'Web domain of the person\'s company' },
		{ name: 'companyId', displayName: 'Company ID', kind: 'string', key: 'person.company.companyId', description: 'ID of the person\'s company in your system' },
		{
			name: 'companyCrmObjects',
			displayName: 'Company CRM Objects',
			kind: 'fixedCollection',
			key: 'person.company.companyBusinessContexts',
			placeholder: 'Add CRM Object',
			description: 'The company\'s account or opportunity in the CRM; without a Company Domain Gong uses these to link the interaction to the account',
			subFields: [
				{
					name: 'objectType',
					displayName: 'Object Type',
					kind: 'options',
					required: true,
					default: 'ACCOUNT',
					options: [
						{ name: 'Account', value: 'ACCOUNT' },
						{ name: 'Opportunity', value: 'OPPORTUNITY' },
					],
					description: 'Whether the ID is an account or an opportunity',
				},
				{ name: 'objectId', displayName: 'Object ID', kind: 'string', required: true, description: 'The account or opportunity ID in the CRM' },
				{ name: 'systemName', displayName: 'System Name', kind: 'string', placeholder: 'Salesforce', description: 'Name of the CRM the ID belongs to' },
			],
		},
		{ name: 'trackingId', displayName: 'Tracking ID', kind: 'string', description: 'Tracking ID of the person, instead of Person fields' },
		{ name: 'contentId', displayName: 'Content ID', kind: 'string', key: 'content.contentId', description: 'ID of the content in your system' },
		{ name: 'contentUrl', displayName: 'Content URL', kind: 'string', key: 'content.contentUrl', description: 'URL of the content' },
		{ name: 'contentLabel', displayName: 'Content Labels', kind: 'strings', key: 'content.contentLabel', description: 'Labels of the content; several values or comma-separated text' },
		{ name: 'contentAdditionalInfoUrl', displayName: 'Content Info URL', kind: 'string', key: 'content.contentAdditionalInfoUrl', description: 'Link to more about the content' },
		{
			name: 'numericType',
			displayName: 'Score Type',
			kind: 'options',
			key: 'content.numericContentDetails.numericType',
			default: 'NPS',
			options: [
				{ name: 'NPS', value: 'NPS', description: 'Net Promoter Score answer' },
				{ name: 'Other', value: 'OTHER' },
				{ name: 'Percentage', value: 'PERCENTAGE', description: 'For example the share of a video watched' },
				{ name: 'Rating', value: 'RATING', description: 'For example a survey or review rating' },
			],
			description: 'For survey answers, NPS scores and other numeric results: what the score is (with Score, Score Range From and Score Range To)',
		},
		{
			name: 'numericValue',
			displayName: 'Score',
			kind: 'number',
			key: 'content.numericContentDetails.value',
			description: 'The numeric result (whole number), e.g. 9 for an NPS answer; needs Score Range From and Score Range To',
		},
		{
			name: 'numericRangeFrom',
			displayName: 'Score Range From',
			kind: 'number',
			key: 'content.numericContentDetails.rangeFrom',
			description: 'Lowest possible score (whole number), e.g. 0 for NPS',
		},
		{
			name: 'numericRangeTo',
			displayName: 'Score Range To',
			kind: 'number',
			key: 'content.numericContentDetails.rangeTo',
			description: 'Highest possible score (whole number), e.g. 10 for NPS',
		},
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
		if (!jsonMode) checkScore(node, req.values, itemIndex);
		return req;
	},
};
