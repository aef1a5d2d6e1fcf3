'use strict';
/**
 * Meetings (Beta / limited release): create, update, delete and integration status.
 * options.meetingsLimitedRelease = true makes all four answer 403 like a tenant without access.
 * meetingId is int64 in the path (up to 19 digits here); responses carry it as a string, as the
 * spec's response schemas do.
 */

const { fail, toMs } = require('../data');
const lib = require('./_lib');

const LIMITED = 'This API endpoint is in Limited release - contact your CSM for more information.';

function guard(sb) {
	if (sb.options.meetingsLimitedRelease) fail(403, LIMITED);
}

function checkTimes(b) {
	if (toMs(b.endTime) <= toMs(b.startTime)) fail(400, 'endTime: must be after startTime');
}

function checkInvitees(invitees) {
	if (!invitees.length) fail(400, 'invitees: at least one invitee is required');
	invitees.forEach((inv, k) => {
		if (!lib.isEmail(inv.email)) fail(400, `invitees[${k}].email: must be an email address`);
	});
}

/** Finds a meeting by path id; the organizer must match (Gong answers 404 otherwise). */
function findMeeting(req, sb, organizerEmail, notFoundMessage) {
	const m = sb.state.meetings.find((x) => x.meetingId === req.params.meetingId && !x.deleted);
	if (!m) fail(404, 'No meeting found corresponding to the provided meeting ID');
	if (organizerEmail !== undefined && String(organizerEmail).toLowerCase() !== m.organizerEmail.toLowerCase()) fail(404, notFoundMessage);
	return m;
}

const ASSISTANT = { email: 'assistant@gong.io', displayName: 'Gong Assistant', firstName: null, lastName: null };

module.exports = {
	'meetings.create'(req, sb) {
		guard(sb);
		const b = req.body;
		checkTimes(b);
		checkInvitees(b.invitees);
		const organizer = lib.userByEmail(sb, b.organizerEmail);
		if (!organizer || organizer.isAvatar) fail(404, 'No Gong user found corresponding to the provided organizer email');
		const meetingId = sb.ids.next(19);
		const token = sb.rng.alnum(22);
		const meeting = {
			meetingId,
			title: b.title || null,
			startTime: b.startTime,
			endTime: b.endTime,
			invitees: b.invitees.map((i) => ({ ...i })),
			externalId: b.externalId || null,
			provider: b.provider || null,
			organizerEmail: organizer.emailAddress,
			meetingUrl: `https://join.gong.io/${sb.state.company.slug}/${`${organizer.firstName}.${organizer.lastName}`.toLowerCase()}?tkn=${token}`,
			created: new Date().toISOString(),
			updates: 0,
			deleted: false,
		};
		sb.state.meetings.push(meeting);
		return { body: { meetingId, meetingUrl: meeting.meetingUrl, additionalInvitees: [{ ...ASSISTANT }] } };
	},

	'meetings.update'(req, sb) {
		guard(sb);
		const b = req.body;
		const m = findMeeting(req, sb, b.organizerEmail, 'No Gong meeting found corresponding to the provided organizer email');
		checkTimes(b);
		checkInvitees(b.invitees);
		Object.assign(m, { startTime: b.startTime, endTime: b.endTime, invitees: b.invitees.map((i) => ({ ...i })), updates: m.updates + 1 });
		for (const k of ['title', 'externalId', 'provider']) if (b[k] !== undefined) m[k] = b[k];
		return { body: { meetingId: m.meetingId } };
	},

	/** DELETE with JSON body {organizerEmail}; the 200 body is just {organizerEmail} (no requestId), per the spec. */
	'meetings.delete'(req, sb) {
		guard(sb);
		const email = req.body.organizerEmail;
		if (!email) fail(400, 'organizerEmail: is required');
		const m = findMeeting(req, sb, email, 'No Gong meeting found corresponding to the provided organizer email');
		m.deleted = true;
		return { status: 200, bare: true, body: { organizerEmail: m.organizerEmail } };
	},

	/** Up to 100 emails; one result per email. */
	'meetings.validateIntegrationStatus'(req, sb) {
		guard(sb);
		const emails = req.body.emails || [];
		if (!emails.length) fail(400, 'emails: at least one email is required');
		if (emails.length > 100) fail(400, 'emails: at most 100 emails per request');
		const users = emails.map((email) => {
			const u = lib.userByEmail(sb, email);
			if (!u || u.isAvatar) return { email, exists: false, valid: false, userFacingError: 'The user does not exist in Gong.', fixUrl: null, helpUrl: 'https://help.gong.io/hc/en-us/articles/360056677792' };
			if (!u.active || !u.settings.webConferencesRecorded)
				return { email, exists: true, valid: false, userFacingError: 'Web conference recording is not enabled for this user. Contact your Gong Admin.', fixUrl: 'https://app.gong.io/company/recording-consent/consent-page', helpUrl: 'https://help.gong.io/hc/en-us/articles/360056677792' };
			return { email, exists: true, valid: true, userFacingError: null, fixUrl: null, helpUrl: null };
		});
		return { body: { users } };
	},
};
