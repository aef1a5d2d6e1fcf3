import type { IBinaryData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callId } from '../../../shared/fields';
import { encodeMultipart, mimeTypeProblem } from '../../../shared/transport/multipart';
import type { OperationDef } from '../../../shared/framework/types';

/** Gong takes media files up to 1.5 GB. */
const MAX_MEDIA_BYTES = 1.5 * 1024 * 1024 * 1024;

/** Content types by file extension, for binaries without a usable MIME type. */
const MEDIA_TYPES: Record<string, string> = {
	wav: 'audio/wav',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	flac: 'audio/flac',
	ogg: 'audio/ogg',
	opus: 'audio/opus',
	wma: 'audio/x-ms-wma',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mkv: 'video/x-matroska',
	webm: 'video/webm',
	mov: 'video/quicktime',
	avi: 'video/x-msvideo',
};

const OCTET = /^(application|binary)\/octet-stream$/i;

/** The content type to send: the binary's own when it is audio/video, else by extension, else octet-stream. */
export function mediaContentType(binary: Pick<IBinaryData, 'mimeType' | 'fileName' | 'fileExtension'>): string | undefined {
	const mime = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (/^(audio|video)\//.test(mime)) return mime;
	const ext = (binary.fileExtension ?? binary.fileName?.split('.').pop() ?? '').toLowerCase();
	if (MEDIA_TYPES[ext]) return MEDIA_TYPES[ext];
	if (mime === '' || OCTET.test(mime)) return mime || 'application/octet-stream';
	return undefined;
}

export const uploadCallMedia: OperationDef = {
	resource: 'call',
	operation: 'uploadMedia',
	name: 'Upload Media',
	action: 'Upload call media',
	description:
		'Uploads the recording of a call added with "Create" (audio or video from an input binary field: WAV, MP3, MP4, MKV, FLAC …, up to 1.5 GB) and returns { requestId, callId, url }. Gong then transcribes and analyses it.',
	catalogId: 'calls.uploadMedia',
	scope: 'api:calls:create',
	method: 'PUT',
	path: '/v2/calls/{id}/media',
	fields: [
		{ ...callId, target: 'path', key: 'id', description: 'The call returned by "Create": pick it or give its ID (up to 20 digits)' },
		{
			name: 'binaryPropertyName',
			displayName: 'Input Binary Field',
			kind: 'string',
			target: 'none',
			required: true,
			default: 'data',
			placeholder: 'data',
			hint: 'The name of the input binary field containing the recording',
			description: 'The name of the input binary field holding the audio or video file to upload',
		},
	],
	async preSend(req, itemIndex) {
		const node = this.getNode();
		const name = req.values.binaryPropertyName as string;
		const problem = (text: string) =>
			new NodeOperationError(node, `Parameter "Input Binary Field" (binaryPropertyName): ${text}`, {
				itemIndex,
				description: 'Give the name of the binary field that holds the recording (for example "data" from a Read/Write Files or HTTP Request node); nothing was sent to Gong.',
			});
		let binary: IBinaryData;
		try {
			binary = this.helpers.assertBinaryData(itemIndex, name);
		} catch {
			throw problem(`input item ${itemIndex} has no binary field "${name}"`);
		}
		const contentType = mediaContentType(binary);
		if (!contentType) throw problem(`binary field "${name}" is ${binary.mimeType}; Gong accepts audio or video files (WAV, MP3, MP4, MKV, FLAC …)`);
		const badType = mimeTypeProblem(contentType);
		if (badType) throw problem(`the MIME type of binary field "${name}" ${badType}: ${JSON.stringify(contentType.slice(0, 60))}`);
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
		if (data.length === 0) throw problem(`binary field "${name}" is empty`);
		if (data.length > MAX_MEDIA_BYTES) throw problem(`binary field "${name}" has ${data.length} bytes; Gong accepts at most 1.5 GB`);
		const ext = Object.entries(MEDIA_TYPES).find(([, type]) => type === contentType)?.[0];
		const fileName = binary.fileName || `recording${ext ? `.${ext}` : ''}`;
		const { body, contentType: multipartType } = encodeMultipart([{ name: 'mediaFile', value: data, fileName, contentType, origin: `Parameter "Input Binary Field" (binaryPropertyName) "${name}"` }]);
		req.rawBody = body;
		req.headers = { ...(req.headers ?? {}), 'Content-Type': multipartType };
		req.body = undefined;
		return req;
	},
};
