import type { FieldDef } from '../framework/types';

/**
 * Field definitions several operations share. Spread and override (`{ ...fromDateTime, key: … }`)
 * rather than writing a field again.
 */

export const fromDateTime: FieldDef = {
	name: 'fromDateTime',
	displayName: 'From',
	kind: 'dateTime',
	description: 'Start of the period (inclusive), sent to Gong as ISO-8601 with time zone',
	mustBeBefore: 'toDateTime',
};

export const toDateTime: FieldDef = {
	name: 'toDateTime',
	displayName: 'To',
	kind: 'dateTime',
	description: 'End of the period (exclusive), sent to Gong as ISO-8601 with time zone',
};

export const workspaceId: FieldDef = {
	name: 'workspaceId',
	displayName: 'Workspace',
	kind: 'id',
	locator: 'workspace',
	description: 'Only records of this Gong workspace',
};

export const callIds: FieldDef = {
	name: 'callIds',
	displayName: 'Call IDs',
	kind: 'ids',
	description: 'Gong call IDs (numeric, up to 20 digits); several values or comma-separated text',
	placeholder: '7782342274025937895',
};

export const userIds: FieldDef = {
	name: 'userIds',
	displayName: 'User IDs',
	kind: 'ids',
	description: 'Gong user IDs (numeric, up to 20 digits); several values or comma-separated text',
	placeholder: '234599484848423',
};

export const primaryUserIds: FieldDef = {
	name: 'primaryUserIds',
	displayName: 'Primary User IDs',
	kind: 'ids',
	description: 'Only calls hosted by these Gong users (IDs)',
};

export const callId: FieldDef = {
	name: 'callId',
	displayName: 'Call',
	kind: 'id',
	required: true,
	locator: 'call',
	description: 'The Gong call: pick it, paste its ID (up to 20 digits) or its Gong URL',
};

export const userId: FieldDef = {
	name: 'userId',
	displayName: 'User',
	kind: 'id',
	required: true,
	locator: 'user',
	description: 'The Gong user: pick one or give the user ID (up to 20 digits)',
};
