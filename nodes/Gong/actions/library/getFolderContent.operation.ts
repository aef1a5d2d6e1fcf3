import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../../shared/framework/types';

export const getLibraryFolderContent: OperationDef = {
	resource: 'library',
	operation: 'getFolderContent',
	name: 'Get Folder Content',
	action: 'Get the calls in a library folder',
	description:
		'Lists the calls saved in a public library folder: one item per call { id, title, note, addedBy, created, url, snippet: { fromSec, toSec } | null, folderId, folderName }. An empty folder gives no items; an unknown, private or archived folder fails with 404.',
	catalogId: 'library.getFolderContent',
	scope: 'api:library:read',
	method: 'GET',
	path: '/v2/library/folder-content',
	recordsKey: 'calls',
	output: 'records',
	fields: [
		{
			name: 'folderId',
			displayName: 'Folder',
			kind: 'id',
			required: true,
			locator: 'libraryFolder',
			description: 'The public library folder: pick it or give its ID (up to 20 digits)',
		},
	],
	postReceive(items, _itemIndex, response) {
		const folder = response as IDataObject;
		return items.map((call) => ({ ...call, folderId: folder.id, folderName: folder.name }));
	},
};
