'use strict';
/**
 * Customer engagement (legacy content viewed/shared/custom action) and digital interactions.
 * Events are de-duplicated: the same eventId reported twice → 409. Engagement responses carry an
 * int64 integrationId (stable per reportingSystem).
 */

const { fail } = require('../data');

const ALREADY = 'Conflict - Event was already reported in the past.';

function integrationIdFor(sb, reportingSystem) {
	sb.state.engagementIntegrations = sb.state.engagementIntegrations || {};
	if (!sb.state.engagementIntegrations[reportingSystem]) sb.state.engagementIntegrations[reportingSystem] = BigInt(sb.ids.next(19));
	return sb.state.engagementIntegrations[reportingSystem];
}

const emailsOf = (...groups) => groups.flat().filter(Boolean).map((p) => p.email).filter(Boolean);

/** Stores one legacy engagement event; returns the reporting system's integrationId. */
function report(req, sb, eventType, emails, eventName) {
	const b = req.body;
	if (b.eventId && sb.state.engagementEvents.some((ev) => ev.eventType === eventType && ev.reportingSystem === b.reportingSystem && ev.eventId === b.eventId)) fail(409, ALREADY);
	const integrationId = integrationIdFor(sb, b.reportingSystem);
	sb.state.engagementEvents.push({ eventType, reportingSystem: b.reportingSystem, eventId: b.eventId || null, timestamp: b.eventTimestamp, contentId: b.contentId || null, contentUrl: b.contentUrl || null, eventName: eventName || null, emails, body: b });
	return { body: { integrationId } };
}

module.exports = {
	'engagement.contentViewed'(req, sb) {
		const b = req.body;
		return report(req, sb, 'contentViewed', emailsOf(b.viewer, b.nonCompanyParticipants), b.viewActionTitle || b.actionName);
	},

	'engagement.contentShared'(req, sb) {
		const b = req.body;
		return report(req, sb, 'contentShared', emailsOf(b.recipients, b.nonCompanyParticipants), b.actionName);
	},

	'engagement.customAction'(req, sb) {
		const b = req.body;
		return report(req, sb, 'customEvent', emailsOf(b.actor, b.nonCompanyParticipants), b.actionName);
	},

	/** person OR trackingId (person must be absent when trackingId is sent). */
	'digitalInteractions.add'(req, sb) {
		const b = req.body;
		if (b.trackingId && b.person) fail(400, 'person: must be null when trackingId is sent');
		if (!b.trackingId && !b.person) fail(400, 'person: either person or trackingId is required');
		const n = b.content.numericContentDetails;
		if (n && n.rangeFrom > n.rangeTo) fail(400, 'content.numericContentDetails.rangeFrom: must not be greater than rangeTo');
		if (sb.state.digitalInteractions.some((d) => d.eventId === b.eventId)) fail(409, ALREADY);
		sb.state.digitalInteractions.push({ ...b });
		sb.state.engagementEvents.push({ eventType: 'digitalInteraction', reportingSystem: b.sourceSystemName || null, eventId: b.eventId, timestamp: b.timestamp, contentId: b.content.contentId || null, contentUrl: b.content.contentUrl || null, eventName: b.eventType, emails: b.person && b.person.email ? [b.person.email] : [], body: b });
		return { body: {} };
	},
};
