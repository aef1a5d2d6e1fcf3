'use strict';
/** Integration settings, AI entities (brief / ask), audit logs, coaching, targets. */

const { fail, toMs, DAY_MS } = require('../data');
const lib = require('./_lib');

// ---------------------------------------------------------------------------
// Entities (AI; consume credits → options.entitiesPaymentRequired gives 402)
// ---------------------------------------------------------------------------

/** Finds the CRM entity (account, deal, contact or lead) and the calls about it. */
function crmEntity(sb, type, id) {
	for (const a of sb.state.accounts) {
		const hit =
			(type === 'ACCOUNT' && a.accountCrmId === id) ||
			(type === 'DEAL' && a.opportunityCrmId === id) ||
			((type === 'CONTACT' || type === 'LEAD') && a.contacts.some((c) => c.crmId === id && c.type === type));
		if (hit) return { account: a, calls: lib.sortCalls(lib.visibleCalls(sb).filter((c) => c.accountName === a.name)) };
	}
	return null;
}

/** [fromMs, toMs) for a timePeriod value (relative to now, or to the last activity). */
function periodRange(q, calls) {
	const now = Date.now();
	const d = new Date(now);
	const last = calls.length ? toMs(calls[calls.length - 1].started) + 1 : now;
	switch (q.timePeriod) {
		case 'LAST_7DAYS':
			return [now - 7 * DAY_MS, now];
		case 'LAST_30DAYS':
			return [now - 30 * DAY_MS, now];
		case 'LAST_90DAYS':
			return [now - 90 * DAY_MS, now];
		case 'LAST_90_DAYS_SINCE_LAST_ACTIVITY':
			return [last - 90 * DAY_MS, last];
		case 'LAST_YEAR_SINCE_LAST_ACTIVITY':
			return [last - 365 * DAY_MS, last];
		case 'LAST_YEAR':
			return [now - 365 * DAY_MS, now];
		case 'THIS_WEEK':
			return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)), now];
		case 'THIS_MONTH':
			return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), now];
		case 'THIS_QUARTER':
			return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1), now];
		case 'THIS_YEAR':
			return [Date.UTC(d.getUTCFullYear(), 0, 1), now];
		case 'CUSTOM_RANGE':
			return [toMs(q.fromDateTime), q.toDateTime ? toMs(q.toDateTime) : now];
		default:
			return [null, null]; // ALL_CONVERSATIONS
	}
}

/** Shared checks for get-brief / ask-entity; returns { account, calls (in period, max 60) }. */
function entityContext(req, sb) {
	if (sb.options.entitiesPaymentRequired) fail(402, 'Payment Required');
	const q = req.query;
	if (!lib.workspaceById(sb, q.workspaceId)) fail(404, `Workspace ${q.workspaceId} not found`);
	if (q.timePeriod === 'CUSTOM_RANGE' && !q.fromDateTime) fail(400, 'fromDateTime: is required when timePeriod is CUSTOM_RANGE');
	if (q.timePeriod === 'CUSTOM_RANGE') lib.timeRange(q.fromDateTime, q.toDateTime, 'fromDateTime', 'toDateTime');
	const entity = crmEntity(sb, q.crmEntityType, q.crmEntityId);
	if (!entity) fail(404, `No ${q.crmEntityType} found with CRM id ${q.crmEntityId}`);
	const [from, to] = periodRange(q, entity.calls);
	const calls = entity.calls.filter((c) => c.workspaceId === q.workspaceId && lib.inRange(toMs(c.started), from, to)).slice(-60);
	return { ...entity, calls };
}

const callFinding = (sb, c) => ({ call: { id: c.id, title: c.title, started: sb.fmt(c.started), url: c.url } });

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

/** Parses the assignments CSV: header + rows with the same number of columns. */
function parseCsv(text) {
	const lines = text.split(/\r?\n/).filter((l) => l.trim());
	if (lines.length < 2) return { errors: [{ line: 1, description: 'the file needs a header row and at least one data row' }], rows: [] };
	const split = (l) => l.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
	const header = split(lines[0]);
	const errors = [];
	const rows = [];
	lines.slice(1).forEach((l, k) => {
		const cells = split(l);
		if (cells.length !== header.length) errors.push({ line: k + 2, description: `expected ${header.length} columns, found ${cells.length}` });
		else rows.push(Object.fromEntries(header.map((h, j) => [h, cells[j]])));
	});
	return { header, rows, errors };
}

