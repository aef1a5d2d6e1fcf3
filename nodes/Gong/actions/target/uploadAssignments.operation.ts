import { NodeOperationError } from 'n8n-workflow';

import { workspaceId } from '../../../shared/fields';
import type { OperationDef } from '../../../shared/framework/types';
import { encodeMultipart } from '../../../shared/transport/multipart';

/** The multipart part Gong reads the file from. */
const FILE_PART = 'file';

export const uploadTargetAssignments: OperationDef = {
	resource: 'target',
	operation: 'uploadAssignments',
	name: 'Upload Assignments',
	action: 'Upload target assignments',
	description:
		'Uploads a file (CSV) of target assignments for a target definition, from a binary property of the input item; with "Validate Only" Gong checks the file without applying it. Returns Gong\'s answer as one item (e.g. row counts and errors per line). Newer Gong endpoint; details may differ.',
	catalogId: 'targets.uploadAssignments',
	method: 'POST',
	path: '/v2/targets/{targetId}/assignments',
	fields: [
		{
			name: 'targetId',
			displayName: 'Target',
			kind: 'id',
			required: true,
			target: 'path',
			locator: 'target',
			description: 'The target definition the assignments are for: pick it or give its ID (digits, up to 20)',
		},
		{ ...workspaceId, required: true, target: 'query', description: 'The Gong workspace of the target' },
		{
			name: 'binaryPropertyName',
			displayName: 'Input Binary Field',
			kind: 'string',
			required: true,
			target: 'none',
			default: 'data',
			hint: 'The name of the input binary field containing the file to upload',
			description: 'Name of the binary property of the input item that holds the assignments file (CSV)',
		},
		{
			name: 'validateOnly',
			displayName: 'Validate Only',
			kind: 'boolean',
			target: 'query',
			collection: 'options',
			description: 'Whether to only check the file and report problems, without applying the assignments',
		},
	],
	async preSend(req, itemIndex) {
		const name = req.values.binaryPropertyName as string;
		let binary;
		try {
			binary = this.helpers.assertBinaryData(itemIndex, name);
		} catch {
			throw new NodeOperationError(
				this.getNode(),
				`Parameter "Input Binary Field" (binaryPropertyName): the input item has no binary property "${name}"`,
				{ itemIndex, description: 'Give the name of the binary property that holds the file (e.g. "data" after Read/Write Files from Disk or an HTTP download). Nothing was sent to Gong.' },
			);
		}
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
		if (data.length === 0) {
			throw new NodeOperationError(this.getNode(), `Parameter "Input Binary Field" (binaryPropertyName): the file in "${name}" is empty`, {
				itemIndex,
				description: 'Nothing was sent to Gong.',
			});
		}
		const { body, contentType } = encodeMultipart([
			{ name: FILE_PART, value: data, fileName: binary.fileName ?? 'assignments.csv', contentType: binary.mimeType || 'text/csv', origin: `Parameter "Input Binary Field" (binaryPropertyName) "${name}"` },
		]);
		req.body = undefined;
		req.rawBody = body;
		req.headers = { ...(req.headers ?? {}), 'Content-Type': contentType };
		return req;
	},
};
