'use strict';
/** Settings: workspaces, keyword trackers, scorecards, AI briefs, call outcomes. */

const { fail } = require('../data');
const lib = require('./_lib');

/** workspaceId query: optional, but an unknown one → 404 "Workspace not found". */
function byWorkspace(req, sb, list) {
	const ws = req.query.workspaceId;
	if (!ws) return list;
	if (!lib.workspaceById(sb, ws)) fail(404, 'Workspace not found');
	return list.filter((x) => x.workspaceId === ws);
}

module.exports = {
	'settings.listWorkspaces'(req, sb) {
		return { body: { workspaces: sb.state.workspaces.map((w) => ({ id: w.id, name: w.name, description: w.description })) } };
	},

	'settings.listTrackers'(req, sb) {
		const trackers = byWorkspace(req, sb, sb.state.trackers);
		return { body: { keywordTrackers: trackers.map((t) => ({ ...t, created: sb.fmt(t.created), updated: sb.fmt(t.updated) })) } };
	},

	/** Scorecard ids, workspaceId and user ids are int64 in the spec → exact JSON numbers. */
	'settings.listScorecards'(req, sb) {
		if (!sb.state.scorecards.length) fail(404, 'Scorecards not found');
		return { body: { scorecards: sb.state.scorecards.map((s) => ({ ...s, created: sb.fmt(s.created), updated: sb.fmt(s.updated) })) } };
	},

	'settings.listBriefs'(req, sb) {
		const briefs = byWorkspace(req, sb, sb.state.briefs);
		return { body: { briefs: briefs.map((b) => ({ ...b, created: sb.fmt(b.created), updated: sb.fmt(b.updated) })) } };
	},

	'outcomes.list'(req, sb) {
		return { body: { outcomes: sb.state.callOutcomes.map((o) => ({ ...o })) } };
	},
};
