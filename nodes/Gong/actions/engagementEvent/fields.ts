import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { workspaceId } from '../../../shared/fields';
import { checkJsonBody, usesJsonBody } from '../../../shared/framework/request';
import type { BuiltRequest, FieldDef, OperationDef } from '../../../shared/framework/types';

export const LEGACY_NOTE = 'Legacy API: Gong recommends Digital Interaction → Create for new integrations.';

export const reportingSystem: FieldDef = {
	name: 'reportingSystem',
	displayName: 'Reporting System',
	kind: 'string',
	required: true,
	placeholder: 'docsend',
	description: 'Unique identifier of the system reporting the event (the same value for all its events)',
};

export const eventTimestamp: FieldDef = {
	name: 'eventTimestamp',
	displayName: 'Event Time',
	kind: 'dateTime',
	required: true,
	description: 'When the event happened (sent as ISO-8601 with time zone)',
};

export const contentFields = (required: boolean, verb: string): FieldDef[] => [
	{ name: 'contentId', displayName: 'Content ID', kind: 'string', required, description: `ID of the content ${verb}, in the reporting system` },
	{ name: 'contentUrl', displayName: 'Content URL', kind: 'string', required, placeholder: 'https://docs.example.com/d/123', description: `URL of the content ${verb}` },
	{ name: 'contentTitle', displayName: 'Content Title', kind: 'string', required, description: 'Human-readable title of the content' },
];

const PROPERTY_TYPES = [
	{ name: 'Date', value: 'date' },
	{ name: 'Number', value: 'number' },
	{ name: 'String', value: 'string' },
	{ name: 'URL', value: 'url' },
];

const propertyList = (name: string, displayName: string, description: string): FieldDef => ({
	name,
	displayName,
	kind: 'fixedCollection',
	placeholder: 'Add Property',
	description,
	subFields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: 'Name of the property' },
		{ name: 'value', displayName: 'Value', kind: 'string', required: true, description: 'Value of the property, as text' },
		{ name: 'dataType', displayName: 'Data Type', kind: 'options', required: true, default: 'string', options: PROPERTY_TYPES, description: 'How Gong should read the value' },
	],
});

/** Person sub-fields (viewer / actor / recipient): email, name, title. */
export const personFields = (prefix: string, label: string): FieldDef[] => [
	{ name: `${prefix}Email`, displayName: `${label} Email`, kind: 'email', key: `${prefix}.email`, placeholder: 'name@email.com', description: `Email address of the ${label.toLowerCase()}` },
	{ name: `${prefix}Name`, displayName: `${label} Name`, kind: 'string', key: `${prefix}.name`, description: `Name of the ${label.toLowerCase()}` },
	{ name: `${prefix}Title`, displayName: `${label} Job Title`, kind: 'string', key: `${prefix}.title`, description: `Job title of the ${label.toLowerCase()}` },
];

/** Optional fields every legacy engagement event accepts. */
export const commonEventFields: FieldDef[] = [
	{ name: 'eventId', displayName: 'Event ID', kind: 'string', description: 'The event\'s ID in the reporting system; Gong refuses an event reported twice (409)' },
	{ ...workspaceId, description: 'The Gong workspace of the event' },
	{ name: 'trackingId', displayName: 'Tracking ID', kind: 'string', description: 'ID used to track the person who did the event' },
	{ name: 'moreInfoUrl', displayName: 'More Info URL', kind: 'string', description: 'Link to more information about the event' },
	{
		name: 'crmObjects',
		displayName: 'CRM Objects',
		kind: 'fixedCollection',
		key: 'crmContext',
		placeholder: 'Add CRM Object',
		description: 'CRM records the event relates to (sent as crmContext, grouped by system)',
		subFields: [
			{
				name: 'system',
				displayName: 'System',
				kind: 'options',
				required: true,
				default: 'Salesforce',
				options: [
					{ name: 'Generic', value: 'Generic' },
					{ name: 'HubSpot', value: 'HubSpot' },
					{ name: 'Microsoft Dynamics', value: 'MicrosoftDynamic' },
					{ name: 'Salesforce', value: 'Salesforce' },
				],
				description: 'The CRM holding the record',
			},
			{
				name: 'objectType',
				displayName: 'Object Type',
				kind: 'options',
				required: true,
				default: 'Account',
				options: [
					{ name: 'Account', value: 'Account' },
					{ name: 'Contact', value: 'Contact' },
					{ name: 'Lead', value: 'Lead' },
					{ name: 'Opportunity', value: 'Opportunity' },
					{ name: 'User', value: 'User' },
				],
				description: 'The kind of CRM record',
			},
			{ name: 'objectId', displayName: 'Object ID', kind: 'string', required: true, description: 'The record\'s ID in the CRM' },
		],
	},
	propertyList('contentProperties', 'Content Properties', 'Extra properties of the content'),
	propertyList('eventProperties', 'Event Properties', 'Extra properties of the event'),
	{
		name: 'nonCompanyParticipants',
		displayName: 'Non-Company Participants (JSON)',
		kind: 'json',
		description: 'External people involved, as a JSON array of { email, name, title }',
	},
	{ name: 'userAgent', displayName: 'User Agent', kind: 'string', description: 'The browser\'s User-Agent header, for browser-based events' },
	{ name: 'mobileAppId', displayName: 'Mobile App ID', kind: 'string', description: 'Bundle identifier or package name, for events in a mobile app' },
	{
		name: 'agentPlatform',
		displayName: 'Platform',
		kind: 'options',
		default: 'Windows',
		options: [
			{ name: 'Android', value: 'Android' },
			{ name: 'iOS', value: 'iOS' },
			{ name: 'Linux', value: 'Linux' },
			{ name: 'macOS', value: 'MacOS' },
			{ name: 'Windows', value: 'Windows' },
		],
		description: 'The platform the event happened on',
	},
];

/** Groups the flat CRM object list into Gong's crmContext [{ system, objects: [{ objectType, objectId }] }]. */
function groupCrmContext(list: IDataObject[]): IDataObject[] {
	const bySystem = new Map<string, IDataObject[]>();
	for (const { system, ...object } of list) {
		const key = String(system);
		bySystem.set(key, [...(bySystem.get(key) ?? []), object]);
	}
	return [...bySystem].map(([system, objects]) => ({ system, objects }));
}

/**
 * preSend of the legacy events: JSON mode → check Gong's required keys; fields mode → group the
 * CRM objects and make the participants JSON a list.
 */
export function prepareEvent(ctx: IExecuteFunctions, def: OperationDef, req: BuiltRequest, itemIndex: number, requiredJsonKeys: string[]): BuiltRequest {
	if (usesJsonBody(ctx, def, itemIndex)) {
		checkJsonBody(ctx, req.body, itemIndex, requiredJsonKeys);
		return req;
	}
	const body = (req.body ?? {}) as IDataObject;
	if (Array.isArray(body.crmContext)) body.crmContext = groupCrmContext(body.crmContext as IDataObject[]);
	if (body.nonCompanyParticipants !== undefined && !Array.isArray(body.nonCompanyParticipants))
		body.nonCompanyParticipants = [body.nonCompanyParticipants as IDataObject];
	req.body = body;
	return req;
}
