import { crmProspectsIds, flowId, flowInstanceOwnerEmail } from './fields';
import type { FieldDef, OperationDef } from '../../../shared/framework/types';

const stepOverrides: FieldDef = {
	name: 'stepOverrides',
	displayName: 'Step Overrides',
	kind: 'fixedCollection',
	key: 'overrides.steps',
	collection: 'additionalFields',
	placeholder: 'Add Step Override',
	description:
		'Beta. New subject and/or body for steps of this flow instance (sent as overrides.steps)',
	subFields: [
		{ name: 'number', displayName: 'Step Number', kind: 'number', required: true, min: 1, default: 1, description: 'Position of the step in the flow; the first step is 1' },
		{ name: 'subject', displayName: 'Subject', kind: 'string', description: 'New subject of the step\'s email (variables such as {{account_name}} allowed)' },
		{ name: 'body', displayName: 'Body', kind: 'text', description: 'New body of the step (HTML; variables such as {{recipient.first_name}} allowed)' },
	],
};

const variableOverrides: FieldDef = {
	name: 'variableOverrides',
	displayName: 'Variable Overrides',
	kind: 'fixedCollection',
	key: 'overrides.flowInstanceVariables',
	collection: 'additionalFields',
	placeholder: 'Add Variable',
	description: 'Beta. New values of flow variables for the whole flow instance (sent as overrides.flowInstanceVariables)',
	subFields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true, placeholder: 'recipient.first_name', description: 'Name of the flow variable' },
		{ name: 'value', displayName: 'Value', kind: 'string', required: true, description: 'New value of the variable' },
	],
};

const flowInstanceDescription: FieldDef = {
	name: 'flowInstanceDescription',
	displayName: 'Flow Instance Description',
	kind: 'text',
	collection: 'additionalFields',
	description: 'Beta. A description of the goal of this flow instance',
};

const coolOffOverride: FieldDef = {
	name: 'coolOffOverride',
	displayName: 'Ignore Cool-Off',
	kind: 'boolean',
	key: 'overrides.coolOffOverride',
	collection: 'additionalFields',
	description: 'Whether to assign the prospects even if they are in their cool-off period',
};

/** The fields both assign operations share (the deprecated one has no cool-off switch: it always ignores it). */
export const assignFields: FieldDef[] = [
	flowId,
	flowInstanceOwnerEmail,
	{ ...crmProspectsIds, maxItems: 100, description: `${crmProspectsIds.description} (at most 100)` },
	flowInstanceDescription,
	stepOverrides,
	variableOverrides,
];

export const assignProspects: OperationDef = {
	resource: 'engageFlow',
	operation: 'assignProspects',
	name: 'Assign Prospects',
	action: 'Assign prospects to a flow',
	description:
		'Assigns up to 100 CRM contacts or leads to an Engage flow, owned by the given Gong user. Returns one item { prospectsAssigned: [{ crmProspectId, flowInstanceId, flowInstanceStatus … }], prospectsNotAssigned: [{ crmProspectId, errorCode, errorMessage }] }; prospects already in the flow are listed as not assigned.',
	catalogId: 'flows.assignProspects',
	scope: 'api:flows:write',
	method: 'POST',
	path: '/v2/flows/prospects/assign',
	fields: [...assignFields, coolOffOverride],
};
