import { taskResource } from '../../nodes/Gong/actions/task';
import { idsAsStrings } from '../../nodes/Gong/actions/task/ids';
import { byId, useGong } from '../helpers';

describe('Task resource', () => {
	const gong = useGong({ seed: { calls: 10, users: 30 } });

	const state = () => gong.sandbox.state;
	const def = (operation: string) => taskResource.operations.find((o) => o.operation === operation)!;
	/** The owner of the most tasks, and their tasks. */
	const busyUser = () => {
		const counts = new Map<string, number>();
		for (const t of state().tasks) counts.set(t.userId.toString(), (counts.get(t.userId.toString()) ?? 0) + 1);
		return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
	};
	const tasksOf = (userId: string, statuses: string[], types = ['FLOW', 'MANUAL']) =>
		state().tasks.filter((t: any) => t.userId.toString() === userId && statuses.includes(t.status) && types.includes(t.type));

	test('definitions: the list is a retry-safe read without paging (Gong has no cursor here); update is a write', () => {
		expect(def('getMany').retrySafe).toBe(true);
		expect(def('getMany').pagination).toBeUndefined();
		expect(def('update').retrySafe).toBeUndefined();
		expect(def('update').method).toBe('PATCH');
	});

	test('Get Many: POST /v2/tasks with the filter (defaults: both types, open, call); one item per task, int64 ids exact as strings', async () => {
		const userId = busyUser();
		const expected = tasksOf(userId, ['OPEN']);
		expect(expected.length).toBeGreaterThan(0);
		const result = await gong.run({ parameters: { resource: 'task', operation: 'getMany', userId: byId(userId) } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/tasks');
		expect(req.query).toEqual({});
		expect(req.body).toEqual({ filter: { userId, types: ['FLOW', 'MANUAL'], status: ['OPEN'], taskAction: ['CALL'] } });
		expect(gong.requests()).toHaveLength(1);
		expect(result.items).toHaveLength(expected.length);
		expect(result.json.map((t) => t.id).sort()).toEqual(expected.map((t: any) => t.id.toString()).sort());
		for (const t of result.json) {
			expect(typeof t.id).toBe('string');
			expect(t.userId).toBe(userId);
			expect(t.status).toBe('OPEN');
			expect(t.crmType).toBe('SALESFORCE');
		}
		const withFlow = result.json.find((t) => t.flow);
		expect(withFlow).toBeDefined();
		expect(typeof (withFlow!.flow as any).id).toBe('string');
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Many: chosen types, statuses and workspace are sent; several input items each get their own tasks', async () => {
		const userId = busyUser();
		const ws = state().workspaces[0].id;
		const expected = tasksOf(userId, ['DONE', 'DISMISSED'], ['FLOW']);
		const result = await gong.run({
			input: [{ json: {} }, { json: {} }],
			parameters: { resource: 'task', operation: 'getMany', userId: byId(userId), types: ['FLOW'], status: ['DONE', 'DISMISSED'], filters: { workspaceId: byId(ws) } },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs[0].body).toEqual({ filter: { userId, types: ['FLOW'], status: ['DONE', 'DISMISSED'], taskAction: ['CALL'], workspaceId: ws } });
		expect(result.items).toHaveLength(expected.length * 2);
		expect(result.items.filter((i) => (i.pairedItem as any).item === 1)).toHaveLength(expected.length);
		expect(result.json.every((t) => t.type === 'FLOW' && ['DONE', 'DISMISSED'].includes(t.status as string))).toBe(true);
	});

	test('Get Many: an empty status list or a bad user id is refused before sending', async () => {
		const typed = await gong.run({ parameters: { resource: 'task', operation: 'getMany', userId: byId(busyUser()), status: [] } });
		expect(typed.error!.message).toMatch(/workflow has issues/);
		const empty = await gong.run({ parameters: { resource: 'task', operation: 'getMany', userId: byId(busyUser()), status: '={{ [] }}' } });
		expect(empty.error!.message).toMatch(/Parameter "Status" \(status\): is required/);
		const wrong = await gong.run({ parameters: { resource: 'task', operation: 'getMany', userId: byId(busyUser()), status: '={{ ["OPEN", "LATE"] }}' } });
		expect(wrong.error!.message).toMatch(/Parameter "Status" \(status\): "LATE" not among/);
		const bad = await gong.run({ input: [{ json: { u: 'me' } }], parameters: { resource: 'task', operation: 'getMany', userId: byId('={{ $json.u }}') } });
		expect(bad.error!.message).toMatch(/Parameter "User" \(userId\): "me" is not a Gong ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Update: PATCH /v2/tasks/{taskId} with the owner and the changes; returns the updated task, ids exact', async () => {
		const task = state().tasks.find((t: any) => t.status === 'OPEN');
		const taskId = task.id.toString();
		const userId = task.userId.toString();
		const result = await gong.run({
			parameters: {
				resource: 'task',
				operation: 'update',
				taskId,
				userId: byId(userId),
				additionalFields: { status: 'DONE', dueDate: '2025-03-01T09:00:00Z', priority: 'High' },
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PATCH');
		expect(req.path).toBe(`/v2/tasks/${taskId}`);
		expect(req.query).toEqual({});
		expect(req.body).toEqual({ userId, status: 'DONE', dueDate: '2025-03-01T09:00:00Z', priority: 'High' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.json[0]).toEqual(expect.objectContaining({ id: taskId, userId, status: 'DONE', crmType: 'SALESFORCE' }));
		expect((result.json[0].priority as any).name).toBe('High');
		expect(typeof (result.json[0].priority as any).id).toBe('string');
		expect(task.status).toBe('DONE');
		expect(task.dueDate).toBe('2025-03-01T09:00:00.000Z');
	});

	test('Update: another user\'s task → 404; an unknown priority → 400 from Gong', async () => {
		const task = state().tasks[0];
		const other = state().users.find((u: any) => u.id !== task.userId.toString() && !u.isAvatar);
		const wrongUser = await gong.run({ parameters: { resource: 'task', operation: 'update', taskId: task.id.toString(), userId: byId(other.id), additionalFields: { status: 'OPEN' } } });
		expect(wrongUser.error!.message).toMatch(/404/);
		const badPriority = await gong.run({
			parameters: { resource: 'task', operation: 'update', taskId: task.id.toString(), userId: byId(task.userId.toString()), additionalFields: { priority: 'Urgent' } },
		});
		expect(badPriority.error!.message).toMatch(/400/);
	});

	test('Update: nothing to change, a bad task id or a bad due date are refused before sending; a 500 is not retried', async () => {
		const task = state().tasks[1];
		const base = { resource: 'task', operation: 'update', taskId: task.id.toString(), userId: byId(task.userId.toString()) };
		const nothing = await gong.run({ parameters: { ...base } });
		expect(nothing.error!.message).toMatch(/Parameter "Additional Fields" \(additionalFields\): set at least one of Status, Due Date or Priority/);
		const badId = await gong.run({ parameters: { ...base, taskId: 'T-1', additionalFields: { status: 'DONE' } } });
		expect(badId.error!.message).toMatch(/Parameter "Task ID" \(taskId\): "T-1" is not a Gong ID/);
		const badDate = await gong.run({ parameters: { ...base, additionalFields: { dueDate: 'next week' } } });
		expect(badDate.error!.message).toMatch(/Parameter "Due Date" \(dueDate\): "next week" is not a date-time/);
		expect(gong.requests()).toHaveLength(0);

		gong.sandbox.failNext(1, { status: 500, match: { catalogId: 'tasks.update' } });
		const failed = await gong.run({ parameters: { ...base, additionalFields: { status: 'DISMISSED' } } });
		expect(failed.error!.message).toMatch(/500/);
		expect(gong.requests()).toHaveLength(1);
	});

	test('idsAsStrings: short int64 ids (which JSON keeps as numbers) become strings too; other numbers stay', () => {
		expect(idsAsStrings({ id: 123, userId: 45, flow: { id: 6, step: { id: 7, stepNumber: 2 } }, priority: { id: 8, weight: 3 }, list: [{ id: 9 }] })).toEqual({
			id: '123',
			userId: '45',
			flow: { id: '6', step: { id: '7', stepNumber: 2 } },
			priority: { id: '8', weight: 3 },
			list: [{ id: '9' }],
		});
	});
});
