import { engageFlowResource } from '../../nodes/Gong/actions/engageFlow';
import { folderRecords } from '../../nodes/Gong/actions/engageFlow/getFolders.operation';
import { byId, useGong } from '../helpers';

const OPEN = ['Pending', 'Running', 'Paused'];

describe('Engage Flow resource', () => {
	const gong = useGong({ seed: { calls: 10, users: 30 }, pageSize: 5 });

	const state = () => gong.sandbox.state;
	/** The owner of a personal folder: has personal and shared flows besides the company ones. */
	const owner = () => state().flowFolders.find((f: any) => f.visibility === 'Personal').ownerEmail as string;
	const visibleFlows = (email: string) =>
		state().flows.filter((f: any) => f.visibility === 'Company' || f.ownerEmail === email || f.sharedWith.includes(email));
	const def = (operation: string) => engageFlowResource.operations.find((o) => o.operation === operation)!;
	const fresh = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 12).toUpperCase()}`;

	test('definitions: writes are not retry-safe, reads are; unassigns are destructive; cool-off op is legacy', () => {
		for (const op of ['assignProspects', 'assignProspectsCoolOffOverride', 'submitBulkAssignment', 'unassignByCrmId', 'unassignByInstanceId']) {
			expect(def(op).retrySafe).toBeUndefined();
		}
		for (const op of ['getSteps', 'getProspectFlows']) expect(def(op).retrySafe).toBe(true);
		for (const op of ['unassignByCrmId', 'unassignByInstanceId']) {
			expect(def(op).destructive).toBe(true);
			expect(def(op).description).toMatch(/^Destructive/);
		}
		expect(def('assignProspectsCoolOffOverride').legacy).toBe(true);
		expect(def('assignProspectsCoolOffOverride').description).toMatch(/Deprecated by Gong/);
		expect(engageFlowResource.operations.filter((o) => o.legacy)).toHaveLength(1);
		expect(new Set(engageFlowResource.operations.map((o) => o.catalogId)).size).toBe(10);
	});

	test('Get Many: GET /v2/flows?flowOwnerEmail, Return All follows the query cursor; ids are strings', async () => {
		const email = owner();
		const expected = visibleFlows(email);
		expect(expected.length).toBeGreaterThan(5);
		const result = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: email, returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(Math.ceil(expected.length / 5));
		expect(reqs[0].method).toBe('GET');
		expect(reqs[0].path).toBe('/v2/flows');
		expect(reqs[0].query).toEqual({ flowOwnerEmail: email });
		expect(reqs[1].query).toEqual({ flowOwnerEmail: email, cursor: expect.any(String) });
		expect(result.json.map((f) => f.id).sort()).toEqual(expected.map((f: any) => f.id).sort());
		expect(result.json.every((f) => typeof f.id === 'string' && typeof f.folderId === 'string')).toBe(true);
		expect(result.json[0]).toEqual(expect.objectContaining({ name: expect.any(String), visibility: expect.stringMatching(/^(Company|Personal|Shared)$/) }));
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Many: filters go to the query; Limit stops after the first page', async () => {
		const email = owner();
		const folder = state().flowFolders.find((f: any) => f.name === 'Outbound');
		const ws = state().flows[0].workspaceId;
		const inFolder = visibleFlows(email).filter((f: any) => f.folderId === folder.id);
		expect(inFolder.length).toBeGreaterThan(0);
		const result = await gong.run({
			parameters: {
				resource: 'engageFlow',
				operation: 'getMany',
				flowOwnerEmail: email,
				returnAll: true,
				filters: { folderId: byId(folder.id), workspaceId: byId(ws) },
			},
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().query).toEqual({ flowOwnerEmail: email, folderId: folder.id, workspaceId: ws });
		expect(result.json.map((f) => f.id).sort()).toEqual(inFolder.map((f: any) => f.id).sort());

		gong.sandbox.clearRequests();
		const recent = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: email, returnAll: true, filters: { mostRecentlyAssigned: true } } });
		expect(recent.error).toBeUndefined();
		expect(gong.lastRequest().query).toEqual({ flowOwnerEmail: email, mostRecentlyAssigned: 'true' });

		gong.sandbox.clearRequests();
		const some = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: email, returnAll: false, limit: 3 } });
		expect(some.items).toHaveLength(3);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Get Many: a bad owner email is refused before any request, naming the parameter', async () => {
		const result = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: 'not-an-email', returnAll: true } });
		expect(result.error!.message).toMatch(/Parameter "Flow Owner Email" \(flowOwnerEmail\): "not-an-email" is not an email address/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Folders: GET /v2/flows/folders, all pages, parent filter; Limit exact', async () => {
		const email = owner();
		const folders = state().flowFolders.filter((f: any) => f.visibility === 'Company' || f.ownerEmail === email);
		const result = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: email, returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs[0].method).toBe('GET');
		expect(reqs[0].path).toBe('/v2/flows/folders');
		expect(reqs[0].query).toEqual({ flowFolderOwnerEmail: email });
		expect(result.json.map((f) => f.id).sort()).toEqual(folders.map((f: any) => f.id).sort());
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);

		gong.sandbox.clearRequests();
		const parent = state().flowFolders.find((f: any) => f.name === 'Company Flows');
		const children = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: email, returnAll: true, filters: { parentId: byId(parent.id) } },
		});
		expect(gong.lastRequest().query).toEqual({ flowFolderOwnerEmail: email, parentId: parent.id });
		expect(children.json.map((f) => f.name).sort()).toEqual(['Company Flows', 'Outbound']);
		expect(children.json.find((f) => f.name === 'Outbound')!.folderId).toBe(parent.id);

		gong.sandbox.clearRequests();
		const two = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: email, returnAll: false, limit: 2 } });
		expect(two.items).toHaveLength(2);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Get Folders: records are read from "flows" or from a folder key, whichever holds them', () => {
		const a = { id: '1' };
		expect(folderRecords({ flows: [a] })).toEqual([a]);
		expect(folderRecords({ flows: [], folders: [a] })).toEqual([a]);
		expect(folderRecords({ flowFolders: [a] })).toEqual([a]);
		expect(folderRecords({ records: {} })).toEqual([]);
	});

	test('Get Folders: continueOnFail turns an error into an item paired to its input', async () => {
		const result = await gong.run({
			continueOnFail: true,
			input: [{ json: { e: 'nobody@nowhere.example' } }, { json: { e: owner() } }],
			parameters: { resource: 'engageFlow', operation: 'getFolders', flowFolderOwnerEmail: '={{ $json.e }}', returnAll: true },
		});
		expect(result.json[0].error).toBeDefined();
		expect(result.json[0].httpCode).toBe('400');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items.length).toBeGreaterThan(1);
		expect(result.items.slice(1).every((i) => (i.pairedItem as any).item === 1)).toBe(true);
	});

	test('Get Steps: POST /v2/flows/steps {flowIds}, one item per flow with its steps; retried after a 500', async () => {
		const flows = state().flows.slice(0, 2);
		gong.sandbox.failNext(1, { status: 500, match: { catalogId: 'flows.getSteps' } });
		const result = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getSteps', flowIds: flows.map((f: any) => f.id).join(',') } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs[1].method).toBe('POST');
		expect(reqs[1].path).toBe('/v2/flows/steps');
		expect(reqs[1].body).toEqual({ flowIds: flows.map((f: any) => f.id) });
		expect(result.items).toHaveLength(2);
		expect(result.json.map((f) => f.id)).toEqual(flows.map((f: any) => f.id));
		expect((result.json[0].steps as any[]).length).toBe(flows[0].steps.length);
		expect((result.json[0].steps as any[])[0].stepOrder).toBe(1);
		expect(result.items[1].pairedItem).toEqual({ item: 0 });
	});

	test('Get Steps: more than 20 ids refused before sending; an unknown flow → 404 error', async () => {
		const ids = Array.from({ length: 21 }, (_, k) => String(1000 + k));
		const many = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getSteps', flowIds: ids } });
		expect(many.error!.message).toMatch(/Parameter "Flow IDs" \(flowIds\): 21 values given, Gong accepts at most 20/);
		expect(gong.requests()).toHaveLength(0);
		const unknown = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getSteps', flowIds: ['12345'] } });
		expect(unknown.error!.message).toMatch(/404/);
	});

	test('Get Prospect Flows: by CRM ids → open instances only; by instance ids → finished too', async () => {
		const instances = state().flowInstances;
		const prospect = instances.find((i: any) => OPEN.includes(i.status)).crmProspectId;
		const expectedOpen = instances.filter((i: any) => i.crmProspectId === prospect && OPEN.includes(i.status));
		const byCrm = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getProspectFlows', filters: { crmProspectsIds: [prospect] } } });
		expect(byCrm.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/flows/prospects');
		expect(req.body).toEqual({ crmProspectsIds: [prospect] });
		expect(byCrm.json.map((i) => i.flowInstanceId).sort()).toEqual(expectedOpen.map((i: any) => i.flowInstanceId).sort());
		expect(byCrm.json.every((i) => OPEN.includes(i.flowInstanceStatus as string))).toBe(true);

		const finished = instances.find((i: any) => i.status.startsWith('Finished'));
		const byInstance = await gong.run({
			input: [{ json: {} }, { json: {} }],
			parameters: { resource: 'engageFlow', operation: 'getProspectFlows', filters: { flowInstanceIds: [finished.flowInstanceId] } },
		});
		expect(byInstance.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual({ flowInstanceIds: [finished.flowInstanceId] });
		expect(byInstance.items).toHaveLength(2);
		expect(byInstance.json[0]).toEqual(expect.objectContaining({ flowInstanceId: finished.flowInstanceId, flowInstanceStatus: finished.status, crmProspectId: finished.crmProspectId }));
		expect(byInstance.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Get Prospect Flows: both lists together; neither → refused; a non-numeric flow instance id is refused', async () => {
		const inst = state().flowInstances.find((i: any) => i.status.startsWith('Finished'));
		const open = state().flowInstances.find((i: any) => OPEN.includes(i.status) && i.crmProspectId !== inst.crmProspectId);
		const both = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'getProspectFlows', filters: { crmProspectsIds: [open.crmProspectId], flowInstanceIds: [inst.flowInstanceId] } },
		});
		expect(gong.lastRequest().body).toEqual({ crmProspectsIds: [open.crmProspectId], flowInstanceIds: [inst.flowInstanceId] });
		expect(both.json.map((i) => i.flowInstanceId)).toEqual(expect.arrayContaining([inst.flowInstanceId, open.flowInstanceId]));
		gong.sandbox.clearRequests();
		const none = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getProspectFlows', filters: { crmProspectsIds: [] } } });
		expect(none.error!.message).toMatch(/"CRM Prospect IDs" \(crmProspectsIds\) or "Flow Instance IDs" \(flowInstanceIds\): give at least one/);
		const bad = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getProspectFlows', filters: { flowInstanceIds: ['abc'] } } });
		expect(bad.error!.message).toMatch(/Parameter "Flow Instance IDs" \(flowInstanceIds\): "abc" is not a Gong ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Assign Prospects: POST /v2/flows/prospects/assign with overrides; a second time the prospect is not assigned', async () => {
		const flow = state().flows[0];
		const email = owner();
		const p1 = fresh('00Q');
		const p2 = fresh('003');
		const parameters = {
			resource: 'engageFlow',
			operation: 'assignProspects',
			flowId: byId(flow.id),
			flowInstanceOwnerEmail: email,
			crmProspectsIds: `${p1}, ${p2}`,
			additionalFields: {
				coolOffOverride: true,
				flowInstanceDescription: 'Event follow-up',
				stepOverrides: { values: [{ number: 1, subject: 'Hello {{recipient.first_name}}', body: '' }] },
				variableOverrides: { values: [{ name: 'recipient.first_name', value: 'Mike' }] },
			},
		};
		const result = await gong.run({ parameters });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/flows/prospects/assign');
		expect(req.body).toEqual({
			flowId: flow.id,
			flowInstanceOwnerEmail: email,
			crmProspectsIds: [p1, p2],
			flowInstanceDescription: 'Event follow-up',
			overrides: {
				coolOffOverride: true,
				steps: [{ number: 1, subject: 'Hello {{recipient.first_name}}' }],
				flowInstanceVariables: [{ name: 'recipient.first_name', value: 'Mike' }],
			},
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const assigned = result.json[0].prospectsAssigned as any[];
		expect(assigned.map((a) => a.crmProspectId)).toEqual([p1, p2]);
		expect(assigned[0]).toEqual(expect.objectContaining({ flowId: flow.id, flowInstanceId: expect.stringMatching(/^\d+$/), flowInstanceOwnerEmail: email }));
		expect(result.json[0].prospectsNotAssigned).toEqual([]);

		const again = await gong.run({ parameters: { ...parameters, additionalFields: {} } });
		expect(gong.lastRequest().body).toEqual({ flowId: flow.id, flowInstanceOwnerEmail: email, crmProspectsIds: [p1, p2] });
		expect(again.json[0].prospectsAssigned).toEqual([]);
		expect((again.json[0].prospectsNotAssigned as any[]).map((a) => a.crmProspectId)).toEqual([p1, p2]);
	});

	test('Assign Prospects: more than 100 prospects, a bad step override or owner email are refused before sending', async () => {
		const base = { resource: 'engageFlow', operation: 'assignProspects', flowId: byId(state().flows[0].id), flowInstanceOwnerEmail: owner() };
		const ids = Array.from({ length: 101 }, (_, k) => `00Q${k}`);
		const many = await gong.run({ parameters: { ...base, crmProspectsIds: ids } });
		expect(many.error!.message).toMatch(/Parameter "CRM Prospect IDs" \(crmProspectsIds\): 101 values given, Gong accepts at most 100/);
		const stepZero = await gong.run({ parameters: { ...base, crmProspectsIds: ['00Q1'], additionalFields: { stepOverrides: { values: [{ number: 0, subject: 'x' }] } } } });
		expect(stepZero.error!.message).toMatch(/Step Overrides 1: Step Number.*0 is below the minimum 1/);
		const noValue = await gong.run({ parameters: { ...base, crmProspectsIds: ['00Q1'], additionalFields: { variableOverrides: { values: [{ name: 'x' }] } } } });
		expect(noValue.error!.message).toMatch(/Variable Overrides 1: Value.*is required/);
		const email = await gong.run({ parameters: { ...base, flowInstanceOwnerEmail: 'someone', crmProspectsIds: ['00Q1'] } });
		expect(email.error!.message).toMatch(/Parameter "Flow Instance Owner Email" \(flowInstanceOwnerEmail\)/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Assign Prospects: a write is not repeated after a 500; an unknown flow is a 404 error', async () => {
		gong.sandbox.failNext(1, { status: 500, match: { catalogId: 'flows.assignProspects' } });
		const failed = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'assignProspects', flowId: byId(state().flows[1].id), flowInstanceOwnerEmail: owner(), crmProspectsIds: [fresh('00Q')] },
		});
		expect(failed.error!.message).toMatch(/500/);
		expect(gong.requests()).toHaveLength(1);
		const unknown = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'assignProspects', flowId: byId('1234567890123456789'), flowInstanceOwnerEmail: owner(), crmProspectsIds: [fresh('00Q')] },
		});
		expect(unknown.error!.message).toMatch(/404/);
	});

	test('Assign Prospects Ignoring Cool-Off (deprecated): POST …/assign/cool-off-override with the same body', async () => {
		const flow = state().flows[2];
		const email = owner();
		const p = fresh('00Q');
		const result = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'assignProspectsCoolOffOverride', flowId: byId(flow.id), flowInstanceOwnerEmail: email, crmProspectsIds: [p] },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/flows/prospects/assign/cool-off-override');
		expect(req.body).toEqual({ flowId: flow.id, flowInstanceOwnerEmail: email, crmProspectsIds: [p] });
		expect(result.items).toHaveLength(1);
		expect((result.json[0].prospectsAssigned as any[])[0].crmProspectId).toBe(p);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Submit Bulk Assignment → 202 PENDING; Get Bulk Assignment reads the results by id', async () => {
		const flow = state().flows[3];
		const email = owner();
		const crmId = fresh('003');
		const prospects = [{ crmId }, { firstName: 'Jon', lastName: 'Snow', email: 'jon@example.com', companyName: 'Northstar', linkedInUrl: 'https://www.linkedin.com/in/jon-snow/' }];
		const submitted = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'submitBulkAssignment', flowId: byId(flow.id), flowInstanceOwnerEmail: email, prospects: JSON.stringify(prospects) },
		});
		expect(submitted.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/flows/prospects/bulk-assignments');
		expect(req.status).toBe(202);
		expect(req.body).toEqual({ flowId: flow.id, flowInstanceOwnerEmail: email, prospects });
		expect(submitted.items).toHaveLength(1);
		expect(submitted.json[0]).toEqual(expect.objectContaining({ id: expect.any(String), status: 'PENDING', totalCount: 2 }));
		expect(submitted.items[0].pairedItem).toEqual({ item: 0 });

		const fromExpression = await gong.run({
			input: [{ json: { list: [{ crmId: fresh('003') }] } }],
			parameters: { resource: 'engageFlow', operation: 'submitBulkAssignment', flowId: byId(flow.id), flowInstanceOwnerEmail: email, prospects: '={{ $json.list }}' },
		});
		expect(fromExpression.error).toBeUndefined();
		expect(gong.lastRequest().body.prospects).toHaveLength(1);
		expect(fromExpression.json[0].totalCount).toBe(1);

		const id = submitted.json[0].id as string;
		const job = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getBulkAssignment', bulkAssignmentId: id } });
		expect(job.error).toBeUndefined();
		expect(gong.lastRequest().method).toBe('GET');
		expect(gong.lastRequest().path).toBe(`/v2/flows/prospects/bulk-assignments/${id}`);
		expect(gong.lastRequest().query).toEqual({});
		expect(job.items).toHaveLength(1);
		expect(job.json[0]).toEqual(expect.objectContaining({ id, status: 'COMPLETED', totalCount: 2, successCount: 2, failedCount: 0 }));
		const results = job.json[0].results as any[];
		expect(results.map((r) => r.status)).toEqual(['ASSIGNED', 'ASSIGNED']);
		expect(results[0].crmId).toBe(crmId);
		expect(results[1].prospect.firstName).toBe('Jon');
	});

	test('Submit Bulk Assignment: prospects are checked before sending (count, keys, crmId or names)', async () => {
		const base = { resource: 'engageFlow', operation: 'submitBulkAssignment', flowId: byId(state().flows[3].id), flowInstanceOwnerEmail: owner() };
		const list = Array.from({ length: 51 }, (_, k) => ({ crmId: `003${k}` }));
		const tooMany = await gong.run({ input: [{ json: { list } }], parameters: { ...base, prospects: '={{ $json.list }}' } });
		expect(tooMany.error!.message).toMatch(/Parameter "Prospects" \(prospects\): 51 values given, Gong accepts at most 50/);
		const empty = await gong.run({ parameters: { ...base, prospects: '[]' } });
		expect(empty.error!.message).toMatch(/Parameter "Prospects" \(prospects\): (needs at least one entry|give at least one prospect)/);
		const unknownKey = await gong.run({ parameters: { ...base, prospects: '[{ "crmId": "003A", "phone": "123" }]' } });
		expect(unknownKey.error!.message).toMatch(/\(prospects\): entry 1 has unknown field "phone"/);
		const noName = await gong.run({ parameters: { ...base, prospects: '[{ "crmId": "003A" }, { "firstName": "Jon" }]' } });
		expect(noName.error!.message).toMatch(/Parameter "Prospects" \(prospects\): prospect 2: give a CRM ID, or a first and a last name/);
		const badEmail = await gong.run({ parameters: { ...base, prospects: '[{ "crmId": "003A", "email": "jon" }]' } });
		expect(badEmail.error!.message).toMatch(/Prospects 1: Email.*"jon" is not an email address/);
		const notJson = await gong.run({ parameters: { ...base, prospects: '[{ crmId: 1 }' } });
		expect(notJson.error!.message).toMatch(/Parameter "Prospects" \(prospects\): is not valid JSON/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Bulk Assignment: an unknown id is a 404 naming it; a malformed id is refused before sending', async () => {
		const unknown = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getBulkAssignment', bulkAssignmentId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' } });
		expect(unknown.error!.message).toMatch(/404/);
		expect(unknown.error!.description).toMatch(/Bulk Assignment f47ac10b-58cc-4372-a567-0e02b2c3d479/);
		expect(gong.requests()).toHaveLength(1);
		const bad = await gong.run({ parameters: { resource: 'engageFlow', operation: 'getBulkAssignment', bulkAssignmentId: '../users' } });
		expect(bad.error!.message).toMatch(/Parameter "Bulk Assignment ID" \(bulkAssignmentId\)/);
		expect(gong.requests()).toHaveLength(1);
	});

	test('Unassign by CRM Prospect ID: POST …/unassign-flows-by-crm-id; returns the stopped instances', async () => {
		const flow = state().flows[4];
		const email = owner();
		const p = fresh('00Q');
		const assigned = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'assignProspects', flowId: byId(flow.id), flowInstanceOwnerEmail: email, crmProspectsIds: [p] },
		});
		const instanceId = (assigned.json[0].prospectsAssigned as any[])[0].flowInstanceId;
		const result = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'unassignByCrmId', crmProspectId: p, additionalFields: { flowId: byId(flow.id), unassignedByUserEmail: email } },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/flows/prospects/unassign-flows-by-crm-id');
		expect(req.body).toEqual({ crmProspectId: p, flowId: flow.id, unassignedByUserEmail: email });
		expect(result.items).toHaveLength(1);
		expect(result.json[0].unassignedFlowInstanceIds).toEqual([instanceId]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(state().flowInstances.find((i: any) => i.flowInstanceId === instanceId).status).toBe('Finished');

		const nothing = await gong.run({ parameters: { resource: 'engageFlow', operation: 'unassignByCrmId', crmProspectId: p } });
		expect(gong.lastRequest().body).toEqual({ crmProspectId: p });
		expect(nothing.items).toHaveLength(1);
		expect(nothing.json[0].unassignedFlowInstanceIds).toEqual([]);
	});

	test('Unassign by Flow Instance ID: POST …/unassign-flows-by-instance-id; at most 200 ids', async () => {
		const open = state().flowInstances.filter((i: any) => OPEN.includes(i.status)).slice(0, 2);
		const ids = open.map((i: any) => i.flowInstanceId);
		const result = await gong.run({ parameters: { resource: 'engageFlow', operation: 'unassignByInstanceId', flowInstanceIds: ids } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/flows/prospects/unassign-flows-by-instance-id');
		expect(req.body).toEqual({ flowInstanceIds: ids });
		expect(result.items).toHaveLength(1);
		expect((result.json[0].unassignedFlowInstanceIds as string[]).sort()).toEqual([...ids].sort());
		expect(result.items[0].pairedItem).toEqual({ item: 0 });

		gong.sandbox.clearRequests();
		const tooMany = await gong.run({
			parameters: { resource: 'engageFlow', operation: 'unassignByInstanceId', flowInstanceIds: Array.from({ length: 201 }, (_, k) => String(10 ** 15 + k)) },
		});
		expect(tooMany.error!.message).toMatch(/Parameter "Flow Instance IDs" \(flowInstanceIds\): 201 values given, Gong accepts at most 200/);
		expect(gong.requests()).toHaveLength(0);
	});
});
