'use strict';
/** Calls: list, get, add, media upload, extensive, transcripts, legacy manual CRM associations. */

const data = require('../data');
const lib = require('./_lib');

const { fail, toMs, callFilterTime, callMeta, buildTranscript } = data;

const NO_CALLS = 'No calls found corresponding to the provided filters';

/** Filters visible calls by an optional time window (filter time rule) and workspace. */
function selectCalls(sb, { from, to, workspaceId, callIds, primaryUserIds }) {
	let calls = lib.visibleCalls(sb);
	if (from !== null || to !== null) calls = calls.filter((c) => lib.inRange(callFilterTime(c), from, to));
	if (workspaceId) calls = calls.filter((c) => c.workspaceId === workspaceId);
	if (callIds) {
		const set = new Set(callIds.map(String));
		calls = calls.filter((c) => set.has(c.id));
	}
	if (primaryUserIds) {
		const set = new Set(primaryUserIds.map(String));
		calls = calls.filter((c) => set.has(c.primaryUserId));
	}
	return lib.sortCalls(calls);
}

const meta = (sb, c) => callMeta(c, sb.options.timeZoneOffsetMinutes);

const LANGUAGES = { en: 'eng', es: 'spa', fr: 'fre', de: 'ger', it: 'ita', pt: 'por', nl: 'dut', ja: 'jpn' };