module.exports = {
	/** Dynamic iframe origins; integrationId is a stable int64 for the company. */
	'integrationSettings.set'(req, sb) {
		const list = req.body.integrationTypeSettings;
		if (!list.length) fail(400, 'integrationTypeSettings: at least one setting is required');
		list.forEach((s, k) => {
			if (!/^https?:\/\/[^/\s?#]+$/.test(s.allowedOrigin)) fail(400, `integrationTypeSettings[${k}].allowedOrigin: must be an origin such as https://acme.partner.com`);
		});
		if (!sb.state.integrationSettings) sb.state.integrationSettings = { integrationId: BigInt(sb.ids.next(19)), settings: [] };
		sb.state.integrationSettings.settings = list.map((s) => ({ ...s }));
		return { body: { integrationId: sb.state.integrationSettings.integrationId } };
	},

	'entities.generateBrief'(req, sb) {
		const q = req.query;
		const brief = sb.state.briefs.find((b) => b.workspaceId === q.workspaceId && b.briefName.toLowerCase() === q.briefName.toLowerCase());
		const ctx = entityContext(req, sb);
		if (!brief) fail(404, `Brief '${q.briefName}' not found in workspace ${q.workspaceId}`);
		const summary = ctx.calls.length
			? [`${ctx.account.name} is evaluating the product; ${ctx.calls.length} conversation(s) in the period.`, 'Security review and SSO are open requirements.']
			: ['No conversations found for the selected time period.'];
		return {
			body: {
				numOfCallsSearched: ctx.calls.length,
				numOfEmailsSearched: 0,
				briefSections: [
					{ title: 'Customer overview', sectionSummary: summary, conversationFindings: { callFindings: ctx.calls.slice(-5).map((c) => callFinding(sb, c)), emailFindings: [] }, briefSectionType: 'Conversations', webFindings: [], mcpResult: null },
					{ title: 'CRM data', sectionSummary: [`Opportunity: ${ctx.account.opportunityName}`], conversationFindings: null, briefSectionType: 'CrmOrGongData', webFindings: [], mcpResult: null },
				],
			},
		};
	},

	'entities.ask'(req, sb) {
		const q = req.query;
		if (!q.question.trim()) fail(400, 'question: must not be empty');
		const ctx = entityContext(req, sb);
		const items = ctx.calls.length ? [`Based on ${ctx.calls.length} call(s) with ${ctx.account.name}: the customer needs SSO and an audit log before signing.`] : ['There is not enough information to answer this question.'];
		return { body: { numOfCallsSearched: ctx.calls.length, numOfEmailsSearched: 0, answer: [{ answerItems: items, emailFindings: [], callFindings: ctx.calls.slice(-3).map((c) => callFinding(sb, c)) }] } };
	},

	/** GET /v2/logs — cursor-query; 404 when the period has no entries of that type. */
	'auditing.listLogs'(req, sb) {
		const q = req.query;
		const [from, to] = lib.timeRange(q.fromDateTime, q.toDateTime, 'fromDateTime', 'toDateTime');
		const list = sb.state.logs.filter((l) => l.logType === q.logType && lib.inRange(toMs(l.eventTime), from, to));
		if (!list.length) fail(404, 'No logs found for the specified period');
		const { page, records } = sb.paginate(req, list);
		return {
			body: {
				records,
				logEntries: page.map((l) => ({ ...lib.omit(l, 'logType'), eventTime: sb.fmt(l.eventTime) })),
			},
		};
	},

	/** GET /v2/coaching?workspace-id&manager-id&from&to — metrics are lists of call ids per report. */
	'coaching.listMetrics'(req, sb) {
		const q = req.query;
		if (!lib.workspaceById(sb, q['workspace-id'])) fail(400, `workspace-id: unknown workspace ${q['workspace-id']}`);
		const manager = lib.userById(sb, q['manager-id']);
		if (!manager) fail(400, `manager-id: no Gong user with id ${q['manager-id']}`);
		const [from, to] = lib.timeRange(q.from, q.to, 'from', 'to');
		const person = (u) => ({ id: u.id, emailAddress: u.emailAddress, firstName: u.firstName, lastName: u.lastName, title: u.title });
		const reports = sb.state.users.filter((u) => u.managerId === manager.id && u.workspaceIds.includes(q['workspace-id']));
		const calls = lib.visibleCalls(sb).filter((c) => lib.inRange(toMs(c.started), from, to));
		return {
			body: {
				coachingData: [
					{
						manager: person(manager),
						directReportsMetrics: reports.map((u) => {
							const own = calls.filter((c) => c.primaryUserId === u.id);
							const r = lib.rngFor('coaching', manager.id, u.id);
							const pick = (p) => own.filter(() => r.chance(p)).map((c) => c.id);
							return {
								report: person(u),
								metrics: {
									callsListened: pick(0.3),
									callsAttended: own.filter((c) => c.parties.some((p) => p.userId === manager.id)).map((c) => c.id),
									callsWithFeedback: pick(0.1),
									callsWithComments: pick(0.15),
									scorecardsFilled: pick(0.1),
								},
							};
						}),
					},
				],
			},
		};
	},

	'targets.list'(req, sb) {
		const ws = req.query.workspaceId;
		if (!lib.workspaceById(sb, ws)) fail(400, `workspaceId: unknown workspace ${ws}`);
		return {
			body: {
				targets: sb.state.targets.filter((t) => t.workspaceId === ws).map((t) => ({ id: t.id, name: t.name, description: t.description, type: t.type, unit: t.unit, hierarchyType: t.hierarchyType, createdDateTime: sb.fmt(t.createdDateTime) })),
			},
		};
	},

	/**
	 * POST /v2/targets/{targetId}/assignments — multipart part "file" (CSV). The response shape is not
	 * documented; the sandbox answers 200 {requestId, targetId, validateOnly, totalRows, validRows,
	 * errors[{line, description}]}. With validateOnly=false an invalid file is rejected with 400.
	 */
	'targets.uploadAssignments'(req, sb) {
		const ws = req.query.workspaceId;
		if (!lib.workspaceById(sb, ws)) fail(400, `workspaceId: unknown workspace ${ws}`);
		const target = sb.state.targets.find((t) => t.id === req.params.targetId && t.workspaceId === ws);
		if (!target) fail(400, `targetId: no target ${req.params.targetId} in workspace ${ws}`);
		const part = req.multipart.find((p) => p.name === 'file');
		const csv = parseCsv(part.data.toString('utf8'));
		const validateOnly = req.query.validateOnly === true;
		if (!validateOnly && csv.errors.length) fail(400, csv.errors.map((e) => `file: line ${e.line}: ${e.description}`));
		if (!validateOnly) target.assignments = csv.rows;
		return { body: { targetId: target.id, validateOnly, totalRows: csv.rows.length + csv.errors.length, validRows: csv.rows.length, errors: csv.errors } };
	},
};
