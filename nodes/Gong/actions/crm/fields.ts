import { randomUUID } from 'crypto';

import type { BuiltRequest, FieldDef } from '../../../shared/framework/types';

/** Fields the CRM operations share. */

export const crmIntegrationId: FieldDef = {
	name: 'integrationId',
	displayName: 'Integration',
	kind: 'id',
	required: true,
	target: 'query',
	locator: 'crmIntegration',
	description:
		'The generic CRM integration: pick it, or give the integration ID returned by "Register Integration" (up to 20 digits, kept exact)',
};

export const CRM_OBJECT_TYPES = [
	{ name: 'Account', value: 'ACCOUNT' },
	{ name: 'Contact', value: 'CONTACT' },
	{ name: 'Deal', value: 'DEAL' },
	{ name: 'Lead', value: 'LEAD' },
];

export const crmObjectType: FieldDef = {
	name: 'objectType',
	displayName: 'Object Type',
	kind: 'options',
	required: true,
	target: 'query',
	options: CRM_OBJECT_TYPES,
	default: 'ACCOUNT',
	description: 'The kind of CRM object',
};

export const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]+$/;

export const clientRequestIdField: FieldDef = {
	name: 'clientRequestId',
	displayName: 'Client Request ID',
	kind: 'string',
	target: 'query',
	collection: 'options',
	pattern: CLIENT_REQUEST_ID,
	patternHint: 'use letters, digits, dashes and underscores only',
	placeholder: 'crm-upload-2024-05-01',
	description:
		'Your unique ID for this request (letters, digits, dashes, underscores); Gong refuses a reused one (409). Left empty, the node generates one (n8n-<UUID>) and returns it, for "Get Request Status".',
};

/** Puts a generated clientRequestId into the query when the user gave none. */
export function ensureClientRequestId(req: BuiltRequest): BuiltRequest {
	if (!req.qs.clientRequestId) req.qs.clientRequestId = `n8n-${randomUUID()}`;
	return req;
}
