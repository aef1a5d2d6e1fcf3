import type { INodeProperties } from 'n8n-workflow';

import { primaryUserIds, workspaceId } from '../shared/fields';
import { CALL_CONTENT_CHOICES, callContextField } from '../shared/calls/content';
import { fieldProperty } from '../shared/framework/properties';
import { authenticationProperty } from '../shared/transport/credentials';

/** Lookback bounds in hours (7 days at most). */
export const DEFAULT_LOOKBACK_HOURS = 24;
export const MAX_LOOKBACK_HOURS = 168;

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'New Call',
				value: 'newCall',
				description:
					'A call Gong has processed and lists for the first time. One item per call, oldest start first.',
			},
		],
		default: 'newCall',
	},
	{
		displayName:
			'Each poll lists the calls of the lookback window (one request per 100 calls) and emits those not emitted before. Gong\'s quota of 10,000 requests a day is shared by every Gong integration of your company, so poll every few minutes, not every second.',
		name: 'quotaNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Lookback (Hours)',
		name: 'lookbackHours',
		type: 'number',
		default: DEFAULT_LOOKBACK_HOURS,
		typeOptions: { minValue: 1, maxValue: MAX_LOOKBACK_HOURS, numberPrecision: 0 },
		description:
			'How far back each poll looks for calls Gong finished processing late (1–168). Gong lists a call only after processing it — often up to an hour after it ends, sometimes much later — and files it under its start time (scheduled time for Gong-recorded web conferences). A call that appears later than this after its start is never emitted. Longer = catches later-processed calls, but every poll re-lists the whole window (one request per 100 calls in it), so it costs more requests and remembers more call IDs.',
	},
	{
		displayName: 'Exclude Private Calls',
		name: 'excludePrivateCalls',
		type: 'boolean',
		default: true,
		description:
			'Whether to skip calls marked private in Gong (isPrivate). Gong asks integrations to leave private calls out.',
	},
	{
		displayName: 'Include Transcript',
		name: 'includeTranscript',
		type: 'boolean',
		default: false,
		description:
			'Whether to add each call\'s transcript (field "transcript": speakerId, topic, sentences with start/end in ms). Costs one extra request per 100 new calls.',
	},
	{
		displayName: 'Include Extended Data',
		name: 'includeExtendedData',
		type: 'boolean',
		default: false,
		description:
			'Whether to add Gong\'s extended call data (participants, content, interaction stats …) to each call. Costs one extra request per 100 new calls and needs the api:calls:read:extensive scope.',
	},
	{
		displayName: 'Data to Include',
		name: 'dataToInclude',
		type: 'multiOptions',
		options: CALL_CONTENT_CHOICES.map(({ name, value, description }) => ({ name, value, description })),
		default: [],
		displayOptions: { show: { includeExtendedData: [true] } },
		description:
			'Which parts of each call Gong should return besides its basic data. Fewer parts mean smaller, faster answers.',
	},
	{
		displayName: 'CRM Context',
		name: 'crmContext',
		type: 'options',
		options: callContextField.options ?? [],
		default: 'None',
		displayOptions: { show: { includeExtendedData: [true] } },
		description: callContextField.description,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Calls From the Last N Hours on First Run',
				name: 'firstRunHours',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: MAX_LOOKBACK_HOURS, numberPrecision: 0 },
				description:
					'On its first poll after activation the trigger only remembers the calls already there and emits nothing. Set this to also emit the calls that started (or were scheduled) in the last N hours on that first poll.',
			},
			{
				displayName: 'Emit Only When Transcript Is Ready',
				name: 'waitForTranscript',
				type: 'boolean',
				default: false,
				description:
					'Whether to hold back a call until Gong has its transcript (often hours after the call). Held calls are checked again on later polls (at most every 5 to 60 minutes). A call whose transcript is still missing when it is about to leave the lookback window is emitted anyway, with "transcriptMissing": true.',
			},
			{
				...fieldProperty({
					...primaryUserIds,
					description:
						'Only calls hosted by these Gong users (IDs). Other calls are skipped and not emitted later if this list changes.',
				}),
			},
			{
				...fieldProperty({
					...workspaceId,
					description:
						'Only calls of this Gong workspace. Changing it restarts the trigger as on its first poll (calls already in the window are not emitted).',
				}),
			},
		],
	},
];
