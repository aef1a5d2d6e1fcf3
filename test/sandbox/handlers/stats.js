'use strict';
/**
 * Stats (all cursor-body, paged by user). Activity is derived from the calls in the range:
 * callsAsHost / callsAttended come from the call data, the other lists are deterministic
 * subsets (seeded by user + day). Dates are YYYY-MM-DD in the company offset; toDate is
 * exclusive and may not be later than today.
 */

const data = require('../data');
const lib = require('./_lib');

const { fail, toMs, dateOf, dateMs, DAY_MS, compareIds } = data;

const METRICS = ['callsAsHost', 'callsGaveFeedback', 'callsRequestedFeedback', 'callsReceivedFeedback', 'ownCallsListenedTo', 'othersCallsListenedTo', 'callsSharedInternally', 'callsSharedExternally', 'callsAttended', 'callsCommentsGiven', 'callsCommentsReceived', 'callsMarkedAsFeedbackGiven', 'callsMarkedAsFeedbackReceived', 'callsScorecardsFilled', 'callsScorecardsReceived'];
const AGG_ORDER = ['callsAsHost', 'callsGaveFeedback', 'callsRequestedFeedback', 'callsReceivedFeedback', 'ownCallsListenedTo', 'othersCallsListenedTo', 'callsSharedInternally', 'callsSharedExternally', 'callsScorecardsFilled', 'callsScorecardsReceived', 'callsAttended', 'callsCommentsGiven', 'callsCommentsReceived', 'callsMarkedAsFeedbackGiven', 'callsMarkedAsFeedbackReceived'];

