import type { ResourceDef } from '../../../shared/framework/types';
import { getLibraryFolderContent } from './getFolderContent.operation';
import { getLibraryFolders } from './getFolders.operation';

export const libraryResource: ResourceDef = {
	value: 'library',
	name: 'Library',
	description: 'Public library folders and the calls saved in them',
	operations: [getLibraryFolders, getLibraryFolderContent],
};
