import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';

export const getLibraryFolders: OperationDef = {
	resource: 'library',
	operation: 'getFolders',
	name: 'Get Folders',
	action: 'Get library folders',
	description:
		'Lists the public library folders (private and archived folders are not returned): one item per folder { id, name, parentFolderId, createdBy, updated }. No folders gives no items.',
	catalogId: 'library.listFolders',
	scope: 'api:library:read',
	method: 'GET',
	path: '/v2/library/folders',
	recordsKey: 'folders',
	output: 'records',
	emptyOn404: true,
	fields: [{ ...workspaceId, collection: 'filters', description: 'Only folders of this Gong workspace' }],
};
