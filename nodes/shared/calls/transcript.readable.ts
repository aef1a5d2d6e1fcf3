import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { FieldDef } from '../framework/types';
import { gongApiPages } from '../transport';

/**
 * "Readable" transcripts: Gong's transcript names speakers only by a speakerId. The call's
 * parties (POST /v2/calls/extensive with exposedFields.parties) map each speakerId to a person,
 * so the transcript can be given with names, affiliation and mm:ss timestamps, plus one
 * plain-text rendering per call that fits straight into an LLM prompt.
 */

/** Gong accepts up to 100 call IDs per /v2/calls/extensive request in practice; batches stay at that. */
export const PARTIES_BATCH_SIZE = 100;

export type Affiliation = 'Company' | 'External' | 'Unknown';

export interface TranscriptSpeaker {
	speakerId: string;
	name: string;
	email: string | null;
	title: string | null;
	/** Company = someone of your company (Gong: Internal), External = a customer or prospect. */
	affiliation: Affiliation;
	/** Gong user id, for people of your company. */
	userId: string | null;
}

/** What is known about one call from /v2/calls/extensive. */
export interface CallParties {
	parties: IDataObject[];
	metaData?: IDataObject;
}

export const transcriptFormatField: FieldDef = {
	name: 'outputFormat',
	displayName: 'Output Format',
	kind: 'options',
	target: 'none',
	collection: 'options',
	default: 'raw',
	options: [
		{
			name: 'Raw',
			value: 'raw',
			description: "Gong's structure: { callId, transcript: [{ speakerId, topic, sentences: [{ start, end, text }] }] }, times in milliseconds",
		},
		{
			name: 'Readable',
			value: 'readable',
			description:
				'Adds speaker names and affiliation, mm:ss timestamps and a plain-text "text" per call for LLM prompts; the raw "transcript" stays in the item',
		},
	],
	description:
		'Readable resolves speaker IDs to the call\'s participants with one extra Gong request per 100 calls (POST /v2/calls/extensive, needs the api:calls:read:extensive scope) and returns { callId, title, started, url, speakers, text, monologues, sentences, transcript }. Each "text" line reads "[00:12] Jane Doe (Company): …".',
};

const str = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));

/** Gong's party affiliation (Internal / External / Unknown) as Company / External / Unknown. */
export function affiliationOf(raw: unknown): Affiliation {
	const value = String(raw ?? '').toLowerCase();
	if (value === 'internal' || value === 'company') return 'Company';
	if (value === 'external' || value === 'noncompany') return 'External';
	return 'Unknown';
}

