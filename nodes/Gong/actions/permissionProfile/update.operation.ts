import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { applyCapabilities, grantCapabilities, mergeProfile, profileId, profileSettingFields, revokeCapabilities } from './fields';
import { checkJsonBody, usesJsonBody } from '../../../shared/framework/request';
import type { OperationDef } from '../../../shared/framework/types';
import { gongApiRequest } from '../../../shared/transport';

export const updatePermissionProfile: OperationDef = {
	resource: 'permissionProfile',
	operation: 'update',
	name: 'Update',
	action: 'Update a permission profile',
	description:
		'Changes a permission profile. With fields, only what you set changes: the node first reads the current profile and sends it back whole with your changes. With a JSON body, the JSON is sent as given (a whole PermissionProfileDTO). Returns the updated profile.',
	catalogId: 'permissions.updateProfile',
	scope: 'api:permission-profile:write',
	method: 'PUT',
	path: '/v2/permission-profile',
	jsonBody: true,
	recordsKey: 'profile',
	output: 'record',
	fields: [
		profileId,
		{ name: 'name', displayName: 'Name', kind: 'string', description: 'New name of the profile' },
		grantCapabilities,
		revokeCapabilities,
		...profileSettingFields,
	],
	async preSend(req, itemIndex) {
		if (usesJsonBody(this, updatePermissionProfile, itemIndex)) {
			checkJsonBody(this, req.body, itemIndex);
			return req;
		}
		const node = this.getNode();
		const granted = (req.values.grantCapabilities as string[] | undefined) ?? [];
		const both = granted.filter((c) => ((req.values.revokeCapabilities as string[] | undefined) ?? []).includes(c));
		if (both.length)
			throw new NodeOperationError(node, `Parameters "Capabilities to Grant" and "Capabilities to Revoke" both contain ${both.join(', ')}`, { itemIndex });
		const changes = applyCapabilities((req.body ?? {}) as IDataObject);
		if (Object.keys(changes).length === 0)
			throw new NodeOperationError(node, 'Nothing to change: set at least one Additional Field of the profile (e.g. Capabilities to Grant)', { itemIndex });
		const id = req.values.profileId as string;
		const current = await gongApiRequest.call(this, {
			method: 'GET',
			path: '/v2/permission-profile',
			qs: { profileId: id },
			itemIndex,
			scope: 'api:permission-profile:read',
		});
		const profile = (current?.profile ?? {}) as IDataObject;
		req.body = { ...mergeProfile(profile, changes), id };
		return req;
	},
};
