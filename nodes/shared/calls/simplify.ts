import type { IDataObject } from 'n8n-workflow';

import type { FieldDef } from '../framework/types';
import { affiliationOf } from './transcript.readable';

/**
 * "Simplify": one flat record per call with what most workflows use, instead of Gong's nested
 * { metaData, parties, content, interaction, context, … }. Shared with the Gong Trigger.
 */

/**
 * The "Data to Include" parts Simplify asks Gong for (values of CALL_CONTENT_CHOICES): everything
 * it outputs. Next steps come from Highlights; Points of Interest (deprecated by Gong) is still
 * asked for as the fallback for calls without highlights.
 */
export const SIMPLIFY_CONTENT = ['parties', 'topics', 'trackers', 'brief', 'keyPoints', 'highlights', 'callOutcome', 'pointsOfInterest'];

/** The CRM context Simplify asks for when none was chosen: the linked objects (crmObjects). */
export const SIMPLIFY_CONTEXT = 'Basic';

/** Highlight sections that hold next steps / action items ("Next steps", "Action items"). */
const NEXT_STEPS_SECTION = /next\s?steps?|action\s?items?|follow[\s-]?ups?/i;

export const simplifyField: FieldDef = {
	name: 'simplify',
	displayName: 'Simplify',
	kind: 'boolean',
	target: 'none',
	collection: 'options',
	default: false,
	description:
		'Whether to return one flat record per call instead of Gong\'s nested structure: id, title, url, started, duration (seconds), direction, scope, primaryUser, participants (name, email, title, affiliation Company / External / Unknown), topics, trackers, brief, keyPoints, nextSteps, outcome, crmObjects. Everything it returns is requested from Gong automatically (participants, topics, trackers, brief, key points, highlights for next steps, outcome, and CRM context Basic unless another CRM Context is chosen).',
};

const str = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));
const list = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);

export interface SimpleParticipant extends IDataObject {
	name: string | null;
	email: string | null;
	title: string | null;
	affiliation: 'Company' | 'External' | 'Unknown';
	userId: string | null;
	speakerId: string | null;
}

function participant(party: IDataObject): SimpleParticipant {
	return {
		name: str(party.name),
		email: str(party.emailAddress),
		title: str(party.title),
		affiliation: affiliationOf(party.affiliation),
		userId: str(party.userId),
		speakerId: str(party.speakerId),
	};
}

/**
 * Next steps of a call: the items of its highlight sections about next steps / action items
 * (content.highlights); for calls without those, the action items of the deprecated
 * content.pointsOfInterest.
 */
export function nextStepsOf(content: IDataObject): string[] {
	const fromHighlights = list(content.highlights)
		.filter((section) => NEXT_STEPS_SECTION.test(String(section.title ?? '').slice(0, 200)))
		.flatMap((section) => list(section.items).map((item) => str(item.text)))
		.filter((text): text is string => text !== null);
	if (fromHighlights.length) return fromHighlights;
	const pointsOfInterest = (content.pointsOfInterest ?? {}) as IDataObject;
	return list(pointsOfInterest.actionItems)
		.map((a) => str(a.snippet))
		.filter((text): text is string => text !== null);
}

/**
 * A call from /v2/calls/extensive (or a basic call from /v2/calls) as one flat record.
 * Parts Gong did not return are null or empty lists, so every record has the same keys.
 */
export function simplifyCall(call: IDataObject): IDataObject {
	const meta = (call.metaData && typeof call.metaData === 'object' ? call.metaData : call) as IDataObject;
	const content = (call.content ?? {}) as IDataObject;
	const participants = list(call.parties).map(participant);
	const primaryUserId = str(meta.primaryUserId);
	const host = primaryUserId ? participants.find((p) => p.userId === primaryUserId) : undefined;
	const outcome = content.callOutcome as IDataObject | undefined;
	const crmObjects: IDataObject[] = [];
	for (const ctx of list(call.context)) {
		for (const obj of list(ctx.objects)) {
			const nameField = list(obj.fields).find((f) => f.name === 'Name');
			const key = `${str(ctx.system)}|${str(obj.objectType)}|${str(obj.objectId)}`;
			if (crmObjects.some((o) => o.key === key)) continue;
			crmObjects.push({ key, system: str(ctx.system), objectType: str(obj.objectType), objectId: str(obj.objectId), name: str(nameField?.value) });
		}
	}
	const duration = Number(meta.duration);
	return {
		id: str(meta.id),
		title: str(meta.title),
		url: str(meta.url),
		started: str(meta.started),
		scheduled: str(meta.scheduled),
		duration: Number.isFinite(duration) ? duration : null,
		direction: str(meta.direction),
		scope: str(meta.scope),
		system: str(meta.system),
		media: str(meta.media),
		language: str(meta.language),
		purpose: str(meta.purpose),
		isPrivate: meta.isPrivate === true,
		workspaceId: str(meta.workspaceId),
		primaryUserId,
		primaryUser: host ? { name: host.name, email: host.email } : null,
		participants,
		companyParticipants: participants.filter((p) => p.affiliation === 'Company').map((p) => p.name ?? p.email).filter(Boolean),
		externalParticipants: participants.filter((p) => p.affiliation !== 'Company').map((p) => p.name ?? p.email).filter(Boolean),
		topics: list(content.topics).map((t) => str(t.name)).filter(Boolean),
		trackers: list(content.trackers).map((t) => ({ name: str(t.name), count: t.count ?? null })),
		brief: str(content.brief),
		keyPoints: list(content.keyPoints).map((k) => str(k.text)).filter(Boolean),
		nextSteps: nextStepsOf(content),
		outcome: outcome ? str(outcome.name) : null,
		crmObjects: crmObjects.map(({ key: _key, ...rest }) => rest),
	};
}
