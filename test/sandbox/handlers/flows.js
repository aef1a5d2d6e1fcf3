'use strict';
/** Engage flows: lists, folders, steps, prospects, assignment (single, bulk), unassignment. */

const { fail, toMs, sfId } = require('../data');
const lib = require('./_lib');

const OPEN = new Set(['Pending', 'Running', 'Paused']);

function ownerOrFail(sb, email, field) {
	const u = lib.userByEmail(sb, email);
	if (!u || u.isAvatar) fail(400, `${field}: no Gong user with email ${email}`);
	return u;
}

const flowSummary = (f) => ({ id: f.id, name: f.name, folderId: f.folderId, folderName: f.folderName, visibility: f.visibility, creationDate: f.creationDate, exclusive: f.exclusive });

function instanceView(sb, i) {
	const flow = sb.state.flows.find((f) => f.id === i.flowId);
	return {
		flowId: i.flowId,
		flowName: flow ? flow.name : null,
		crmProspectId: i.crmProspectId,
		flowInstanceId: i.flowInstanceId,
		flowInstanceOwnerEmail: i.ownerEmail,
		flowInstanceOwnerFullName: i.ownerFullName,
		flowInstanceCreateDate: sb.fmt(i.createDate),
		flowInstanceStatus: i.status,
		workspaceId: i.workspaceId,
		exclusive: flow ? flow.exclusive : false,
	};
}

function newInstance(sb, flow, crmProspectId, owner, description) {
	const inst = {
		flowInstanceId: sb.ids.next(17),
		flowId: flow.id,
		crmProspectId,
		ownerEmail: owner.emailAddress,
		ownerFullName: lib.fullName(owner),
		createDate: new Date().toISOString(),
		status: 'Pending',
		workspaceId: flow.workspaceId,
		description: description || null,
	};
	sb.state.flowInstances.push(inst);
	return inst;
}

/** Shared by /assign and the deprecated /assign/cool-off-override. */
function assign(req, sb) {
	const b = req.body;
	if (!b.crmProspectsIds.length) fail(400, 'crmProspectsIds: at least one id is required');
	if (b.crmProspectsIds.length > 100) fail(400, 'crmProspectsIds: at most 100 prospects per request');
	const flow = sb.state.flows.find((f) => f.id === b.flowId);
	if (!flow) fail(404, 'Flow not found');
	const owner = ownerOrFail(sb, b.flowInstanceOwnerEmail, 'flowInstanceOwnerEmail');
	((b.overrides && b.overrides.steps) || []).forEach((s, k) => {
		if (s.number < 1 || s.number > flow.steps.length) fail(400, `overrides.steps[${k}].number: the flow has steps 1..${flow.steps.length}`);
	});
	const prospectsAssigned = [];
	const prospectsNotAssigned = [];
	for (const crmId of b.crmProspectsIds) {
		if (!crmId.trim()) {
			prospectsNotAssigned.push({ flowId: flow.id, crmProspectId: crmId, errorCode: 'InvalidArgument', errorMessage: 'Empty CRM id' });
			continue;
		}
		const open = sb.state.flowInstances.find((i) => i.crmProspectId === crmId && i.flowId === flow.id && OPEN.has(i.status));
		if (open) {
			prospectsNotAssigned.push({ flowId: flow.id, crmProspectId: crmId, errorCode: 'InvalidState', errorMessage: 'The prospect is already assigned to this flow' });
			continue;
		}
		prospectsAssigned.push(instanceView(sb, newInstance(sb, flow, crmId, owner, b.flowInstanceDescription)));
	}
	return { body: { prospectsAssigned, prospectsNotAssigned } };
}

