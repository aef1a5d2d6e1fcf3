import type { IDataObject } from 'n8n-workflow';

import type { BuiltRequest, FieldDef } from '../framework/types';

/** "Data to include" choices and where each goes in Gong's contentSelector.exposedFields. */
export const CALL_CONTENT_CHOICES: Array<{ name: string; value: string; path: string; description: string }> = [
	{ name: 'Participants', value: 'parties', path: 'parties', description: 'People on the call, with speaker IDs and affiliation' },
	{ name: 'Audio and Video Links', value: 'media', path: 'media', description: 'Temporary media download links (valid for hours only); needs the Gong scope for media links' },
	{ name: 'Brief', value: 'brief', path: 'content.brief', description: 'Gong\'s AI summary of the call' },
	{ name: 'Call Outcome', value: 'callOutcome', path: 'content.callOutcome', description: 'The outcome chosen for the call' },
	{ name: 'Comments', value: 'publicComments', path: 'collaboration.publicComments', description: 'Public comments on the call' },
	{ name: 'Highlights', value: 'highlights', path: 'content.highlights', description: 'Highlights chosen by Gong' },
	{ name: 'Key Points', value: 'keyPoints', path: 'content.keyPoints', description: 'Key points of the call' },
	{ name: 'Next Steps and Action Items (Deprecated)', value: 'pointsOfInterest', path: 'content.pointsOfInterest', description: 'Action items and other points of interest; deprecated by Gong, use Highlights' },
	{ name: 'Outline', value: 'outline', path: 'content.outline', description: 'Outline of the call by section (large)' },
	{ name: 'Person Interaction Stats', value: 'personInteractionStats', path: 'interaction.personInteractionStats', description: 'Talk ratio, longest monologue, interactivity and patience per person' },
	{ name: 'Questions', value: 'questions', path: 'interaction.questions', description: 'Question counts per speaker' },
	{ name: 'Speakers', value: 'speakers', path: 'interaction.speakers', description: 'Talk time per speaker' },
	{ name: 'Structure', value: 'structure', path: 'content.structure', description: 'Agenda structure of the call' },
	{ name: 'Topics', value: 'topics', path: 'content.topics', description: 'Topics discussed and their duration' },
	{ name: 'Tracker Occurrences', value: 'trackerOccurrences', path: 'content.trackerOccurrences', description: 'When each tracker was mentioned' },
	{ name: 'Trackers', value: 'trackers', path: 'content.trackers', description: 'Keyword and smart trackers found in the call' },
	{ name: 'Video', value: 'video', path: 'interaction.video', description: 'Video statistics (e.g. share of presentation)' },
];

export const callContentField: FieldDef = {
	name: 'include',
	displayName: 'Data to Include',
	kind: 'multiOptions',
	target: 'none',
	collection: 'options',
	options: CALL_CONTENT_CHOICES.map(({ name, value, description }) => ({ name, value, description })),
	description: 'Which parts of each call Gong should return besides its basic data. Fewer parts mean smaller, faster answers.',
};

export const callContextField: FieldDef = {
	name: 'context',
	displayName: 'CRM Context',
	kind: 'options',
	target: 'body',
	key: 'contentSelector.context',
	collection: 'options',
	options: [
		{ name: 'None', value: 'None' },
		{ name: 'Basic', value: 'Basic', description: 'IDs of the CRM objects linked to the call' },
		{ name: 'Extended', value: 'Extended', description: 'Linked CRM objects with their fields' },
	],
	description: 'CRM objects (accounts, deals …) linked to each call',
};

export const callContextTimingField: FieldDef = {
	name: 'contextTiming',
	displayName: 'CRM Context Timing',
	kind: 'multiOptions',
	target: 'body',
	key: 'contentSelector.contextTiming',
	collection: 'options',
	options: [
		{ name: 'Now', value: 'Now' },
		{ name: 'Time of Call', value: 'TimeOfCall' },
	],
	description: 'Whether CRM values are as they are now or as they were at the time of the call',
};

/** Writes the "Data to Include" choices into contentSelector.exposedFields. */
export function applyContentSelector(req: BuiltRequest): BuiltRequest {
	const chosen = (req.values.include as string[] | undefined) ?? [];
	if (!chosen.length) return req;
	const body = (req.body ?? {}) as IDataObject;
	const selector = (body.contentSelector ?? {}) as IDataObject;
	const exposed = (selector.exposedFields ?? {}) as IDataObject;
	for (const value of chosen) {
		const choice = CALL_CONTENT_CHOICES.find((c) => c.value === value);
		if (!choice) continue;
		const [first, second] = choice.path.split('.');
		if (second) exposed[first] = { ...((exposed[first] as IDataObject) ?? {}), [second]: true };
		else exposed[first] = true;
	}
	selector.exposedFields = exposed;
	body.contentSelector = selector;
	req.body = body;
	return req;
}
