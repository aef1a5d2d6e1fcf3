import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { workspaceId } from '../../../shared/fields';
import type { BuiltRequest, FieldDef } from '../../../shared/framework/types';

/** The CRM entity and the time window both AI operations work on. */
export const entityFields: FieldDef[] = [
	{ ...workspaceId, required: true, description: 'The Gong workspace: pick one or give its ID' },
	{
		name: 'crmEntityType',
		displayName: 'CRM Entity Type',
		kind: 'options',
		required: true,
		default: 'ACCOUNT',
		options: [
			{ name: 'Account', value: 'ACCOUNT' },
			{ name: 'Contact', value: 'CONTACT' },
			{ name: 'Deal', value: 'DEAL' },
			{ name: 'Lead', value: 'LEAD' },
		],
		description: 'The type of the CRM object',
	},
	{
		name: 'crmEntityId',
		displayName: 'CRM Entity ID',
		kind: 'string',
		required: true,
		placeholder: '0013t00002AbCdEAAV',
		description: 'The ID of the account, contact, deal or lead in your CRM (e.g. a Salesforce ID)',
	},
	{
		name: 'timePeriod',
		displayName: 'Time Period',
		kind: 'options',
		required: true,
		default: 'LAST_90DAYS',
		options: [
			{ name: 'All Conversations', value: 'ALL_CONVERSATIONS' },
			{ name: 'Custom Range', value: 'CUSTOM_RANGE', description: 'Between From and To' },
			{ name: 'Last 30 Days', value: 'LAST_30DAYS' },
			{ name: 'Last 7 Days', value: 'LAST_7DAYS' },
			{ name: 'Last 90 Days', value: 'LAST_90DAYS' },
			{ name: 'Last 90 Days Since Last Activity', value: 'LAST_90_DAYS_SINCE_LAST_ACTIVITY' },
			{ name: 'Last Year', value: 'LAST_YEAR' },
			{ name: 'Last Year Since Last Activity', value: 'LAST_YEAR_SINCE_LAST_ACTIVITY' },
			{ name: 'This Month', value: 'THIS_MONTH' },
			{ name: 'This Quarter', value: 'THIS_QUARTER' },
			{ name: 'This Week', value: 'THIS_WEEK' },
			{ name: 'This Year', value: 'THIS_YEAR' },
		],
		description: 'Which calls and emails of the entity Gong reads to answer',
	},
	{
		name: 'fromDateTime',
		displayName: 'From',
		kind: 'dateTime',
		required: true,
		showWhen: { timePeriod: ['CUSTOM_RANGE'] },
		mustBeBefore: 'toDateTime',
		description: 'Calls and emails from this time (inclusive)',
	},
	{
		name: 'toDateTime',
		displayName: 'To',
		kind: 'dateTime',
		collection: 'options',
		description: 'With Time Period "Custom Range": calls and emails before this time; until now when empty',
	},
];

/** "To" only means something with a custom range. */
export function checkCustomRange(this: IExecuteFunctions, req: BuiltRequest, itemIndex: number): BuiltRequest {
	const values = req.values as IDataObject;
	if (values.toDateTime !== undefined && values.timePeriod !== 'CUSTOM_RANGE')
		throw new NodeOperationError(this.getNode(), 'Parameter "To" (toDateTime): only used with Time Period "Custom Range"', {
			itemIndex,
			description: 'Choose Time Period "Custom Range" or remove the option; nothing was sent to Gong.',
		});
	return req;
}
