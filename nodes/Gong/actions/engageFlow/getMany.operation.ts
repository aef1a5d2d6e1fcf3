import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getManyFlows: OperationDef = {
	resource: 'engageFlow',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many flows',
	description:
		"Lists the Engage flows a Gong user can use: all company flows plus the user's personal flows and flows shared with them. One item per flow: { id, name, folderId, folderName, visibility (Company / Personal / Shared), creationDate, exclusive }; IDs are strings.",
	catalogId: 'flows.list',
	scope: 'api:flows:read',
	method: 'GET',
	path: '/v2/flows',
	pagination: 'query',
	recordsKey: 'flows',
	emptyOn404: true,
	fields: [
		{
			name: 'flowOwnerEmail',
			displayName: 'Flow Owner Email',
			kind: 'email',
			required: true,
			placeholder: 'name@email.com',
			description: 'Email address of the Gong user whose personal flows and flows shared with them are returned (company flows are always included)',
		},
		{ ...workspaceId, collection: 'filters', description: 'Only flows of this Gong workspace' },
		{
			name: 'folderId',
			displayName: 'Folder',
			kind: 'id',
			locator: 'flowFolder',
			collection: 'filters',
			description: 'Only flows in this flow folder',
		},
		{
			name: 'mostRecentlyAssigned',
			displayName: 'Most Recently Assigned Only',
			kind: 'boolean',
			collection: 'filters',
			description: 'Whether to return only the flows this user assigned prospects to most recently (at most 20)',
		},
	],
};
