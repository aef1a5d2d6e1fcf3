import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callId } from '../../../shared/fields';
import { batchedExecute } from '../../../shared/framework/batch';
import type { OperationDef } from '../../../shared/framework/types';
import { DEFAULT_MEDIA_MAX_MB, downloadMedia, mediaAllowsHttp, type MediaKind } from '../../../shared/calls/media';

const MEDIA_SCOPES = 'api:calls:read:extensive and api:calls:read:media-url';

const str = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));

export const downloadCallMedia: OperationDef = {
	resource: 'call',
	operation: 'downloadMedia',
	name: 'Download Media',
	action: 'Download call media',
	description:
		'Downloads the recording of each call (audio or video) as n8n binary data, e.g. for your own transcription or QA tool. Output per call: { callId, mediaType, fileName, mimeType, fileSize, title, started, duration, url } plus the file in the chosen binary field. The media links come from POST /v2/calls/extensive (100 calls per request, each back to its item; scopes api:calls:read:extensive and api:calls:read:media-url); the files are fetched from the storage host those temporary links point to, over https and without the Gong credential. A call Gong has no recording for yet (still processing) fails its item.',
	catalogId: 'calls.listExtensive',
	scope: 'api:calls:read:extensive',
	method: 'POST',
	path: '/v2/calls/extensive',
	retrySafe: true,
	sharesEndpointWith: {
		operation: 'call/getManyExtensive',
		reason: 'reads only the temporary media links of the calls (exposedFields.media, also needs api:calls:read:media-url), then downloads each file from its storage host, without the Gong credential, as binary data',
	},
	fields: [
		{ ...callId, target: 'none', description: 'The call whose recording to download: pick it, give its ID (digits only, up to 20, as text) or paste its Gong URL' },
		{
			name: 'mediaType',
			displayName: 'Media',
			kind: 'options',
			target: 'none',
			required: true,
			default: 'audio',
			options: [
				{ name: 'Audio', value: 'audio', description: 'The audio recording (MP3); every recorded call has one' },
				{ name: 'Video', value: 'video', description: 'The video recording (MP4); only video conferences recorded with video have one' },
			],
			description: 'Which recording to download',
		},
		{
			name: 'binaryPropertyName',
			displayName: 'Put Output File in Field',
			kind: 'string',
			target: 'none',
			required: true,
			default: 'data',
			placeholder: 'data',
			pattern: /^[A-Za-z0-9_.-]{1,100}$/,
			patternHint: 'letters, digits, _ . - (up to 100)',
			hint: 'The name of the output binary field to put the recording in',
			description: 'The binary field the downloaded recording is stored in',
		},
		{
			name: 'maxSizeMb',
			displayName: 'Max Size (MB)',
			kind: 'number',
			target: 'none',
			collection: 'options',
			default: DEFAULT_MEDIA_MAX_MB,
			min: 0.01,
			max: 2048,
			typeOptions: { numberPrecision: 2 },
			description: `Largest recording to download, in megabytes (default ${DEFAULT_MEDIA_MAX_MB}). A larger file fails its item: refused before the download when the host announces its size, else stopped once the limit is passed.`,
		},
	],
	executeAll: batchedExecute({
		singleItemStandard: false,
		keyOf: (req) => ({ ids: [String(req.values.callId)], group: '' }),
		bulkRequest: (ids) => ({
			method: 'POST',
			path: '/v2/calls/extensive',
			body: { filter: { callIds: ids }, contentSelector: { exposedFields: { media: true } } },
			pagination: 'body',
			recordsKey: 'calls',
			retrySafe: true,
			emptyOn404: true,
			scope: MEDIA_SCOPES,
		}),
		idOf: (record) => {
			const id = (record.metaData as IDataObject | undefined)?.id;
			return id === undefined || id === null ? undefined : String(id);
		},
		notFoundLabel: (id) => `Call ${id}`,
		async toItems(records, itemIndex, values) {
			const node = this.getNode();
			const id = String(values.callId);
			const kind = values.mediaType as MediaKind;
			const field = values.binaryPropertyName as string;
			const maxMb = (values.maxSizeMb as number | undefined) ?? DEFAULT_MEDIA_MAX_MB;
			const record = records[0] ?? {};
			const meta = (record.metaData ?? {}) as IDataObject;
			const media = (record.media ?? {}) as IDataObject;
			const link = str(kind === 'audio' ? media.audioUrl : media.videoUrl);
			if (!link) {
				const audioOnly = kind === 'video' && str(media.audioUrl) !== null;
				throw new NodeOperationError(node, audioOnly ? `Call ${id} has no video recording in Gong, only audio` : `Gong has no ${kind} recording for call ${id} (yet)`, {
					itemIndex,
					description: audioOnly
						? 'The call was recorded without video (for example a phone call). Choose Media: Audio.'
						: `Gong returned no media link for this call: its recording may still be processing (Gong adds media after processing the call; try again later), the call may have no recording, or the credential lacks the scope api:calls:read:media-url.`,
				});
			}
			const download = await downloadMedia(this, {
				url: link,
				kind,
				maxBytes: Math.floor(maxMb * 1024 * 1024),
				allowHttp: await mediaAllowsHttp(this),
				label: `the ${kind} of call ${id}`,
				itemIndex,
			});
			const fileName = `gong-call-${id}-${kind}.${download.extension}`;
			const binary = await this.helpers.prepareBinaryData(download.data, fileName, download.mimeType);
			const duration = Number(meta.duration);
			return [
				{
					json: {
						callId: id,
						mediaType: kind,
						fileName,
						mimeType: download.mimeType,
						fileSize: download.data.length,
						title: str(meta.title),
						started: str(meta.started),
						duration: Number.isFinite(duration) ? duration : null,
						url: str(meta.url),
					},
					binary: { [field]: binary },
				},
			];
		},
	}),
};