module.exports = {
	/** GET /v2/calls — filters on scheduled time for Gong-recorded web conferences, else start time. */
	'calls.list'(req, sb) {
		const q = req.query;
		const [from, to] = lib.timeRange(q.fromDateTime, q.toDateTime, 'fromDateTime', 'toDateTime');
		const calls = selectCalls(sb, { from, to, workspaceId: q.workspaceId });
		if (!calls.length) fail(404, NO_CALLS);
		const { page, records } = sb.paginate(req, calls);
		return { body: { records, calls: page.map((c) => meta(sb, c)) } };
	},

	'calls.get'(req, sb) {
		const call = lib.findVisibleCall(sb, req.params.id);
		if (!call) fail(404, 'Call ID was not found');
		return { body: { call: meta(sb, call) } };
	},

	/** POST /v2/calls — stores a new call (visible after options.processingDelayMs). */
	'calls.add'(req, sb) {
		const b = req.body;
		const host = lib.userById(sb, b.primaryUser);
		if (!host || host.isAvatar) fail(400, `primaryUser: no Gong user with id ${b.primaryUser}`);
		if (host.settings.telephonyCallsImported === false) fail(409, 'Recording is not enabled for the primary user');
		const dup = sb.state.calls.find((c) => c.clientUniqueId && c.clientUniqueId === b.clientUniqueId);
		if (dup) fail(409, `A call with clientUniqueId '${b.clientUniqueId}' already exists (callId ${dup.id})`);
		for (const k of ['purpose', 'disposition']) if (b[k] && b[k].length > 255) fail(400, `${k}: must be at most 255 characters`);
		if (b.workspaceId && !lib.workspaceById(sb, b.workspaceId)) fail(400, `workspaceId: unknown workspace ${b.workspaceId}`);
		if (b.downloadMediaUrl && !/^https?:\/\//.test(b.downloadMediaUrl)) fail(400, 'downloadMediaUrl: must be an http(s) URL');
		if (b.scheduledStart && b.scheduledEnd && toMs(b.scheduledEnd) < toMs(b.scheduledStart)) fail(400, 'scheduledEnd: must not be before scheduledStart');
		if (!b.parties.length) fail(400, 'parties: at least one party is required');
		b.parties.forEach((p, k) => {
			if (p.userId && !lib.userById(sb, p.userId)) fail(400, `parties[${k}].userId: no Gong user with id ${p.userId}`);
			if (!p.emailAddress && !p.phoneNumber && !p.name && !p.userId) fail(400, `parties[${k}]: needs an emailAddress, phoneNumber, name or userId`);
		});
		const partyIds = new Set(b.parties.map((p) => p.partyId).filter(Boolean));
		((b.speakersTimeline && b.speakersTimeline.speechSegments) || []).forEach((s, k) => {
			s.partyIds.forEach((id, j) => {
				if (!partyIds.has(id)) fail(400, `speakersTimeline.speechSegments[${k}].partyIds[${j}]: no party with partyId ${id}`);
			});
			if (s.toTime < s.fromTime) fail(400, `speakersTimeline.speechSegments[${k}].toTime: must not be before fromTime`);
		});

		const domain = `@${sb.state.company.domain}`;
		const external = b.parties.some((p) => !p.userId && !(p.emailAddress || '').toLowerCase().endsWith(domain));
		const call = sb.addCall({
			title: b.title || null,
			purpose: b.purpose || null,
			started: b.actualStart,
			scheduled: b.scheduledStart || null,
			isWebConference: false, // uploaded calls are filtered on their actual start
			duration: b.duration !== undefined ? Math.round(Number(b.duration)) : 0,
			primaryUserId: host.id,
			direction: b.direction,
			system: b.callProviderCode || 'Generic',
			scope: external ? 'External' : 'Internal',
			media: b.downloadMediaUrl ? 'Audio' : null,
			language: b.languageCode ? LANGUAGES[b.languageCode.slice(0, 2).toLowerCase()] || 'und' : 'eng',
			workspaceId: b.workspaceId || host.workspaceIds[0],
			sdrDisposition: b.disposition || null,
			clientUniqueId: b.clientUniqueId,
			customData: b.customData || null,
			meetingUrl: b.meetingUrl || null,
			calendarEventId: null,
			visibleAt: Date.now() + (sb.options.processingDelayMs || 0),
			parties: b.parties.map((p) => {
				const u = p.userId ? lib.userById(sb, p.userId) : null;
				return { emailAddress: p.emailAddress || (u && u.emailAddress) || null, name: p.name || (u && lib.fullName(u)) || null, userId: p.userId || null, phoneNumber: p.phoneNumber || null, context: p.context || [], title: u ? u.title : null, methods: ['Attendee'] };
			}),
			transcript: [], // no media yet
			context: b.context || [],
			downloadMediaUrl: b.downloadMediaUrl || null,
			flowContext: b.flowContext || null,
			mediaUploads: 0,
			source: 'api',
		});
		return { body: { callId: call.id } };
	},

	/** PUT /v2/calls/{id}/media — multipart part "mediaFile". */
	'calls.uploadMedia'(req, sb) {
		const call = sb.state.calls.find((c) => c.id === req.params.id);
		if (!call) lib.notFound(req, 'id', `call ${req.params.id}`);
		const part = req.multipart.find((p) => p.name === 'mediaFile');
		call.media = /^video\//i.test(part.contentType || '') ? 'Video' : 'Audio';
		call.mediaFile = { fileName: part.fileName, contentType: part.contentType, size: part.data.length };
		call.mediaUploads = (call.mediaUploads || 0) + 1;
		if (!call.transcript.length) call.transcript = buildTranscript(sb.rng, call);
		return { status: 201, body: { callId: call.id, url: call.url } };
	},

	/** POST /v2/calls/extensive — only the parts asked for by contentSelector are present. */
	'calls.listExtensive'(req, sb) {
		const f = req.body.filter;
		const [from, to] = lib.timeRange(f.fromDateTime, f.toDateTime, 'filter.fromDateTime', 'filter.toDateTime');
		const calls = selectCalls(sb, { from, to, workspaceId: f.workspaceId, callIds: f.callIds, primaryUserIds: f.primaryUserIds });
		if (!calls.length) fail(404, NO_CALLS);
		const { page, records } = sb.paginate(req, calls);
		const sel = req.body.contentSelector || {};
		const exposed = sel.exposedFields || {};
		const contextMode = sel.context || 'None';
		return {
			body: {
				records,
				calls: page.map((c) => {
					const item = { metaData: meta(sb, c) };
					if (contextMode !== 'None') item.context = lib.projectContext(c.context || [], contextMode, sel.contextTiming);
					if (exposed.parties) item.parties = lib.callParties(c, contextMode, sel.contextTiming);
					if (exposed.content && Object.values(exposed.content).some(Boolean)) item.content = lib.callContent(sb, c, exposed.content);
					if (exposed.interaction && Object.values(exposed.interaction).some(Boolean)) item.interaction = lib.callInteraction(c, exposed.interaction);
					if (exposed.collaboration && exposed.collaboration.publicComments) item.collaboration = lib.callCollaboration(c);
					if (exposed.media) item.media = sb.mediaHost ? sb.mediaHost.urlsFor(c) : lib.callMedia(c);
					return item;
				}),
			},
		};
	},

	/** POST /v2/calls/transcript — speakerIds match the call's parties[].speakerId. */
	'calls.getTranscripts'(req, sb) {
		const f = req.body.filter;
		const [from, to] = lib.timeRange(f.fromDateTime, f.toDateTime, 'filter.fromDateTime', 'filter.toDateTime');
		const calls = selectCalls(sb, { from, to, workspaceId: f.workspaceId, callIds: f.callIds });
		if (!calls.length) fail(404, NO_CALLS);
		const { page, records } = sb.paginate(req, calls);
		return {
			body: {
				records,
				callTranscripts: page.map((c) => ({
					callId: c.id,
					transcript: c.transcript.map((m) => ({ speakerId: m.speakerId, topic: m.topic, sentences: m.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })) })),
				})),
			},
		};
	},

	/** Legacy GET /v2/calls/manual-crm-associations (ascending by association time). */
	'calls.listManualCrmAssociations'(req, sb) {
		const from = req.query.fromDateTime ? toMs(req.query.fromDateTime) : null;
		const list = sb.state.manualCrmAssociations.filter((a) => from === null || toMs(a.created) > from);
		const { page, records } = sb.paginate(req, list);
		return { body: { records, associations: page.map((a) => ({ callId: a.callId, userId: a.userId, created: sb.fmt(a.created), associatedCrmObjects: a.associatedCrmObjects })) } };
	},
};
