import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { workspaceId } from '../../../shared/fields';
import { errorJson, transportOptions, withItemIndex } from '../../../shared/framework/execute';
import { buildRequest } from '../../../shared/framework/request';
import type { OperationDef } from '../../../shared/framework/types';
import { appendAll, gongApiPages } from '../../../shared/transport';

/**
 * Gong's spec reuses the flows response schema ({ records, flows: [...] }) for the folders
 * endpoint, so the array is documented as `flows`; the real answer may use a folder key
 * instead. The records are taken from the first of these keys that holds a non-empty array,
 * so the output is the same whichever key Gong uses.
 */
const FOLDER_KEYS = ['flows', 'folders', 'flowFolders', 'flowsFolders'];

export function folderRecords(response: IDataObject): IDataObject[] {
	let fallback: IDataObject[] | undefined;
	for (const key of FOLDER_KEYS) {
		const value = response[key];
		if (!Array.isArray(value)) continue;
		if (value.length) return value as IDataObject[];
		fallback = fallback ?? (value as IDataObject[]);
	}
	return fallback ?? [];
}

export const getFlowFolders: OperationDef = {
	resource: 'engageFlow',
	operation: 'getFolders',
	name: 'Get Folders',
	action: 'Get many flow folders',
	description:
		"Lists the Engage flow folders a Gong user can see: company folders plus the user's personal and shared folders. One item per folder: { id, name, folderId / folderName (the parent folder), visibility, creationDate }; IDs are strings.",
	catalogId: 'flows.listFolders',
	scope: 'api:flows:read',
	method: 'GET',
	path: '/v2/flows/folders',
	pagination: 'query',
	recordsKey: 'flows',
	emptyOn404: true,
	fields: [
		{
			name: 'flowFolderOwnerEmail',
			displayName: 'Folder Owner Email',
			kind: 'email',
			required: true,
			placeholder: 'name@email.com',
			description: 'Email address of the Gong user whose personal folders and folders shared with them are returned (company folders are always included)',
		},
		{
			name: 'parentId',
			displayName: 'Parent Folder',
			kind: 'id',
			locator: 'flowFolder',
			collection: 'filters',
			description: 'Only this folder and its child folders',
		},
		{ ...workspaceId, collection: 'filters', description: 'Only folders of this Gong workspace' },
	],
	/** Like the standard list, but reads the records with folderRecords (see FOLDER_KEYS). */
	async executeAll(def) {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const req = await buildRequest(this, def, i);
				const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
				const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
				const records: IDataObject[] = [];
				if (limit === undefined || limit > 0) {
					const opts = { ...transportOptions(def, req, i), pagination: 'query' as const, recordsKey: 'flows', retrySafe: true };
					for await (const page of gongApiPages.call(this, opts)) {
						appendAll(records, folderRecords(page.response));
						if (limit !== undefined && records.length >= limit) break;
					}
				}
				for (const json of limit === undefined ? records : records.slice(0, limit)) out.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: errorJson(error), pairedItem: { item: i } });
					continue;
				}
				throw withItemIndex(this, error, i);
			}
		}
		return out;
	},
};
