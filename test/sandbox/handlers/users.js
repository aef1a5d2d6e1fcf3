'use strict';
/** Users: list, get, settings history, extensive list. */

const data = require('../data');
const lib = require('./_lib');

const { fail, toMs, DAY_MS } = data;

const SETTINGS = ['webConferencesRecorded', 'emailsImported', 'nonRecordedMeetingsImported', 'gongConnectEnabled', 'callsImported', 'active'];

module.exports = {
	/** GET /v2/users — Gong avatars only with includeAvatars=true. */
	'users.list'(req, sb) {
		const users = sb.state.users.filter((u) => req.query.includeAvatars === true || !u.isAvatar);
		const { page, records } = sb.paginate(req, users);
		return { body: { records, users: page.map((u) => lib.publicUser(sb, u)) } };
	},

	'users.get'(req, sb) {
		const u = lib.userById(sb, req.params.id);
		if (!u) fail(404, 'User not found');
		return { body: { user: lib.publicUser(sb, u) } };
	},

	/** Derived history: each setting turned on shortly after the user was created (plus stored extras). */
	'users.getSettingsHistory'(req, sb) {
		const u = lib.userById(sb, req.params.id);
		if (!u) fail(404, 'User not found');
		const r = lib.rngFor('history', u.id);
		const created = toMs(u.created);
		const history = SETTINGS.map((setting, k) => ({ setting, value: setting === 'active' ? u.active : true, time: sb.fmt(created + (k + 1) * r.int(1, 5) * DAY_MS) }));
		if (u.settings.telephonyCallsImported === false) history.push({ setting: 'callsImported', value: false, time: sb.fmt(created + 60 * DAY_MS) });
		for (const h of u.settingsHistory || []) history.push({ ...h, time: sb.fmt(h.time) });
		return { body: { userSettingsHistory: history } };
	},

	/** POST /v2/users/extensive — filter {createdFromDateTime, createdToDateTime, includeAvatars, userIds}. */
	'users.listExtensive'(req, sb) {
		const f = req.body.filter;
		const [from, to] = lib.timeRange(f.createdFromDateTime, f.createdToDateTime, 'filter.createdFromDateTime', 'filter.createdToDateTime');
		let users = sb.state.users.filter((u) => f.includeAvatars === true || !u.isAvatar);
		if (f.userIds) {
			// Gong refuses the whole request when it does not know some of the ids, naming them.
			const unknown = [...new Set(f.userIds.map(String))].filter((id) => !lib.userById(sb, id));
			if (unknown.length) fail(404, `The following userIds were not found: ${unknown.join(', ')}`);
			const set = new Set(f.userIds.map(String));
			users = users.filter((u) => set.has(u.id));
		}
		users = users.filter((u) => lib.inRange(toMs(u.created), from, to));
		if (!users.length) fail(404, 'No users found corresponding to the provided filters');
		const { page, records } = sb.paginate(req, users);
		return { body: { records, users: page.map((u) => lib.publicUser(sb, u)) } };
	},
};
