/**
 * Call outputs made for people and LLMs: Get Transcripts with Output Format "Readable" (speaker
 * names from the call's parties, affiliation, timestamps, one plain-text field per call) and
 * Get Many (Extensive) with "Simplify". Run through the engine against the sandbox.
 */
import { useGong } from './helpers';

const { affiliationOf, formatOffset, readableTranscript, PARTIES_BATCH_SIZE } = require('../nodes/shared/calls/transcript.readable');
const { simplifyCall } = require('../nodes/shared/calls/simplify');

const FROM = '2000-01-01T00:00:00Z';
const TO = () => new Date(Date.now() + 3600e3).toISOString();
const AFFILIATION: Record<string, string> = { Internal: 'Company', External: 'External', Unknown: 'Unknown' };

/** The text Readable should give for a sandbox call, built independently from the sandbox state. */
function expectedText(call: any): string {
	const bySpeaker = new Map(call.parties.filter((p: any) => p.speakerId).map((p: any) => [p.speakerId, p]));
	const mmss = (ms: number) => {
		const s = Math.floor(ms / 1000);
		const h = Math.floor(s / 3600);
		const pad = (n: number) => String(n).padStart(2, '0');
		return h ? `${h}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
	};
	return call.transcript
		.map((m: any) => {
			const p: any = bySpeaker.get(m.speakerId);
			return `[${mmss(m.sentences[0].start)}] ${p.name} (${AFFILIATION[p.affiliation]}): ${m.sentences.map((s: any) => s.text).join(' ')}`;
		})
		.join('\n');
}

describe('readable transcripts (pure functions)', () => {
	test('formatOffset: mm:ss below an hour, h:mm:ss from an hour on', () => {
		expect(formatOffset(0)).toBe('00:00');
		expect(formatOffset(12_345)).toBe('00:12');
		expect(formatOffset(599_999)).toBe('09:59');
		expect(formatOffset(3_599_999)).toBe('59:59');
		expect(formatOffset(3_600_000)).toBe('1:00:00');
		expect(formatOffset(3_723_000)).toBe('1:02:03');
		expect(formatOffset(undefined)).toBe('00:00');
	});

	test('affiliationOf: Gong Internal → Company, External → External, anything else → Unknown', () => {
		expect(affiliationOf('Internal')).toBe('Company');
		expect(affiliationOf('External')).toBe('External');
		expect(affiliationOf('Unknown')).toBe('Unknown');
		expect(affiliationOf(undefined)).toBe('Unknown');
	});

	test('speakers missing from the parties become "Speaker N (Unknown)"; raw transcript kept', () => {
		const record = {
			callId: '1234567890123456789',
			transcript: [
				{ speakerId: '11', topic: 'Pricing', sentences: [{ start: 1000, end: 2000, text: 'Hello.' }, { start: 2100, end: 3000, text: 'Welcome.' }] },
				{ speakerId: '22', topic: null, sentences: [{ start: 3_700_000, end: 3_701_000, text: 'Hi!' }] },
				{ speakerId: '33', topic: null, sentences: [{ start: 3_702_000, end: 3_703_000, text: '  ' }] },
			],
		};
		const out = readableTranscript(record, { parties: [{ speakerId: '11', name: 'Jane Doe', emailAddress: 'jane@acme.example', affiliation: 'Internal', userId: '42' }], metaData: { title: 'Demo', url: 'https://app.gong.io/call?id=1', started: '2025-03-01T14:00:00Z' } });
		expect(out.text).toBe('[00:01] Jane Doe (Company): Hello. Welcome.\n[1:01:40] Speaker 1 (Unknown): Hi!');
		expect(out.title).toBe('Demo');
		expect(out.speakers).toEqual([
			{ speakerId: '11', name: 'Jane Doe', email: 'jane@acme.example', title: null, affiliation: 'Company', userId: '42' },
			{ speakerId: '22', name: 'Speaker 1', email: null, title: null, affiliation: 'Unknown', userId: null },
		]);
		expect(out.monologues[0]).toEqual({ speakerId: '11', speaker: 'Jane Doe', affiliation: 'Company', topic: 'Pricing', start: 1000, end: 3000, startTime: '00:01', endTime: '00:03', text: 'Hello. Welcome.' });
		expect(out.sentences).toHaveLength(3);
		expect(out.sentences[1]).toMatchObject({ speaker: 'Jane Doe', startTime: '00:02', text: 'Welcome.' });
		expect(out.transcript).toBe(record.transcript);
	});
});

describe('Call → Get Transcripts: Output Format', () => {
	const gong = useGong({ seed: { calls: 160, users: 30 }, pageSize: 100 });

	const visibleWithTranscript = () => gong.sandbox.state.calls.filter((c: any) => c.transcript.length);

	test('Raw (default): Gong\'s records unchanged, no extra request', async () => {
		const call = visibleWithTranscript()[0];
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getTranscripts', filters: { callIds: [call.id] } } });
		expect(result.error).toBeUndefined();
		expect(gong.requests().map((r: any) => r.path)).toEqual(['/v2/calls/transcript']);
		expect(result.json).toEqual([
			{ callId: call.id, transcript: call.transcript.map((m: any) => ({ speakerId: m.speakerId, topic: m.topic, sentences: m.sentences.map((s: any) => ({ start: s.start, end: s.end, text: s.text })) })) },
		]);
	});

	test('Readable: parties fetched with POST /v2/calls/extensive (parties only), names, affiliation, timestamps, text', async () => {
		const calls = visibleWithTranscript().slice(0, 3);
		const ids = calls.map((c: any) => c.id);
		const result = await gong.run({
			parameters: { resource: 'call', operation: 'getTranscripts', filters: { callIds: ids }, options: { outputFormat: 'readable' } },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r: any) => `${r.method} ${r.path}`)).toEqual(['POST /v2/calls/transcript', 'POST /v2/calls/extensive']);
		expect(reqs[1].body.contentSelector).toEqual({ exposedFields: { parties: true } });
		expect(Object.keys(reqs[1].body)).toEqual(['filter', 'contentSelector']);
		expect([...reqs[1].body.filter.callIds].sort()).toEqual(ids.slice().sort());
		expect(result.json.map((j) => j.callId).sort()).toEqual(ids.slice().sort());
		for (const item of result.json) {
			const call = calls.find((c: any) => c.id === item.callId);
			expect(item.text).toBe(expectedText(call));
			expect(item.title).toBe(call.title);
			expect(item.url).toBe(call.url);
			expect(item.transcript).toHaveLength(call.transcript.length);
			expect((item.monologues as any[]).length).toBe(call.transcript.length);
			expect((item.sentences as any[]).length).toBe(call.transcript.reduce((n: number, m: any) => n + m.sentences.length, 0));
			for (const speaker of item.speakers as any[]) {
				const party = call.parties.find((p: any) => p.speakerId === speaker.speakerId);
				expect(speaker).toEqual({ speakerId: party.speakerId, name: party.name, email: party.emailAddress, title: party.title, affiliation: AFFILIATION[party.affiliation], userId: party.userId });
			}
		}
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Readable over many calls: extensive requests batched at 100 ids, each call once', async () => {
		const result = await gong.run({
			parameters: { resource: 'call', operation: 'getTranscripts', filters: { fromDateTime: FROM, toDateTime: TO() }, returnAll: true, options: { outputFormat: 'readable' } },
		});
		expect(result.error).toBeUndefined();
		const extensive = gong.requests().filter((r: any) => r.path === '/v2/calls/extensive');
		const transcripts = gong.requests().filter((r: any) => r.path === '/v2/calls/transcript');
		expect(transcripts).toHaveLength(2);
		expect(extensive).toHaveLength(Math.ceil(result.json.length / PARTIES_BATCH_SIZE));
		expect(extensive.map((r: any) => r.body.filter.callIds.length)).toEqual([100, result.json.length - 100]);
		const asked = extensive.flatMap((r: any) => r.body.filter.callIds);
		expect(new Set(asked).size).toBe(result.json.length);
		const withText = result.json.filter((j) => (j.transcript as any[]).length);
		expect(withText.length).toBeGreaterThan(100);
		expect(withText.every((j) => /^\[\d\d:\d\d\] .+ \((Company|External|Unknown)\): /.test(j.text as string))).toBe(true);
		expect(withText.some((j) => (j.text as string).includes('(External)'))).toBe(true);
	});

	test('Readable: a speaker Gong does not list among the parties is "Speaker 1 (Unknown)"; long calls get h:mm:ss', async () => {
		const host = gong.sandbox.state.users[2];
		const call = gong.sandbox.addCall({
			title: 'Long call',
			started: new Date(Date.now() - 2 * 3600e3).toISOString(),
			duration: 5400,
			parties: [{ userId: host.id, name: 'Host Person', emailAddress: host.emailAddress, speakerId: '5000000000000000001', affiliation: 'Internal' }],
			transcript: [
				{ speakerId: '5000000000000000001', topic: 'Intro', sentences: [{ start: 5_000, end: 7_000, text: 'Welcome back.' }] },
				{ speakerId: '5000000000000000999', topic: null, sentences: [{ start: 3_725_000, end: 3_730_000, text: 'Thanks, great to be here.' }] },
			],
		});
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getTranscripts', filters: { callIds: [call.id] }, options: { outputFormat: 'readable' } } });
		expect(result.error).toBeUndefined();
		expect(result.json[0].text).toBe('[00:05] Host Person (Company): Welcome back.\n[1:02:05] Speaker 1 (Unknown): Thanks, great to be here.');
	});

	test('Readable with an invalid option value fails before any request', async () => {
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getTranscripts', filters: { callIds: ['1'] }, options: { outputFormat: 'fancy' } } });
		expect(result.error).toBeDefined();
		expect(gong.requests()).toHaveLength(0);
	});
});

describe('Call → Get Transcripts: Readable over many input items', () => {
	const gong = useGong({ seed: { calls: 160, users: 30 }, pageSize: 100 });

	test('150 items, one call each: 2 transcript requests and 2 parties requests in all, each item its own readable transcript', async () => {
		const calls = gong.sandbox.state.calls.slice(0, 150);
		const result = await gong.run({
			input: calls.map((c: any) => ({ json: { id: c.id } })),
			parameters: { resource: 'call', operation: 'getTranscripts', filters: { callIds: '={{ $json.id }}' }, options: { outputFormat: 'readable' } },
		});
		expect(result.error).toBeUndefined();
		const paths = gong.requests().map((r: any) => r.path);
		expect(paths.filter((p: string) => p === '/v2/calls/transcript')).toHaveLength(2);
		expect(paths.filter((p: string) => p === '/v2/calls/extensive')).toHaveLength(2);
		expect(result.items).toHaveLength(150);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.callId).toBe(calls[i].id);
			expect(item.json.text).toBe(expectedText(calls[i]));
		});
	});
});

describe('Call → Get Many (Extensive): Simplify', () => {
	const gong = useGong({ seed: { calls: 40, users: 20 }, pageSize: 100 });

	const externalCall = () => gong.sandbox.state.calls.find((c: any) => c.scope === 'External' && c.parties.length > 1);

	test('off by default: Gong\'s nested records, nothing extra asked for', async () => {
		const call = externalCall();
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getManyExtensive', filters: { callIds: [call.id] } } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().body.contentSelector).toBeUndefined();
		expect(result.json[0].metaData).toBeDefined();
		expect(result.json[0].id).toBeUndefined();
	});

	test('on: asks for everything it outputs (participants, topics, trackers, brief, key points, highlights, outcome, CRM context) and returns flat records', async () => {
		const call = externalCall();
		const result = await gong.run({
			parameters: { resource: 'call', operation: 'getManyExtensive', filters: { callIds: [call.id] }, options: { simplify: true, include: ['trackers'], context: 'Basic' } },
		});
		expect(result.error).toBeUndefined();
		const body = gong.lastRequest().body;
		expect(body.contentSelector.exposedFields).toEqual({
			parties: true,
			content: { trackers: true, topics: true, brief: true, keyPoints: true, highlights: true, callOutcome: true, pointsOfInterest: true },
		});
		expect(body.contentSelector.context).toBe('Basic');
		const out = result.json[0] as any;
		const host = call.parties.find((p: any) => p.userId === call.primaryUserId);
		expect(out).toMatchObject({
			id: call.id,
			title: call.title,
			url: call.url,
			started: call.started,
			duration: call.duration,
			direction: call.direction,
			scope: 'External',
			primaryUserId: call.primaryUserId,
			primaryUser: { name: host.name, email: host.emailAddress },
		});
		expect(typeof out.brief).toBe('string');
		expect(out.topics.length).toBeGreaterThan(0);
		expect(out.topics.every((t: unknown) => typeof t === 'string')).toBe(true);
		// From the "Next steps" highlight section (not "Pain points"), not from the deprecated pointsOfInterest.
		expect(out.nextSteps).toEqual(['Send the proposal by Friday', 'Book a security review with IT']);
		expect(out.trackers.length).toBeGreaterThan(0);
		expect(out.trackers.every((t: any) => typeof t.name === 'string' && typeof t.count === 'number')).toBe(true);
		expect(out.keyPoints.length).toBeGreaterThan(0);
		expect(typeof out.outcome).toBe('string');
		expect(out.participants).toHaveLength(call.parties.length);
		expect(out.participants.find((p: any) => p.email === host.emailAddress).affiliation).toBe('Company');
		expect(out.externalParticipants.length).toBeGreaterThan(0);
		expect(out.crmObjects.map((o: any) => o.objectType)).toEqual(['Account', 'Opportunity']);
		expect(out.metaData).toBeUndefined();
	});

	test('on without options: asks for trackers and CRM context Basic itself, so trackers and crmObjects are filled; an explicit CRM Context "None" is kept', async () => {
		const call = externalCall();
		const result = await gong.run({ parameters: { resource: 'call', operation: 'getManyExtensive', filters: { callIds: [call.id] }, options: { simplify: true } } });
		expect(result.error).toBeUndefined();
		const body = gong.lastRequest().body;
		expect(body.contentSelector.context).toBe('Basic');
		expect(body.contentSelector.exposedFields.content.trackers).toBe(true);
		const out = result.json[0] as any;
		expect(out.trackers.length).toBeGreaterThan(0);
		expect(out.crmObjects.map((o: any) => o.objectType)).toEqual(['Account', 'Opportunity']);
		expect(out.crmObjects[0].objectId).toBe(call.context[0].objects[0].objectId);
		gong.sandbox.clearRequests();
		const none = await gong.run({ parameters: { resource: 'call', operation: 'getManyExtensive', filters: { callIds: [call.id] }, options: { simplify: true, context: 'None' } } });
		expect(gong.lastRequest().body.contentSelector.context).toBe('None');
		expect((none.json[0] as any).crmObjects).toEqual([]);
	});

	test('next steps: highlight sections about next steps / action items; the deprecated pointsOfInterest only as fallback', () => {
		const poi = { actionItems: [{ snippet: 'Old-style action item' }] };
		const withHighlights = simplifyCall({
			metaData: { id: '1' },
			content: { highlights: [{ title: 'Risks', items: [{ text: 'Budget unclear' }] }, { title: 'Action Items', items: [{ text: 'Share pricing' }] }], pointsOfInterest: poi },
		});
		expect(withHighlights.nextSteps).toEqual(['Share pricing']);
		const fallback = simplifyCall({ metaData: { id: '1' }, content: { highlights: [{ title: 'Risks', items: [{ text: 'Budget unclear' }] }], pointsOfInterest: poi } });
		expect(fallback.nextSteps).toEqual(['Old-style action item']);
	});

	test('simplifyCall also takes basic records (GET /v2/calls) and keeps the same keys', () => {
		const basic = simplifyCall({ id: '1234567890123456789', title: 'Quick sync', url: 'https://app.gong.io/call?id=1234567890123456789', started: '2025-03-01T14:00:00Z', duration: 600, primaryUserId: '7' });
		const full = simplifyCall({ metaData: { id: '1' }, parties: [], content: {} });
		expect(Object.keys(basic)).toEqual(Object.keys(full));
		expect(basic).toMatchObject({ id: '1234567890123456789', title: 'Quick sync', duration: 600, primaryUser: null, participants: [], topics: [], brief: null, nextSteps: [] });
	});
});
