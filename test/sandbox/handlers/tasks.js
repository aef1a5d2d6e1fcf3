'use strict';
/** Tasks (Engage to-dos): list and update. Task ids and userIds are int64 → exact JSON numbers. */

const { fail } = require('../data');
const lib = require('./_lib');

const CRM_TYPE = 'SALESFORCE';

function taskView(sb, t) {
	return { ...lib.omit(t, 'workspaceId'), created: sb.fmt(t.created), updated: sb.fmt(t.updated), dueDate: sb.fmt(t.dueDate) };
}

module.exports = {
	'tasks.list'(req, sb) {
		const f = req.body.filter;
		if (!lib.userById(sb, f.userId)) fail(400, `filter.userId: no Gong user with id ${f.userId}`);
		const types = new Set(f.types);
		const statuses = new Set(f.status);
		const tasks = sb.state.tasks.filter(
			(t) => t.userId.toString() === f.userId && types.has(t.type) && statuses.has(t.status) && t.actions.some((a) => f.taskAction.includes(a)) && (!f.workspaceId || t.workspaceId === f.workspaceId),
		);
		return { body: { tasks: tasks.map((t) => taskView(sb, t)), crmType: CRM_TYPE } };
	},

	/** PATCH /v2/tasks/{taskId} — the task must belong to body.userId (404 otherwise). */
	'tasks.update'(req, sb) {
		const b = req.body;
		const task = sb.state.tasks.find((t) => t.id.toString() === req.params.taskId);
		if (!task || task.userId.toString() !== b.userId) fail(404, 'TaskId not found');
		if (b.priority !== undefined && b.priority !== null) {
			const p = sb.state.taskPriorities.find((x) => x.name.toLowerCase() === String(b.priority).toLowerCase() || x.id.toString() === String(b.priority));
			if (!p) fail(400, `priority: unknown priority '${b.priority}' (use ${sb.state.taskPriorities.map((x) => x.name).join(', ')})`);
			task.priority = p;
		}
		if (b.status) task.status = b.status;
		if (b.dueDate) task.dueDate = new Date(Date.parse(b.dueDate)).toISOString();
		task.updated = new Date().toISOString();
		return { body: { tasks: [taskView(sb, task)], crmType: CRM_TYPE } };
	},
};
