'use strict';
/** Permission profiles (list/get/create/update, profile users) and per-call user access. */

const { fail, defaultProfile } = require('../data');
const lib = require('./_lib');

/** Deep copy without the sandbox-only workspaceId. */
const publicProfile = (p) => JSON.parse(JSON.stringify(lib.omit(p, 'workspaceId')));

function findProfile(sb, id) {
	const p = sb.state.permissionProfiles.find((x) => x.id === String(id));
	if (!p) fail(404, `Permission profile ${id} was not found`); // single resource by id → 404 (the spec lists no code)
	return p;
}

/** Shallow merge of a PermissionProfileDTO body; nested access objects are replaced as a whole. */
function applyProfileBody(profile, body) {
	for (const [k, v] of Object.entries(body)) {
		if (k === 'id' || v === null || v === undefined) continue;
		profile[k] = JSON.parse(JSON.stringify(v));
	}
}

/** Checks every callAccessList item refers to known calls and users. */
function checkAccessList(sb, list) {
	list.forEach((item, k) => {
		if (!sb.state.calls.some((c) => c.id === item.callId)) fail(400, `callAccessList[${k}].callId: no call with id ${item.callId}`);
		item.userIds.forEach((u, j) => {
			if (!lib.userById(sb, u)) fail(400, `callAccessList[${k}].userIds[${j}]: no user with id ${u}`);
		});
	});
}

module.exports = {
	'permissions.listProfiles'(req, sb) {
		const ws = req.query.workspaceId;
		if (!lib.workspaceById(sb, ws)) fail(400, `workspaceId: unknown workspace ${ws}`);
		return { body: { profiles: sb.state.permissionProfiles.filter((p) => p.workspaceId === ws).map(publicProfile) } };
	},

	'permissions.getProfile'(req, sb) {
		return { body: { profile: publicProfile(findProfile(sb, req.query.profileId)) } };
	},

	/** 422 when the profile is invalid: missing name or a name already used in the workspace. */
	'permissions.createProfile'(req, sb) {
		const ws = req.query.workspaceId;
		if (!lib.workspaceById(sb, ws)) fail(400, `workspaceId: unknown workspace ${ws}`);
		const b = req.body;
		if (!b.name || !String(b.name).trim()) fail(422, 'name: a permission profile needs a name');
		if (sb.state.permissionProfiles.some((p) => p.workspaceId === ws && p.name.toLowerCase() === b.name.toLowerCase())) fail(422, `name: a profile named '${b.name}' already exists in this workspace`);
		const profile = defaultProfile(sb.ids.next(19), ws, b.name, 'none');
		for (const k of Object.keys(profile)) if (typeof profile[k] === 'boolean') profile[k] = false;
		applyProfileBody(profile, b);
		sb.state.permissionProfiles.push(profile);
		return { body: { profile: publicProfile(profile) } };
	},

	'permissions.updateProfile'(req, sb) {
		const profile = findProfile(sb, req.query.profileId);
		if (req.body.id && req.body.id !== profile.id) fail(400, `id: does not match profileId ${profile.id}`);
		applyProfileBody(profile, req.body);
		return { body: { profile: publicProfile(profile) } };
	},

	'permissions.listProfileUsers'(req, sb) {
		const profile = findProfile(sb, req.query.profileId);
		const users = sb.state.users.filter((u) => u.permissionProfileId === profile.id);
		return { body: { users: users.map((u) => ({ id: u.id, fullName: lib.fullName(u), emailAddress: u.emailAddress })) } };
	},

	/** PUT /v2/calls/users-access — grants access (no effect if already granted). */
	'permissions.addCallsUsersAccess'(req, sb) {
		const list = req.body.callAccessList || [];
		checkAccessList(sb, list);
		for (const item of list) {
			const set = new Set(sb.state.callAccess[item.callId] || []);
			for (const u of item.userIds) set.add(u);
			sb.state.callAccess[item.callId] = [...set];
		}
		return { body: {} };
	},

	/** POST /v2/calls/users-access — read; only access granted through this API is listed. */
	'permissions.getCallsUsersAccess'(req, sb) {
		const callIds = req.body.filter.callIds;
		callIds.forEach((id, k) => {
			if (!sb.state.calls.some((c) => c.id === id)) fail(400, `filter.callIds[${k}]: no call with id ${id}`);
		});
		return { body: { callAccessList: callIds.map((callId) => ({ callId, users: (sb.state.callAccess[callId] || []).map((userId) => ({ userId })) })) } };
	},

	'permissions.removeCallsUsersAccess'(req, sb) {
		const list = req.body.callAccessList || [];
		checkAccessList(sb, list);
		for (const item of list) {
			const remove = new Set(item.userIds);
			sb.state.callAccess[item.callId] = (sb.state.callAccess[item.callId] || []).filter((u) => !remove.has(u));
		}
		return { body: {} };
	},
};
