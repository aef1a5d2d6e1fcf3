'use strict';
/** Helpers shared by the handler files (this file is not loaded as a handler module). */

const data = require('../data');

const { fail, toMs, createRng, hashString, callFilterTime, compareIds, isVisible } = data;

/** Calls that are visible right now (visibleAt reached). */
function visibleCalls(sb) {
	const now = Date.now();
	return sb.state.calls.filter((c) => isVisible(c, now));
}

function findVisibleCall(sb, id) {
	const now = Date.now();
	return sb.state.calls.find((c) => c.id === String(id) && isVisible(c, now)) || null;
}

function sortCalls(calls) {
	return calls.slice().sort((a, b) => callFilterTime(a) - callFilterTime(b) || compareIds(a.id, b.id));
}

const userById = (sb, id) => sb.state.users.find((u) => u.id === String(id)) || null;
function userByEmail(sb, email) {
	const e = String(email || '').toLowerCase();
	return sb.state.users.find((u) => u.emailAddress.toLowerCase() === e || (u.emailAliases || []).some((a) => a.toLowerCase() === e)) || null;
}
const workspaceById = (sb, id) => sb.state.workspaces.find((w) => w.id === String(id)) || null;

/**
 * "Referenced thing does not exist": 404 with the catalog's own 404 message when the operation
 * documents a 404, otherwise 400 naming the field.
 */
function notFound(req, field, what) {
	const msg404 = req.entry.errorResponses && req.entry.errorResponses['404'];
	if (msg404) fail(404, msg404);
	fail(400, `${field}: ${what} not found`);
}

const USER_KEYS = ['id', 'emailAddress', 'created', 'active', 'emailAliases', 'trustedEmailAddress', 'firstName', 'lastName', 'title', 'phoneNumber', 'extension', 'personalMeetingUrls', 'settings', 'managerId', 'meetingConsentPageUrl', 'conferencingProviders', 'spokenLanguages'];

function publicUser(sb, u) {
	const out = {};
	for (const k of USER_KEYS) out[k] = u[k] === undefined ? null : u[k];
	out.created = sb.fmt(u.created);
	out.settings = { ...u.settings };
	return out;
}

const fullName = (u) => `${u.firstName} ${u.lastName}`;

/** Validates an ISO range pair (both optional); returns [fromMs|null, toMs|null]. */
function timeRange(from, to, fromName, toName) {
	const f = from ? toMs(from) : null;
	const t = to ? toMs(to) : null;
	if (f !== null && t !== null && f > t) fail(400, `${fromName}: must not be after ${toName}`);
	return [f, t];
}
const inRange = (ms, from, to) => (from === null || ms >= from) && (to === null || ms < to);

/** Deterministic PRNG for derived (not stored) data of one object. */
const rngFor = (...parts) => createRng(hashString(parts.join('|')));

/** Projected parties of a call (context filtered by the content selector). */
function callParties(call, contextMode, timings) {
	return call.parties.map((p) => ({
		id: p.id,
		emailAddress: p.emailAddress,
		name: p.name,
		title: p.title,
		userId: p.userId,
		speakerId: p.speakerId,
		context: projectContext(p.context || [], contextMode, timings),
		affiliation: p.affiliation,
		phoneNumber: p.phoneNumber,
		methods: p.methods,
	}));
}

/** CRM context per contentSelector.context: None → [], Basic → ids + first field, Extended → all fields. */
function projectContext(context, mode, timings) {
	if (!mode || mode === 'None') return [];
	const times = timings && timings.length ? timings : ['Now'];
	return context.map((ctx) => ({
		system: ctx.system,
		objects: (ctx.objects || []).flatMap((o) =>
			times.map((timing) => ({
				objectType: o.objectType,
				objectId: o.objectId,
				fields: mode === 'Extended' ? (o.fields || []) : (o.fields || []).slice(0, 1),
				timing,
			})),
		),
	}));
}