const offsetOf = (sb) => sb.options.timeZoneOffsetMinutes || 0;
function timeZoneLabel(sb) {
	const off = offsetOf(sb);
	if (!off) return sb.state.company.timeZone || 'UTC';
	const abs = Math.abs(off);
	return `UTC${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Validates filter.fromDate/toDate; returns the window in epoch ms. */
function window(sb, f) {
	lib.checkDatePair(sb, f.fromDate, f.toDate, 'filter.fromDate', 'filter.toDate', true);
	return { from: dateMs(f.fromDate, offsetOf(sb)), to: dateMs(f.toDate, offsetOf(sb)) };
}

/** Users in scope: filter.userIds (unknown → 404 "User not found") and created range. */
function scopedUsers(sb, f) {
	const [cFrom, cTo] = lib.timeRange(f.createdFromDateTime, f.createdToDateTime, 'filter.createdFromDateTime', 'filter.createdToDateTime');
	let users = sb.state.users.filter((u) => !u.isAvatar);
	let explicit = false;
	if (f.userIds && f.userIds.length) {
		explicit = true;
		users = f.userIds.map((id) => {
			const u = lib.userById(sb, id);
			if (!u) fail(404, 'User not found');
			return u;
		});
	}
	users = users.filter((u) => lib.inRange(toMs(u.created), cFrom, cTo));
	return { users, explicit };
}

/** Visible calls in [from, to) grouped by company-offset day start. */
function callsByDay(sb, from, to) {
	const off = offsetOf(sb);
	const map = new Map();
	for (const c of lib.visibleCalls(sb)) {
		const t = toMs(c.started);
		if (t < from || t >= to) continue;
		const day = dateMs(dateOf(t, off), off);
		if (!map.has(day)) map.set(day, []);
		map.get(day).push(c);
	}
	return map;
}

/** One user's activity lists for one day. */
function dayActivity(user, day, calls) {
	const r = lib.rngFor('activity', user.id, day);
	const sub = (list, p) => list.filter(() => r.chance(p));
	const hosted = calls.filter((c) => c.primaryUserId === user.id).map((c) => c.id);
	const attended = calls.filter((c) => c.primaryUserId !== user.id && c.parties.some((p) => p.userId === user.id)).map((c) => c.id);
	const others = calls.filter((c) => c.primaryUserId !== user.id).map((c) => c.id);
	return {
		callsAsHost: hosted,
		callsGaveFeedback: sub(others, 0.05),
		callsRequestedFeedback: sub(hosted, 0.1),
		callsReceivedFeedback: sub(hosted, 0.1),
		ownCallsListenedTo: sub(hosted, 0.3),
		othersCallsListenedTo: sub(others, 0.06),
		callsSharedInternally: sub(hosted, 0.1),
		callsSharedExternally: sub(hosted, 0.05),
		callsAttended: attended,
		callsCommentsGiven: sub(others, 0.03),
		callsCommentsReceived: sub(hosted, 0.1),
		callsMarkedAsFeedbackGiven: sub(others, 0.02),
		callsMarkedAsFeedbackReceived: sub(hosted, 0.05),
		callsScorecardsFilled: sub(others, 0.02),
		callsScorecardsReceived: sub(hosted, 0.05),
	};
}
const hasActivity = (a) => METRICS.some((m) => a[m].length);

/** [{user, days:[{day, activity}]}] for users in scope (only users with activity unless userIds given). */
function activityByUser(sb, f, from, to) {
	const { users, explicit } = scopedUsers(sb, f);
	const byDay = [...callsByDay(sb, from, to).entries()].sort((a, b) => a[0] - b[0]);
	const out = [];
	for (const u of users) {
		const days = byDay.map(([day, calls]) => ({ day, activity: dayActivity(u, day, calls) })).filter((d) => hasActivity(d.activity));
		if (days.length || explicit) out.push({ user: u, days });
	}
	return out;
}

function counts(days) {
	const c = {};
	for (const m of AGG_ORDER) c[m] = days.reduce((n, d) => n + d.activity[m].length, 0);
	return c;
}

/** Period boundaries (company offset) covering [from, to). */
function periods(sb, from, to, kind) {
	const off = offsetOf(sb);
	const out = [];
	let start = from;
	while (start < to) {
		const d = new Date(start + off * 60000); // wall clock in company offset, read via UTC getters
		let next;
		if (kind === 'DAY') next = start + DAY_MS;
		else if (kind === 'WEEK') next = start + (7 - ((d.getUTCDay() + 6) % 7)) * DAY_MS; // weeks start Monday
		else {
			const months = kind === 'MONTH' ? 1 : kind === 'QUARTER' ? 3 : 12;
			const y = d.getUTCFullYear();
			const m = kind === 'MONTH' ? d.getUTCMonth() : kind === 'QUARTER' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : 0;
			next = Date.UTC(y, m + months, 1) - off * 60000;
		}
		out.push({ from: start, to: Math.min(next, to) });
		start = next;
		if (out.length > 2000) fail(400, 'filter: the date range has too many periods for this aggregationPeriod');
	}
	return out;
}

const ymd = (sb, ms) => dateOf(ms, offsetOf(sb));

/** One page of per-user activity in the period, users in id order (the three activity endpoints). */
function pagedActivity(req, sb, filter, from, to) {
	const rows = activityByUser(sb, filter, from, to).sort((a, b) => compareIds(a.user.id, b.user.id));
	return sb.paginate(req, rows);
}

module.exports = {
	'stats.listInteraction'(req, sb) {
		const f = req.body.filter;
		const { from, to } = window(sb, f);
		const { users, explicit } = scopedUsers(sb, f);
		const calls = lib.visibleCalls(sb).filter((c) => lib.inRange(toMs(c.started), from, to));
		const rows = users.filter((u) => explicit || calls.some((c) => c.primaryUserId === u.id));
		if (!rows.length) fail(404, 'No stats found for the specified period');
		const { page, records } = sb.paginate(req, rows);
		return {
			body: {
				records,
				peopleInteractionStats: page.map((u) => {
					const r = lib.rngFor('interaction-stats', u.id, f.fromDate, f.toDate);
					return {
						userId: u.id,
						userEmailAddress: u.emailAddress,
						personInteractionStats: [
							{ name: 'Longest Monologue', value: r.int(30, 400) },
							{ name: 'Longest Customer Story', value: r.int(10, 200) },
							{ name: 'Interactivity', value: Math.round(r.next() * 100) / 10 },
							{ name: 'Patience', value: Math.round(r.next() * 30) / 10 },
							{ name: 'Question Rate', value: Math.round(r.next() * 60) / 10 },
							{ name: 'Talk Ratio', value: Math.round(r.next() * 100) / 100 },
						],
					};
				}),
				fromDateTime: sb.fmt(from),
				toDateTime: sb.fmt(to),
				timeZone: timeZoneLabel(sb),
			},
		};
	},

	'stats.listAnsweredScorecards'(req, sb) {
		const f = req.body.filter;
		lib.checkDatePair(sb, f.callFromDate, f.callToDate, 'filter.callFromDate', 'filter.callToDate', false);
		lib.checkDatePair(sb, f.reviewFromDate, f.reviewToDate, 'filter.reviewFromDate', 'filter.reviewToDate', false);
		const off = offsetOf(sb);
		const d = (s) => (s ? dateMs(s, off) : null);
		const method = f.reviewMethod || 'MANUAL';
		const reviewed = f.reviewedUserIds && f.reviewedUserIds.length ? new Set(f.reviewedUserIds.map(String)) : null;
		const cards = f.scorecardIds && f.scorecardIds.length ? new Set(f.scorecardIds.map(String)) : null;
		const list = sb.state.answeredScorecards.filter(
			(a) =>
				(method === 'BOTH' || a.reviewMethod === method) &&
				lib.inRange(toMs(a.callStartTime), d(f.callFromDate), d(f.callToDate)) &&
				lib.inRange(toMs(a.reviewTime), d(f.reviewFromDate), d(f.reviewToDate)) &&
				(!reviewed || reviewed.has(String(a.reviewedUserId))) &&
				(!cards || cards.has(String(a.scorecardId))),
		);
		if (!list.length) fail(404, 'Answered scorecards not found');
		const { page, records } = sb.paginate(req, list);
		return { body: { records, answeredScorecards: page.map((a) => ({ ...a, callStartTime: sb.fmt(a.callStartTime), reviewTime: sb.fmt(a.reviewTime) })) } };
	},

	'stats.listActivityDayByDay'(req, sb) {
		const f = req.body.filter;
		const { from, to } = window(sb, f);
		const { page, records } = pagedActivity(req, sb, f, from, to);
		return {
			body: {
				records,
				usersDetailedActivities: page.map(({ user, days }) => ({
					userId: user.id,
					userEmailAddress: user.emailAddress,
					userDailyActivityStats: days.map(({ day, activity }) => ({ ...activity, fromDate: ymd(sb, day), toDate: ymd(sb, day + DAY_MS) })),
				})),
			},
		};
	},

	'stats.listActivityAggregate'(req, sb) {
		const f = req.body.filter;
		const { from, to } = window(sb, f);
		const { page, records } = pagedActivity(req, sb, f, from, to);
		return {
			body: {
				records,
				usersAggregateActivityStats: page.map(({ user, days }) => ({ userId: user.id, userEmailAddress: user.emailAddress, userAggregateActivityStats: counts(days) })),
				fromDateTime: sb.fmt(from),
				toDateTime: sb.fmt(to),
				timeZone: timeZoneLabel(sb),
			},
		};
	},

	'stats.listActivityAggregateByPeriod'(req, sb) {
		const f = req.body.filter;
		const { from, to } = window(sb, f);
		const spans = periods(sb, from, to, req.body.aggregationPeriod);
		const { page, records } = pagedActivity(req, sb, f, from, to);
		return {
			body: {
				records,
				usersAggregateActivity: page.map(({ user, days }) => ({
					userId: user.id,
					userEmailAddress: user.emailAddress,
					userAggregateActivity: spans.map((p) => ({ ...counts(days.filter((d) => d.day >= p.from && d.day < p.to)), fromDate: ymd(sb, p.from), toDate: ymd(sb, p.to) })),
				})),
			},
		};
	},
};
