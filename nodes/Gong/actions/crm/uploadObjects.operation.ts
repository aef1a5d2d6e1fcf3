import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CRM_OBJECT_TYPES, clientRequestIdField, crmIntegrationId, crmObjectType, ensureClientRequestId } from './fields';
import { errorJson, transportOptions, withItemIndex } from '../../../shared/framework/execute';
import { buildRequest } from '../../../shared/framework/request';
import type { OperationDef } from '../../../shared/framework/types';
import { gongApiRequest } from '../../../shared/transport';
import { encodeMultipart } from '../../../shared/transport/multipart';

const MAX_OBJECT_ID = 64;

/** The LDJSON file built from the input items: one JSON object per item, one per line. */
function fileFromItems(ctx: IExecuteFunctions, items: INodeExecutionData[]): { data: Buffer; count: number } {
	const lines = items.map((item, i) => {
		let objectId = item.json.objectId;
		// A numeric ID (e.g. from a database) is sent as text, as Gong expects.
		if (typeof objectId === 'number' && Number.isSafeInteger(objectId)) objectId = String(objectId);
		if (typeof objectId !== 'string' || objectId.trim() === '' || objectId.length > MAX_OBJECT_ID)
			throw new NodeOperationError(
				ctx.getNode(),
				`Input item ${i + 1}: "objectId" must be the object's CRM ID as text (1 to ${MAX_OBJECT_ID} characters), got ${JSON.stringify(objectId) ?? 'nothing'}`,
				{ itemIndex: i, description: 'Each input item becomes one CRM object; nothing was sent to Gong.' },
			);
		return JSON.stringify({ ...item.json, objectId });
	});
	return { data: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), count: lines.length };
}

/** The LDJSON file of one item's binary property; every non-empty line must be a JSON object. */
async function fileFromBinary(ctx: IExecuteFunctions, itemIndex: number, property: string) {
	const binary = ctx.helpers.assertBinaryData(itemIndex, property);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	let count = 0;
	data
		.toString('utf8')
		.split(/\r?\n/)
		.forEach((line, k) => {
			if (line.trim() === '') return;
			let parsed: unknown;
			try {
				parsed = JSON.parse(line);
			} catch {
				parsed = undefined;
			}
			if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
				throw new NodeOperationError(ctx.getNode(), `Parameter "Input Binary Field" (binaryPropertyName): line ${k + 1} of the file is not a JSON object (LDJSON: one object per line)`, {
					itemIndex,
				});
			count++;
		});
	if (count === 0) throw new NodeOperationError(ctx.getNode(), 'Parameter "Input Binary Field" (binaryPropertyName): the file holds no objects', { itemIndex });
	return { data, count, fileName: binary.fileName ?? 'crm-objects.ldjson', mimeType: binary.mimeType || 'application/octet-stream' };
}

export const uploadCrmObjects: OperationDef = {
	resource: 'crm',
	operation: 'uploadObjects',
	name: 'Upload Objects',
	action: 'Upload CRM objects',
	description:
		'Inserts, updates or deletes CRM objects of one type (accounts, contacts, deals, leads, business users or stages) from an LDJSON file: built from the input items (one object per item, all items in one upload; each needs objectId and modifiedDate) or taken from a binary file (one upload per item). Asynchronous: returns { requestId, clientRequestId, integrationId, objectType, objectCount }; follow it with "Get Request Status".',
	catalogId: 'crm.uploadObjects',
	scope: 'api:crm:upload',
	method: 'POST',
	path: '/v2/crm/entities',
	fields: [
		crmIntegrationId,
		{
			...crmObjectType,
			options: [...CRM_OBJECT_TYPES, { name: 'Business User', value: 'BUSINESS_USER' }, { name: 'Stage', value: 'STAGE' }].sort((a, b) =>
				a.name.localeCompare(b.name),
			),
			description: 'The kind of objects in the file (one kind per upload)',
		},
		{
			name: 'source',
			displayName: 'Source',
			kind: 'options',
			required: true,
			target: 'none',
			default: 'items',
			options: [
				{ name: 'Input Items', value: 'items', description: 'Each input item\'s JSON is one object; all items go in one upload' },
				{ name: 'Binary File', value: 'binary', description: 'An LDJSON file in a binary property; one upload per input item' },
			],
			description: 'Where the objects come from',
		},
		{
			name: 'binaryPropertyName',
			displayName: 'Input Binary Field',
			kind: 'string',
			required: true,
			target: 'none',
			default: 'data',
			showWhen: { source: ['binary'] },
			hint: 'The name of the input binary field containing the LDJSON file',
			description: 'The binary property holding the file: one JSON object per line',
		},
		{
			...clientRequestIdField,
			description: `${clientRequestIdField.description} With Source "Input Items", Integration, Object Type and Client Request ID are read from the first item.`,
		},
	],
	async executeAll(def) {
		const items = this.getInputData();
		const source = this.getNodeParameter('source', 0, 'items') as string;
		const batches = source === 'binary' ? items.map((_, i) => [i]) : [items.map((_, i) => i)];
		const out: INodeExecutionData[] = [];
		for (const batch of batches) {
			const first = batch[0];
			const pairedItem: IPairedItemData | IPairedItemData[] = source === 'binary' ? { item: first } : batch.map((i) => ({ item: i }));
			try {
				const req = ensureClientRequestId(await buildRequest(this, def, first));
				let part;
				if (source === 'binary') {
					const file = await fileFromBinary(this, first, String(req.values.binaryPropertyName));
					part = { data: file.data, count: file.count, fileName: file.fileName, mimeType: file.mimeType };
				} else {
					const file = fileFromItems(this, items);
					part = { ...file, fileName: 'crm-objects.ldjson', mimeType: 'application/octet-stream' };
				}
				const multipart = encodeMultipart([{ name: 'dataFile', value: part.data, fileName: part.fileName, contentType: part.mimeType, origin: 'Parameter "Input Binary Field" (binaryPropertyName)' }]);
				req.rawBody = multipart.body;
				req.headers = { 'Content-Type': multipart.contentType };
				const response = (await gongApiRequest.call(this, transportOptions(def, req, first))) ?? {};
				const json: IDataObject = {
					...response,
					clientRequestId: (response.clientRequestId as string | undefined) ?? (req.qs.clientRequestId as string),
					integrationId: req.values.integrationId as string,
					objectType: req.values.objectType as string,
					objectCount: part.count,
				};
				out.push({ json, pairedItem });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: errorJson(error), pairedItem });
					continue;
				}
				throw withItemIndex(this, error, first);
			}
		}
		return out;
	},
};
