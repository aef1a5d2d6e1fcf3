import { targetResource } from '../../nodes/Gong/actions/target';
import { byId, useGong } from '../helpers';

const CSV = 'userEmail,period,value\nann@acme.com,2025-Q1,100000\nbob@acme.com,2025-Q1,120000\n';

/** An input item carrying `text` as a CSV binary; `fileName: null` leaves the file name out. */
function csvItem(text: string, property = 'data', fileName: string | null = 'targets.csv') {
	const binary = { data: Buffer.from(text).toString('base64'), mimeType: 'text/csv', ...(fileName === null ? {} : { fileName }) };
	return { json: {}, binary: { [property]: binary } };
}

describe('Target resource', () => {
	const gong = useGong({ seed: { calls: 10, users: 20 } });

	const state = () => gong.sandbox.state;
	const wsWithTargets = () => state().workspaces.find((w: any) => state().targets.some((t: any) => t.workspaceId === w.id)).id as string;

	test('definitions: both say they are newer endpoints; upload is a write', () => {
		for (const op of targetResource.operations) expect(op.description).toMatch(/Newer Gong endpoint; details may differ/);
		const upload = targetResource.operations.find((o) => o.operation === 'uploadAssignments')!;
		expect(upload.retrySafe).toBeUndefined();
		expect(upload.method).toBe('POST');
	});

	test('Get Many: GET /v2/targets?workspaceId, one item per target of that workspace, ids as strings', async () => {
		const ws = wsWithTargets();
		const expected = state().targets.filter((t: any) => t.workspaceId === ws);
		expect(expected.length).toBeGreaterThan(0);
		const result = await gong.run({ parameters: { resource: 'target', operation: 'getMany', workspaceId: byId(ws) } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/targets');
		expect(req.query).toEqual({ workspaceId: ws });
		expect(gong.requests()).toHaveLength(1);
		expect(result.items).toHaveLength(expected.length);
		expect(result.json.map((t) => t.id)).toEqual(expected.map((t: any) => t.id));
		expect(result.json[0]).toEqual(expect.objectContaining({ name: expected[0].name, unit: expected[0].unit, type: expected[0].type }));
		expect(typeof result.json[0].id).toBe('string');
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Many: the workspace is required and must be an id; refused before sending', async () => {
		const missing = await gong.run({ input: [{ json: { w: '' } }], parameters: { resource: 'target', operation: 'getMany', workspaceId: byId('={{ $json.w }}') } });
		expect(missing.error!.message).toMatch(/Parameter "Workspace" \(workspaceId\): is required/);
		const bad = await gong.run({ input: [{ json: { w: 'sales' } }], parameters: { resource: 'target', operation: 'getMany', workspaceId: byId('={{ $json.w }}') } });
		expect(bad.error!.message).toMatch(/Parameter "Workspace" \(workspaceId\): "sales" is not a Gong ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Upload Assignments: multipart part "file" with the CSV, workspaceId in the query; applied to the target', async () => {
		const ws = wsWithTargets();
		const target = state().targets.find((t: any) => t.workspaceId === ws);
		const result = await gong.run({
			input: [csvItem(CSV)],
			parameters: { resource: 'target', operation: 'uploadAssignments', targetId: byId(target.id), workspaceId: byId(ws) },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe(`/v2/targets/${target.id}/assignments`);
		expect(req.query).toEqual({ workspaceId: ws });
		expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(req.multipart).toHaveLength(1);
		expect(req.multipart[0]).toEqual(expect.objectContaining({ name: 'file', fileName: 'targets.csv', contentType: 'text/csv' }));
		expect(req.multipart[0].data.toString('utf8')).toBe(CSV);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.json[0]).toEqual(expect.objectContaining({ targetId: target.id, validateOnly: false, totalRows: 2, validRows: 2, errors: [] }));
		expect(target.assignments).toHaveLength(2);
		expect(target.assignments[1]).toEqual({ userEmail: 'bob@acme.com', period: '2025-Q1', value: '120000' });
	});

	test('Upload Assignments: Validate Only, another binary field, one request per item, nothing applied', async () => {
		const ws = wsWithTargets();
		const target = state().targets.filter((t: any) => t.workspaceId === ws)[1];
		const bad = 'userEmail,period,value\nann@acme.com,2025-Q1\n';
		const result = await gong.run({
			input: [csvItem(CSV, 'file'), csvItem(bad, 'file', null)],
			parameters: {
				resource: 'target',
				operation: 'uploadAssignments',
				targetId: byId(target.id),
				workspaceId: byId(ws),
				binaryPropertyName: 'file',
				options: { validateOnly: true },
			},
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs[0].query).toEqual({ workspaceId: ws, validateOnly: 'true' });
		expect(reqs[1].multipart[0].fileName).toBe('assignments.csv');
		expect(reqs[1].multipart[0].data.toString('utf8')).toBe(bad);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.json[0]).toEqual(expect.objectContaining({ validateOnly: true, validRows: 2 }));
		expect(result.json[1]).toEqual(expect.objectContaining({ validateOnly: true, validRows: 0, errors: [expect.objectContaining({ line: 2 })] }));
		expect(target.assignments).toEqual([]);
	});

	test('Upload Assignments: a missing binary field or an empty file → error naming the parameter, nothing sent', async () => {
		const ws = wsWithTargets();
		const target = state().targets.find((t: any) => t.workspaceId === ws);
		const parameters = { resource: 'target', operation: 'uploadAssignments', targetId: byId(target.id), workspaceId: byId(ws), binaryPropertyName: 'csv' };
		const missing = await gong.run({ input: [csvItem(CSV)], parameters });
		expect(missing.error!.message).toMatch(/Parameter "Input Binary Field" \(binaryPropertyName\): the input item has no binary property "csv"/);
		const noBinary = await gong.run({ input: [{ json: {} }], parameters });
		expect(noBinary.error!.message).toMatch(/\(binaryPropertyName\): the input item has no binary property "csv"/);
		const empty = await gong.run({ input: [csvItem('', 'csv')], parameters });
		expect(empty.error!.message).toMatch(/\(binaryPropertyName\): the file in "csv" is empty/);
		expect(gong.requests()).toHaveLength(0);

		const cont = await gong.run({ continueOnFail: true, input: [csvItem(CSV, 'csv'), { json: {} }], parameters });
		expect(cont.items).toHaveLength(2);
		expect(cont.json[0].validRows).toBe(2);
		expect(cont.json[1].error).toMatch(/no binary property "csv"/);
		expect(cont.items[1].pairedItem).toEqual({ item: 1 });
		expect(gong.requests()).toHaveLength(1);
	});

	test('Upload Assignments: an invalid file is rejected by Gong (400) and the write is not repeated', async () => {
		const ws = wsWithTargets();
		const target = state().targets.find((t: any) => t.workspaceId === ws);
		const result = await gong.run({
			input: [csvItem('userEmail,value\nann@acme.com\n')],
			parameters: { resource: 'target', operation: 'uploadAssignments', targetId: byId(target.id), workspaceId: byId(ws) },
		});
		expect(result.error!.message).toMatch(/400/);
		expect(gong.requests()).toHaveLength(1);
		gong.sandbox.clearRequests();
		gong.sandbox.failNext(1, { status: 503, match: { catalogId: 'targets.uploadAssignments' } });
		const failed = await gong.run({
			input: [csvItem(CSV)],
			parameters: { resource: 'target', operation: 'uploadAssignments', targetId: byId(target.id), workspaceId: byId(ws) },
		});
		expect(failed.error!.message).toMatch(/503/);
		expect(gong.requests()).toHaveLength(1);
	});
});