/** Derived, deterministic call "content" (structure, topics, trackers, brief, …) for /v2/calls/extensive. */
function callContent(sb, call, sel) {
	const r = rngFor('content', call.id);
	const out = {};
	const dur = call.duration || 600;
	const speakers = call.parties.filter((p) => p.speakerId);
	if (sel.structure) {
		const a = Math.round(dur * 0.15);
		const b = Math.round(dur * 0.6);
		out.structure = [
			{ name: 'Call Setup', duration: a },
			{ name: 'Discovery', duration: b },
			{ name: 'Next Steps', duration: dur - a - b },
		];
	}
	if (sel.topics) {
		const names = [...new Set(call.transcript.map((m) => m.topic).filter(Boolean))];
		out.topics = (names.length ? names : ['Introduction']).map((name) => ({ name, duration: r.int(30, Math.max(31, Math.floor(dur / 3))) }));
	}
	if (sel.trackers || sel.trackerOccurrences) {
		const trackers = sb.state.trackers.filter((t) => t.workspaceId === call.workspaceId).slice(0, 3);
		out.trackers = trackers.map((t) => {
			const count = r.int(0, 4);
			const occurrences = [];
			for (let k = 0; k < count; k++) occurrences.push({ startTime: Math.round(r.next() * dur * 10) / 10, speakerId: speakers.length ? speakers[r.int(0, speakers.length - 1)].speakerId : null });
			occurrences.sort((a, b) => a.startTime - b.startTime);
			const tracker = { id: t.trackerId, name: t.trackerName, count, type: 'KEYWORD' };
			if (sel.trackerOccurrences) {
				tracker.occurrences = occurrences;
				tracker.phrases = count ? [{ count, occurrences, phrase: t.languageKeywords[0].keywords[0] }] : [];
			}
			return tracker;
		});
	}
	if (sel.pointsOfInterest) out.pointsOfInterest = { actionItems: [{ snippetStartTime: Math.round(dur * 0.8), snippetEndTime: Math.round(dur * 0.85), speakerID: speakers[0] ? speakers[0].speakerId : null, snippet: 'I will send over the proposal by Friday.' }] };
	if (sel.brief) out.brief = `${call.title}: the team reviewed goals, current tooling and timeline, and agreed on next steps.`;
	if (sel.outline)
		out.outline = [
			{ section: 'Introductions', startTime: 0, duration: Math.round(dur * 0.15), items: [{ text: 'Round of introductions', startTime: 5 }] },
			{ section: 'Requirements', startTime: Math.round(dur * 0.15), duration: Math.round(dur * 0.6), items: [{ text: 'Security and SSO requirements', startTime: Math.round(dur * 0.3) }] },
		];
	if (sel.highlights)
		out.highlights = [
			{ title: 'Pain points', items: [{ text: 'Manual reporting takes hours every week', startTimes: [Math.round(dur * 0.3)] }] },
			{ title: 'Next steps', items: [{ text: 'Send the proposal by Friday', startTimes: [Math.round(dur * 0.85)] }, { text: 'Book a security review with IT', startTimes: [Math.round(dur * 0.9)] }] },
		];
	if (sel.callOutcome) {
		const o = sb.state.callOutcomes[r.int(0, sb.state.callOutcomes.length - 1)];
		out.callOutcome = { id: String(1000 + o.displayOrder), category: o.category === 'ANSWERED' ? 'Answered' : 'Not answered', name: o.callOutcome };
	}
	if (sel.keyPoints) out.keyPoints = [{ text: 'Customer needs SSO before signing' }, { text: 'Decision expected this quarter' }];
	return out;
}

/** Derived interaction data (talk time per speaker from the transcript, stats, video, questions). */
function callInteraction(call, sel) {
	const r = rngFor('interaction', call.id);
	const out = {};
	if (sel.speakers) {
		const talk = new Map();
		for (const m of call.transcript) for (const s of m.sentences) talk.set(m.speakerId, (talk.get(m.speakerId) || 0) + (s.end - s.start) / 1000);
		out.speakers = call.parties.filter((p) => p.speakerId).map((p) => ({ id: p.speakerId, userId: p.userId, talkTime: Math.round((talk.get(p.speakerId) || 0) * 10) / 10 }));
	}
	if (sel.personInteractionStats)
		out.interactionStats = [
			{ name: 'Talk Ratio', value: Math.round(r.next() * 100) / 100 },
			{ name: 'Longest Monologue', value: r.int(20, 300) },
			{ name: 'Longest Customer Story', value: r.int(10, 200) },
			{ name: 'Interactivity', value: Math.round(r.next() * 100) / 10 },
			{ name: 'Patience', value: Math.round(r.next() * 30) / 10 },
			{ name: 'Question Rate', value: Math.round(r.next() * 50) / 10 },
		];
	if (sel.video) out.video = call.media === 'Video' ? [{ name: 'Browser', duration: r.int(0, 300) }, { name: 'Shared Screen', duration: r.int(60, 900) }, { name: 'Face Time', duration: r.int(60, 900) }] : [];
	if (sel.questions) out.questions = { companyCount: r.int(0, 12), nonCompanyCount: r.int(0, 12) };
	return out;
}

function callCollaboration(call) {
	const r = rngFor('collab', call.id);
	const n = r.int(0, 2);
	const comments = [];
	for (let k = 0; k < n; k++) {
		const at = r.int(0, Math.max(1, call.duration - 10));
		comments.push({ id: String(r.digits(19, 8)), audioStartTime: at, audioEndTime: at + 5, commenterUserId: call.primaryUserId, comment: k ? 'Good discovery question here' : 'Follow up on this', posted: data.isoUtc(toMs(call.started) + (call.duration + 600 + k * 60) * 1000), inReplyTo: null, duringCall: false });
	}
	return { publicComments: comments };
}

/** Temporary media URLs (exposedFields.media). */
function callMedia(call) {
	const expires = Date.now() + 8 * 3600000;
	const base = `https://gong-sandbox-media.example/calls/${call.id}`;
	return { audioUrl: `${base}/audio.mp3?expires=${expires}`, videoUrl: call.media === 'Video' ? `${base}/video.mp4?expires=${expires}` : null };
}

/** Today's date (YYYY-MM-DD) in the company offset. */
const todayInCompany = (sb) => data.dateOf(Date.now(), sb.options.timeZoneOffsetMinutes);

/** Checks a YYYY-MM-DD pair: from < to (both present); optional "to not after today". */
function checkDatePair(sb, from, to, fromName, toName, notAfterToday) {
	if (from && to && from >= to) fail(400, `${fromName}: must be before ${toName}`);
	if (notAfterToday && to && to > todayInCompany(sb)) fail(400, `${toName}: must not be later than today (${todayInCompany(sb)})`);
}

/** Shallow copy without the given (sandbox-only) keys. */
function omit(obj, ...keys) {
	const out = { ...obj };
	for (const k of keys) delete out[k];
	return out;
}

const isEmail = (s) => typeof s === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

module.exports = {
	visibleCalls,
	findVisibleCall,
	sortCalls,
	userById,
	userByEmail,
	workspaceById,
	notFound,
	publicUser,
	fullName,
	timeRange,
	inRange,
	rngFor,
	callParties,
	projectContext,
	callContent,
	callInteraction,
	callCollaboration,
	callMedia,
	todayInCompany,
	checkDatePair,
	isEmail,
	omit,
};
