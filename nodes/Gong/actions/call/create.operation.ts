import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { userId, workspaceId } from '../../../shared/fields';
import type { FieldDef, OperationDef } from '../../../shared/framework/types';

const MAX_255 = /^[\s\S]{0,255}$/;

export const callDirectionField: FieldDef = {
	name: 'direction',
	displayName: 'Direction',
	kind: 'options',
	required: true,
	default: 'Outbound',
	options: [
		{ name: 'Conference', value: 'Conference', description: 'A conference call' },
		{ name: 'Inbound', value: 'Inbound', description: 'Someone called the company' },
		{ name: 'Outbound', value: 'Outbound', description: 'A rep dialed someone outside the company' },
		{ name: 'Unknown', value: 'Unknown' },
	],
	description: 'Whether the call was inbound, outbound or a conference call',
};

const partiesField: FieldDef = {
	name: 'parties',
	displayName: 'Parties (JSON)',
	kind: 'json',
	required: true,
	placeholder: '[{ "userId": "234599484848423" }, { "name": "Jane Doe", "phoneNumber": "+1 555 0100" }]',
	description:
		'The call\'s participants as a JSON array of objects with phoneNumber, emailAddress, name, userId (Gong user ID), partyId (needed with Speakers Timeline), mediaChannelId (0 or 1 for stereo files) and context. Include a party for the primary user.',
	typeOptions: { rows: 5 },
};

/** The clientUniqueId sent for each item, per execution context (read back for the output). */
const sentIds = new WeakMap<object, Map<number, string>>();

/** A deterministic clientUniqueId: the same call details always give the same ID. */
export function clientUniqueIdFor(body: IDataObject): string {
	const { clientUniqueId: _ignored, ...rest } = body;
	return `n8n-${createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 40)}`;
}

