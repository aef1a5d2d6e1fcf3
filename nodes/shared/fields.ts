import type { FieldDef } from './framework/types';

/**
 * Field definitions several operations share. Spread and override (`{ ...fromDateTime, key: … }`)
 * rather than writing a field again.
 */

export const fromDateTime: FieldDef = {
	name: 'fromDateTime',
	displayName: 'From',
	kind: 'dateTime',
	description: 'Start of the period (inclusive): an ISO-8601 date-time with time zone, e.g. 2025-03-01T00:00:00Z',
	mustBeBefore: 'toDateTime',
};

export const toDateTime: FieldDef = {
	name: 'toDateTime',
	displayName: 'To',
	kind: 'dateTime',
	description: 'End of the period (exclusive): an ISO-8601 date-time with time zone, e.g. 2025-04-01T00:00:00Z',
};

export const workspaceId: FieldDef = {
	name: 'workspaceId',
	displayName: 'Workspace',
	kind: 'id',
	locator: 'workspace',
	description: 'Only records of this Gong workspace: pick it or give its ID (digits only, up to 20, as text)',
};

export const callIds: FieldDef = {
	name: 'callIds',
	displayName: 'Call IDs',
	kind: 'ids',
	description: 'Gong call IDs: digits only, up to 20 (e.g. 7782342274025937895), kept as text because numbers this long lose precision; several values or comma-separated text',
	placeholder: '7782342274025937895',
};

export const userIds: FieldDef = {
	name: 'userIds',
	displayName: 'User IDs',
	kind: 'ids',
	description: 'Gong user IDs (not email addresses): digits only, up to 20, kept as text; several values or comma-separated text',
	placeholder: '234599484848423',
};

export const primaryUserIds: FieldDef = {
	name: 'primaryUserIds',
	displayName: 'Primary User IDs',
	kind: 'ids',
	description: 'Only calls hosted by these Gong users: user IDs (digits only, up to 20, as text), not email addresses',
};

export const callId: FieldDef = {
	name: 'callId',
	displayName: 'Call',
	kind: 'id',
	required: true,
	locator: 'call',
	description: 'The Gong call: pick it, give its ID (digits only, up to 20, as text, e.g. 7782342274025937895) or paste its Gong URL (…/call?id=…)',
};

export const userId: FieldDef = {
	name: 'userId',
	displayName: 'User',
	kind: 'id',
	required: true,
	locator: 'user',
	description: 'The Gong user: pick one or give the user ID (digits only, up to 20, as text; not an email address)',
};