module.exports = {
	/** Company flows + the owner's personal flows + flows shared with the owner. */
	'flows.list'(req, sb) {
		const q = req.query;
		const owner = ownerOrFail(sb, q.flowOwnerEmail, 'flowOwnerEmail');
		const email = owner.emailAddress.toLowerCase();
		let flows = sb.state.flows.filter((f) => f.visibility === 'Company' || f.ownerEmail.toLowerCase() === email || f.sharedWith.some((e) => e.toLowerCase() === email));
		if (q.workspaceId) flows = flows.filter((f) => f.workspaceId === q.workspaceId);
		if (q.folderId) flows = flows.filter((f) => f.folderId === q.folderId);
		if (q.mostRecentlyAssigned === true) {
			const last = new Map();
			for (const i of sb.state.flowInstances) if (i.ownerEmail.toLowerCase() === email) last.set(i.flowId, Math.max(last.get(i.flowId) || 0, toMs(i.createDate)));
			flows = flows.filter((f) => last.has(f.id)).sort((a, b) => last.get(b.id) - last.get(a.id)).slice(0, 20);
		}
		const { page, records } = sb.paginate(req, flows);
		return { body: { records, flows: page.map((f) => ({ ...flowSummary(f), creationDate: sb.fmt(f.creationDate) })) } };
	},

	/** Folder items use the spec's (reused) flows schema: folderId/folderName are the parent folder. */
	'flows.listFolders'(req, sb) {
		const q = req.query;
		const owner = ownerOrFail(sb, q.flowFolderOwnerEmail, 'flowFolderOwnerEmail');
		const email = owner.emailAddress.toLowerCase();
		let folders = sb.state.flowFolders.filter((f) => f.visibility === 'Company' || (f.ownerEmail || '').toLowerCase() === email);
		if (q.parentId) folders = folders.filter((f) => f.id === q.parentId || f.parentId === q.parentId);
		if (q.workspaceId) folders = folders.filter((f) => f.workspaceId === q.workspaceId);
		const { page, records } = sb.paginate(req, folders);
		return {
			body: {
				records,
				flows: page.map((f) => {
					const parent = sb.state.flowFolders.find((p) => p.id === f.parentId);
					return { id: f.id, name: f.name, folderId: parent ? parent.id : null, folderName: parent ? parent.name : null, visibility: f.visibility, creationDate: sb.fmt(f.creationDate), exclusive: false };
				}),
			},
		};
	},

	/** At most 20 flowIds; any unknown id → 404. */
	'flows.getSteps'(req, sb) {
		const ids = req.body.flowIds || [];
		if (!ids.length) fail(400, 'flowIds: at least one flow id is required');
		if (ids.length > 20) fail(400, 'flowIds: at most 20 flow ids per request');
		const flows = ids.map((id) => sb.state.flows.find((f) => f.id === id));
		if (flows.some((f) => !f)) fail(404, 'One or more flows not found');
		return {
			body: {
				flows: flows.map((f) => ({ id: f.id, name: f.name, folderId: f.folderId, visibility: f.visibility, creationDate: sb.fmt(f.creationDate), exclusive: f.exclusive, description: f.description, steps: f.steps.map((s) => ({ ...s })) })),
			},
		};
	},

	/** By crmProspectsIds: open flows only; by flowInstanceIds: all, finished included. */
	'flows.listProspectsAssignedFlows'(req, sb) {
		const { crmProspectsIds, flowInstanceIds } = req.body;
		if (!(crmProspectsIds && crmProspectsIds.length) && !(flowInstanceIds && flowInstanceIds.length)) fail(400, 'crmProspectsIds: either crmProspectsIds or flowInstanceIds is required');
		const byCrm = new Set(crmProspectsIds || []);
		const byInstance = new Set(flowInstanceIds || []);
		const list = sb.state.flowInstances.filter((i) => (byCrm.has(i.crmProspectId) && OPEN.has(i.status)) || byInstance.has(i.flowInstanceId));
		return { body: { prospectsAssigned: list.map((i) => instanceView(sb, i)) } };
	},

	'flows.assignProspects': assign,

	/** Deprecated: same as /assign with overrides.coolOffOverride = true. */
	'flows.assignProspectsCoolOffOverride': assign,

	/** Up to 50 prospects; answers 202 PENDING, poll GET …/bulk-assignments/{id}. */
	'flows.submitBulkAssignment'(req, sb) {
		const b = req.body;
		if (!b.prospects.length) fail(400, 'prospects: at least one prospect is required');
		if (b.prospects.length > 50) fail(400, 'prospects: at most 50 prospects per request');
		b.prospects.forEach((p, k) => {
			if (!p.crmId && !(p.firstName && p.lastName)) fail(400, `prospects[${k}]: crmId or firstName and lastName are required`);
		});
		const flow = sb.state.flows.find((f) => f.id === b.flowId);
		if (!flow) fail(404, 'NotFound');
		const owner = ownerOrFail(sb, b.flowInstanceOwnerEmail, 'flowInstanceOwnerEmail');
		const results = b.prospects.map((p) => {
			const crmId = p.crmId || sfId(sb.rng, '00Q'); // a new lead is created in the CRM
			const open = sb.state.flowInstances.find((i) => i.crmProspectId === crmId && i.flowId === flow.id && OPEN.has(i.status));
			if (open) return { prospect: { ...p }, status: 'FLOW_ASSIGNMENT_FAILED', crmId, flowInstanceId: null, errorCode: 'ALREADY_ASSIGNED', errorMessage: 'The prospect is already assigned to this flow' };
			const inst = newInstance(sb, flow, crmId, owner, null);
			return { prospect: { ...p }, status: 'ASSIGNED', crmId, flowInstanceId: inst.flowInstanceId, errorCode: null, errorMessage: null };
		});
		const now = Date.now();
		const job = { id: sb.ids.next(19), flowId: flow.id, createdAt: now, readyAt: now + (sb.options.asyncProcessingMs || 0), results };
		sb.state.bulkAssignments.push(job);
		return { status: 202, body: { id: job.id, status: 'PENDING', totalCount: results.length, processedCount: 0, successCount: 0, failedCount: 0, results: [] } };
	},

	'flows.getBulkAssignment'(req, sb) {
		const job = sb.state.bulkAssignments.find((j) => j.id === req.params.id);
		if (!job) fail(404, 'NotFound');
		const total = job.results.length;
		if (Date.now() < job.readyAt) return { body: { id: job.id, status: 'IN_PROGRESS', totalCount: total, processedCount: 0, successCount: 0, failedCount: 0, results: [] } };
		const success = job.results.filter((r) => r.status === 'ASSIGNED').length;
		return { body: { id: job.id, status: 'COMPLETED', totalCount: total, processedCount: total, successCount: success, failedCount: total - success, results: job.results } };
	},

	/** crmProspectId alone → all its open flows; with flowId → that flow only. */
	'flows.unassignByCrmId'(req, sb) {
		const b = req.body;
		if (b.unassignedByUserEmail) ownerOrFail(sb, b.unassignedByUserEmail, 'unassignedByUserEmail');
		const hit = sb.state.flowInstances.filter((i) => i.crmProspectId === b.crmProspectId && (!b.flowId || i.flowId === b.flowId) && OPEN.has(i.status));
		for (const i of hit) Object.assign(i, { status: 'Finished', unassigned: true });
		return { body: { unassignedFlowInstanceIds: hit.map((i) => i.flowInstanceId) } };
	},

	/** Up to 200 flow instances. */
	'flows.unassignByInstanceId'(req, sb) {
		const b = req.body;
		if (!b.flowInstanceIds.length) fail(400, 'flowInstanceIds: at least one id is required');
		if (b.flowInstanceIds.length > 200) fail(400, 'flowInstanceIds: at most 200 flow instances per request');
		if (b.unassignedByUserEmail) ownerOrFail(sb, b.unassignedByUserEmail, 'unassignedByUserEmail');
		const ids = new Set(b.flowInstanceIds);
		const hit = sb.state.flowInstances.filter((i) => ids.has(i.flowInstanceId) && OPEN.has(i.status));
		for (const i of hit) Object.assign(i, { status: 'Finished', unassigned: true });
		return { body: { unassignedFlowInstanceIds: hit.map((i) => i.flowInstanceId) } };
	},
};