export const createCall: OperationDef = {
	resource: 'call',
	operation: 'create',
	name: 'Create',
	action: 'Add a call',
	description:
		'Adds a call recorded outside Gong (telephony, PBX) and returns { requestId, callId, clientUniqueId }. Upload the recording next with "Upload Media" (or give a Download Media URL). Without a Client Unique ID one is derived from the call details, so a retried or re-run request cannot create a duplicate: Gong answers 409 naming the existing call. That is why this write is retried after network errors.',
	catalogId: 'calls.add',
	scope: 'api:calls:create',
	method: 'POST',
	path: '/v2/calls',
	jsonBody: true,
	retrySafe: true,
	fields: [
		{ name: 'actualStart', displayName: 'Actual Start', kind: 'dateTime', required: true, description: 'When the call actually started (ISO-8601 with time zone)' },
		callDirectionField,
		{
			...userId,
			name: 'primaryUser',
			displayName: 'Primary User',
			description: 'The Gong user who hosted the call: pick one or give the user ID (up to 20 digits)',
		},
		partiesField,
		{
			name: 'clientUniqueId',
			displayName: 'Client Unique ID',
			kind: 'string',
			description:
				'The call\'s unique ID in your telephony or recording system; Gong refuses a second call with the same ID (409). Leave empty to derive one from the call details.',
		},
		{ name: 'title', displayName: 'Title', kind: 'string', description: 'Title of the call, searchable in Gong' },
		{ name: 'purpose', displayName: 'Purpose', kind: 'string', pattern: MAX_255, patternHint: 'at most 255 characters', description: 'Purpose of the call (free text, up to 255 characters)' },
		{ name: 'disposition', displayName: 'Disposition', kind: 'string', pattern: MAX_255, patternHint: 'at most 255 characters', description: 'Disposition of the call (free text, up to 255 characters), e.g. "No Answer"' },
		{ name: 'scheduledStart', displayName: 'Scheduled Start', kind: 'dateTime', mustBeBefore: 'scheduledEnd', description: 'When the call was scheduled to begin' },
		{ name: 'scheduledEnd', displayName: 'Scheduled End', kind: 'dateTime', description: 'When the call was scheduled to end' },
		{ name: 'duration', displayName: 'Duration (Seconds)', kind: 'number', min: 0, description: 'Actual call duration in seconds' },
		{
			name: 'downloadMediaUrl',
			displayName: 'Download Media URL',
			kind: 'string',
			pattern: /^https?:\/\/\S+$/,
			patternHint: 'an http(s) URL',
			description: 'A unique URL Gong downloads the recording from (audio or video up to 1.5 GB). Give this or use "Upload Media" afterwards, not both.',
		},
		{ ...workspaceId, description: 'Workspace to put the call in; by default Gong chooses' },
		{
			name: 'languageCode',
			displayName: 'Language Code',
			kind: 'string',
			placeholder: 'en-US',
			pattern: /^[a-z]{2,3}-[A-Za-z]{2,4}$/,
			patternHint: 'a language-region code such as en-US',
			description: 'Language to transcribe the call in; only set it when sure, Gong detects the language otherwise',
		},
		{ name: 'meetingUrl', displayName: 'Meeting URL', kind: 'string', description: 'URL of the conference call' },
		{ name: 'callProviderCode', displayName: 'Call Provider Code', kind: 'string', description: 'Gong\'s code of the telephony or conferencing system (e.g. zoom, ringcentral, outreach)' },
		{ name: 'customData', displayName: 'Custom Data', kind: 'text', description: 'Free-text metadata Gong stores with the call (for troubleshooting)' },
		{
			name: 'context',
			displayName: 'CRM Context (JSON)',
			kind: 'json',
			description:
				'Links to CRM objects as a JSON array: [{ "system": "Salesforce" | "HubSpot" | "MicrosoftDynamic" | "Generic", "objects": [{ "objectType": "Opportunity", "objectId": "0061…" }] }]',
		},
		{
			name: 'speakersTimeline',
			displayName: 'Speakers Timeline (JSON)',
			kind: 'json',
			description:
				'Who spoke when: { "precise": true, "speechSegments": [{ "fromTime": 0, "toTime": 5100, "partyIds": ["1"] }] } with times in milliseconds; each party needs a partyId',
		},
		{ name: 'taskId', displayName: 'Engage Task ID', kind: 'id', key: 'flowContext.taskId', description: 'The Gong Engage task the call belongs to' },
	],
	preSend(req, itemIndex) {
		const node = this.getNode();
		const body = { ...((req.body ?? {}) as IDataObject) };
		const values = req.values;
		if (values.actualStart === undefined) {
			// "Define Body Using: JSON": the body must still have Gong's required fields
			const missing = ['actualStart', 'direction', 'primaryUser', 'parties'].filter((key) => body[key] === undefined || body[key] === null || body[key] === '');
			if (missing.length)
				throw new NodeOperationError(node, `Parameter "JSON Body" (jsonBody): "${missing[0]}" is required`, {
					itemIndex,
					description: 'Gong needs actualStart, direction, primaryUser and parties; nothing was sent to Gong.',
				});
		}
		if (values.parties !== undefined) {
			const list = Array.isArray(values.parties) ? values.parties : [values.parties];
			if (!list.length || list.some((p) => p === null || typeof p !== 'object' || Array.isArray(p)))
				throw new NodeOperationError(node, 'Parameter "Parties (JSON)" (parties): must be a JSON array of party objects, at least one', { itemIndex });
			body.parties = list as IDataObject[];
		}
		for (const [name, label] of [['context', 'CRM Context (JSON)'], ['speakersTimeline', 'Speakers Timeline (JSON)']]) {
			const value = values[name];
			if (value === undefined) continue;
			const ok = name === 'context' ? Array.isArray(value) : typeof value === 'object' && !Array.isArray(value);
			if (!ok)
				throw new NodeOperationError(node, `Parameter "${label}" (${name}): must be a JSON ${name === 'context' ? 'array' : 'object'}`, { itemIndex });
		}
		if (typeof body.clientUniqueId !== 'string' || body.clientUniqueId.trim() === '') body.clientUniqueId = clientUniqueIdFor(body);
		if (!sentIds.has(this)) sentIds.set(this, new Map());
		sentIds.get(this)?.set(itemIndex, body.clientUniqueId as string);
		req.body = body;
		return req;
	},
	postReceive(items, itemIndex) {
		const clientUniqueId = sentIds.get(this)?.get(itemIndex);
		return items.map((item) => (clientUniqueId === undefined ? item : { ...item, clientUniqueId }));
	},
};
