import type { FieldDef } from '../../../shared/framework/types';

/** Field definitions the Engage Flow operations share. */

export const flowId: FieldDef = {
	name: 'flowId',
	displayName: 'Flow',
	kind: 'id',
	required: true,
	locator: 'flow',
	description: 'The Gong Engage flow: pick it or give its ID (digits, up to 20)',
};

export const flowInstanceOwnerEmail: FieldDef = {
	name: 'flowInstanceOwnerEmail',
	displayName: 'Flow Instance Owner Email',
	kind: 'email',
	required: true,
	placeholder: 'name@email.com',
	description: 'Email address of the Gong user who owns the flow instance and its to-dos',
};

export const crmProspectsIds: FieldDef = {
	name: 'crmProspectsIds',
	displayName: 'CRM Prospect IDs',
	kind: 'strings',
	required: true,
	placeholder: '00Q5e00000AbCdEFGH',
	description: 'CRM IDs of the contacts or leads (e.g. Salesforce IDs); several values or comma-separated text',
};

export const unassignedByUserEmail: FieldDef = {
	name: 'unassignedByUserEmail',
	displayName: 'Unassigned By (Email)',
	kind: 'email',
	collection: 'additionalFields',
	placeholder: 'name@email.com',
	description: 'Email address of the Gong user on whose behalf the prospects are removed (not the prospect\'s email)',
};

export const flowInstanceIds: FieldDef = {
	name: 'flowInstanceIds',
	displayName: 'Flow Instance IDs',
	kind: 'ids',
	placeholder: '234599484848423',
	description: 'IDs of flow instances (one prospect in one flow), as returned by Assign Prospects or Get Prospect Flows',
};
