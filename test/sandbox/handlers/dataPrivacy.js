'use strict';
/**
 * Data privacy: look up and erase everything known about an email address or phone number.
 * Erasure is applied at once (Gong's is asynchronous): matching call parties are anonymised,
 * meeting invitees and engagement events removed, and the erasure is recorded in state.erasures.
 */

const { fail } = require('../data');
const lib = require('./_lib');

const digits = (s) => String(s || '').replace(/\D/g, '');

function checkPhone(phone) {
	if (!/^\+\d[\d\s().-]{5,}$/.test(phone)) fail(400, 'phoneNumber: must start with + and the country code');
}

function callRef(c) {
	return { id: c.id, status: 'COMPLETED', externalSystems: [] };
}

function customerData(sb, match) {
	const objects = [];
	for (const a of sb.state.accounts) {
		for (const c of a.contacts) {
			if (!match(c)) continue;
			objects.push({
				id: c.crmId,
				objectType: c.type === 'LEAD' ? 'Lead' : 'Contact',
				externalId: c.crmId,
				mirrorId: JSON.stringify({ crmObjectType: c.type, crmId: c.crmId }),
				fields: [{ name: 'Email', value: c.email }, { name: 'Phone', value: c.phoneNumber }, { name: 'Name', value: c.name }],
			});
		}
	}
	return objects.length ? [{ system: 'Salesforce', objects }] : [];
}

function byEmail(sb, email) {
	const e = email.toLowerCase();
	const isMatch = (x) => (x || '').toLowerCase() === e;
	return {
		calls: sb.state.calls.filter((c) => c.parties.some((p) => isMatch(p.emailAddress))),
		meetings: sb.state.meetings.filter((m) => !m.deleted && (isMatch(m.organizerEmail) || m.invitees.some((i) => isMatch(i.email)))),
		customerData: customerData(sb, (c) => isMatch(c.email) && !c.erased),
		customerEngagement: sb.state.engagementEvents.filter((ev) => ev.emails.some(isMatch)),
	};
}

function byPhone(sb, phone) {
	const d = digits(phone);
	const isMatch = (x) => x && digits(x) === d;
	return {
		calls: sb.state.calls.filter((c) => c.parties.some((p) => isMatch(p.phoneNumber))),
		contacts: sb.state.accounts.flatMap((a) => a.contacts).filter((c) => isMatch(c.phoneNumber) && !c.erased),
		isMatch,
	};
}

module.exports = {
	'dataPrivacy.getDataForEmail'(req, sb) {
		const email = req.query.emailAddress;
		if (!lib.isEmail(email)) fail(400, 'emailAddress: must be an email address');
		const r = byEmail(sb, email);
		return {
			body: {
				emails: [],
				calls: r.calls.map(callRef),
				meetings: r.meetings.map((m) => ({ id: m.meetingId })),
				customerData: r.customerData,
				customerEngagement: r.customerEngagement.map((ev) => ({ eventType: ev.eventType, timestamp: sb.fmt(ev.timestamp), contentId: ev.contentId || null, contentUrl: ev.contentUrl || null, reportingSystem: ev.reportingSystem || null, eventName: ev.eventName || null, sourceEventId: ev.eventId || null })),
			},
		};
	},

	'dataPrivacy.getDataForPhone'(req, sb) {
		const phone = req.query.phoneNumber;
		checkPhone(phone);
		const r = byPhone(sb, phone);
		const matching = [...new Set([...r.calls.flatMap((c) => c.parties.map((p) => p.phoneNumber).filter(r.isMatch)), ...r.contacts.map((c) => c.phoneNumber)])];
		return {
			body: {
				emails: [],
				calls: r.calls.map(callRef),
				meetings: [],
				customerData: customerData(sb, (c) => r.isMatch(c.phoneNumber) && !c.erased),
				suppliedPhoneNumber: phone,
				matchingPhoneNumbers: matching,
				emailAddresses: [...new Set(r.contacts.map((c) => c.email))],
			},
		};
	},

	/** POST with the address in the query (no body). */
	'dataPrivacy.eraseDataForEmail'(req, sb) {
		const email = req.query.emailAddress;
		if (!lib.isEmail(email)) fail(400, 'emailAddress: must be an email address');
		const e = email.toLowerCase();
		for (const c of sb.state.calls) for (const p of c.parties) if ((p.emailAddress || '').toLowerCase() === e) Object.assign(p, { emailAddress: null, name: 'Erased participant', title: null, phoneNumber: null });
		for (const m of sb.state.meetings) m.invitees = m.invitees.filter((i) => (i.email || '').toLowerCase() !== e);
		for (const a of sb.state.accounts) for (const c of a.contacts) if (c.email.toLowerCase() === e) c.erased = true;
		sb.state.engagementEvents = sb.state.engagementEvents.filter((ev) => !ev.emails.some((x) => (x || '').toLowerCase() === e));
		sb.state.erasures.push({ type: 'email', value: email, time: new Date().toISOString() });
		return { body: {} };
	},

	'dataPrivacy.eraseDataForPhone'(req, sb) {
		const phone = req.query.phoneNumber;
		checkPhone(phone);
		const d = digits(phone);
		for (const c of sb.state.calls) for (const p of c.parties) if (p.phoneNumber && digits(p.phoneNumber) === d) Object.assign(p, { phoneNumber: null, name: 'Erased participant', emailAddress: null });
		for (const a of sb.state.accounts) for (const c of a.contacts) if (digits(c.phoneNumber) === d) c.erased = true;
		sb.state.erasures.push({ type: 'phone', value: phone, time: new Date().toISOString() });
		return { body: {} };
	},
};