/** Milliseconds from the start of the call as "mm:ss", or "h:mm:ss" from one hour on. */
export function formatOffset(ms: unknown): string {
	const total = Math.max(0, Math.floor(Number(ms) / 1000) || 0);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const two = (n: number) => String(n).padStart(2, '0');
	return hours ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/** speakerId → speaker, from the call's parties (parties without a speakerId never spoke). */
export function speakersFromParties(parties: IDataObject[]): Map<string, TranscriptSpeaker> {
	const map = new Map<string, TranscriptSpeaker>();
	for (const party of parties) {
		const speakerId = str(party.speakerId);
		if (!speakerId) continue;
		map.set(speakerId, {
			speakerId,
			name: str(party.name) ?? str(party.emailAddress) ?? str(party.phoneNumber) ?? '',
			email: str(party.emailAddress),
			title: str(party.title),
			affiliation: affiliationOf(party.affiliation),
			userId: str(party.userId),
		});
	}
	return map;
}

/**
 * Reads the parties (and basic data) of the given calls, ≤ PARTIES_BATCH_SIZE ids per request,
 * following Gong's cursor. Calls Gong does not return (not processed yet, no access) are simply
 * missing from the map.
 */
export async function fetchCallParties(
	this: IExecuteFunctions | IPollFunctions,
	callIds: string[],
	itemIndex?: number,
): Promise<Map<string, CallParties>> {
	const out = new Map<string, CallParties>();
	const ids = [...new Set(callIds.map(String).filter(Boolean))];
	for (let start = 0; start < ids.length; start += PARTIES_BATCH_SIZE) {
		const batch = ids.slice(start, start + PARTIES_BATCH_SIZE);
		const pages = gongApiPages.call(this, {
			method: 'POST',
			path: '/v2/calls/extensive',
			body: { filter: { callIds: batch }, contentSelector: { exposedFields: { parties: true } } },
			pagination: 'body',
			recordsKey: 'calls',
			retrySafe: true,
			emptyOn404: true,
			scope: 'api:calls:read:extensive',
			itemIndex,
		});
		for await (const page of pages) {
			for (const call of page.records) {
				const metaData = (call.metaData ?? {}) as IDataObject;
				const id = str(metaData.id);
				if (id) out.set(id, { parties: (call.parties as IDataObject[] | undefined) ?? [], metaData });
			}
		}
	}
	return out;
}

/** One Gong transcript record ({ callId, transcript }) in the readable shape. */
export function readableTranscript(record: IDataObject, call?: CallParties): IDataObject {
	const known = speakersFromParties(call?.parties ?? []);
	const unknown = new Map<string, TranscriptSpeaker>();
	const speakerOf = (rawId: unknown): TranscriptSpeaker => {
		const speakerId = str(rawId) ?? '';
		const found = known.get(speakerId);
		if (found && found.name) return found;
		let guess = unknown.get(speakerId);
		if (!guess) {
			guess = { speakerId, name: `Speaker ${unknown.size + 1}`, email: found?.email ?? null, title: found?.title ?? null, affiliation: found?.affiliation ?? 'Unknown', userId: found?.userId ?? null };
			unknown.set(speakerId, guess);
		}
		return guess;
	};

	const raw = Array.isArray(record.transcript) ? (record.transcript as IDataObject[]) : [];
	const monologues: IDataObject[] = [];
	const sentences: IDataObject[] = [];
	const lines: string[] = [];
	const spoke = new Map<string, TranscriptSpeaker>();
	for (const monologue of raw) {
		const topic = str(monologue.topic);
		const parts = (Array.isArray(monologue.sentences) ? (monologue.sentences as IDataObject[]) : []).filter((s) => String(s.text ?? '').trim());
		if (!parts.length) continue;
		const speaker = speakerOf(monologue.speakerId);
		spoke.set(speaker.speakerId, speaker);
		const texts: string[] = [];
		for (const sentence of parts) {
			const text = String(sentence.text).trim();
			texts.push(text);
			sentences.push({
				speakerId: speaker.speakerId,
				speaker: speaker.name,
				affiliation: speaker.affiliation,
				topic,
				start: sentence.start,
				end: sentence.end,
				startTime: formatOffset(sentence.start),
				text,
			});
		}
		const first = parts[0];
		const last = parts[parts.length - 1];
		const text = texts.join(' ');
		const startTime = formatOffset(first.start);
		monologues.push({
			speakerId: speaker.speakerId,
			speaker: speaker.name,
			affiliation: speaker.affiliation,
			topic,
			start: first.start,
			end: last.end,
			startTime,
			endTime: formatOffset(last.end),
			text,
		});
		lines.push(`[${startTime}] ${speaker.name} (${speaker.affiliation}): ${text}`);
	}

	const meta = call?.metaData ?? {};
	return {
		callId: str(record.callId),
		title: str(meta.title),
		started: str(meta.started),
		url: str(meta.url),
		speakers: [...spoke.values()] as unknown as IDataObject[],
		text: lines.join('\n'),
		monologues,
		sentences,
		transcript: raw,
	};
}

/** Parties already read in this execution (per context), so items sharing calls share requests. */
const partiesCache = new WeakMap<object, Map<string, CallParties | null>>();

/** Reads the parties of the calls not read yet in this execution, in batches of 100. */
export async function prefetchCallParties(
	this: IExecuteFunctions | IPollFunctions,
	callIds: string[],
	itemIndex?: number,
): Promise<Map<string, CallParties | null>> {
	let cache = partiesCache.get(this);
	if (!cache) {
		cache = new Map();
		partiesCache.set(this, cache);
	}
	const missing = [...new Set(callIds.filter((id) => id && !cache!.has(id)))];
	if (missing.length) {
		const fetched = await fetchCallParties.call(this, missing, itemIndex);
		for (const id of missing) cache.set(id, fetched.get(id) ?? null);
	}
	return cache;
}

/** Turns Gong transcript records into readable ones, reading the calls' parties in batches. */
export async function readableTranscripts(
	this: IExecuteFunctions | IPollFunctions,
	records: IDataObject[],
	itemIndex?: number,
): Promise<IDataObject[]> {
	if (!records.length) return records;
	const calls = await prefetchCallParties.call(this, records.map((r) => String(r.callId ?? '')), itemIndex);
	return records.map((r) => readableTranscript(r, calls.get(String(r.callId ?? '')) ?? undefined));
}
