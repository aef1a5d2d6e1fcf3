import type { IDataObject } from 'n8n-workflow';

import { applyCapabilities, grantCapabilities, profileSettingFields } from './fields';
import { workspaceId } from '../../../shared/fields';
import { checkJsonBody, usesJsonBody } from '../../../shared/framework/request';
import type { OperationDef } from '../../../shared/framework/types';

export const createPermissionProfile: OperationDef = {
	resource: 'permissionProfile',
	operation: 'create',
	name: 'Create',
	action: 'Create a permission profile',
	description:
		'Creates a permission profile in a workspace. Capabilities not granted are off. For settings not offered as fields, define the body as JSON (Gong\'s PermissionProfileDTO). Returns the new profile with its ID.',
	catalogId: 'permissions.createProfile',
	scope: 'api:permission-profile:write',
	method: 'POST',
	path: '/v2/permission-profile',
	jsonBody: true,
	recordsKey: 'profile',
	output: 'record',
	fields: [
		{ ...workspaceId, required: true, target: 'query', description: 'The workspace the profile belongs to' },
		{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: 'Name of the profile, unique in the workspace' },
		grantCapabilities,
		...profileSettingFields,
	],
	preSend(req, itemIndex) {
		if (usesJsonBody(this, createPermissionProfile, itemIndex)) {
			checkJsonBody(this, req.body, itemIndex, ['name']);
			return req;
		}
		req.body = applyCapabilities((req.body ?? {}) as IDataObject);
		return req;
	},
};
