import { byId, useGong } from '../helpers';

/**
 * The CRM resource as one flow against one sandbox: register → schema → objects → status →
 * delete. Tests run in file order and build on the integration registered first.
 */
describe('CRM resource', () => {
	const gong = useGong({ seed: { calls: 5, users: 10 } });

	const integrationId = (): string => gong.sandbox.state.crm.integrations[0].integrationId.toString();
	const crm = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'crm', operation, integrationId: byId(integrationId()), ...extra });
	let uploadRequestId = '';

	test('Get Integrations: none registered yet → no items', async () => {
		const result = await gong.run({ parameters: { resource: 'crm', operation: 'getIntegrations' } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().method).toBe('GET');
		expect(gong.lastRequest().path).toBe('/v2/crm/integrations');
		expect(result.items).toHaveLength(0);
	});

	test('Register Integration: PUT /v2/crm/integrations {name, ownerEmail}; the int64 integrationId comes out exact as text', async () => {
		const result = await gong.run({
			parameters: { resource: 'crm', operation: 'registerIntegration', name: 'Acme CRM', ownerEmail: ' ops@acme.example ' },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe('/v2/crm/integrations');
		expect(req.query).toEqual({});
		expect(req.body).toEqual({ name: 'Acme CRM', ownerEmail: 'ops@acme.example' });
		const id = integrationId();
		expect(id.length).toBeGreaterThan(15); // beyond JS number precision
		expect(result.items).toHaveLength(1);
		expect(result.json[0].integrationId).toBe(id);
		expect(result.json[0].requestId).toEqual(expect.any(String));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Register Integration: a second one → Gong 409, a bad owner email is refused before sending', async () => {
		const again = await gong.run({ parameters: { resource: 'crm', operation: 'registerIntegration', name: 'Other', ownerEmail: 'a@b.example' } });
		expect(again.error!.message).toMatch(/409.*An active integration already exists/);
		gong.sandbox.clearRequests();
		const bad = await gong.run({ parameters: { resource: 'crm', operation: 'registerIntegration', name: 'Other', ownerEmail: 'not-an-email' } });
		expect(bad.error!.message).toMatch(/Parameter "Owner Email" \(ownerEmail\): "not-an-email" is not an email address/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Integrations: one item with the exact integrationId', async () => {
		const result = await gong.run({ parameters: { resource: 'crm', operation: 'getIntegrations' } });
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual({ integrationId: integrationId(), ownerEmail: 'ops@acme.example', name: 'Acme CRM' });
	});

	test('Upload Schema: POST /v2/crm/entity-schema with the query ids and a top-level JSON array of fields', async () => {
		const result = await gong.run({
			parameters: crm('uploadSchema', {
				objectType: 'ACCOUNT',
				schemaFields: {
					values: [
						{ uniqueName: 'Industry__c', label: 'Industry', type: 'PICKLIST', orderedValueList: ['Retail', 'Banking'], isDeleted: false, referenceTo: '', lastModified: '' },
						{ uniqueName: 'Parent__c', label: 'Parent', type: 'REFERENCE', referenceTo: 'ACCOUNT', lastModified: '2024-05-01T10:00:00Z' },
						{ uniqueName: 'Old__c', label: 'Old', type: 'STRING', isDeleted: true },
					],
				},
			}),
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/crm/entity-schema');
		expect(req.query).toEqual({ integrationId: integrationId(), objectType: 'ACCOUNT' });
		expect(req.status).toBe(201);
		expect(req.body).toEqual([
			{ uniqueName: 'Industry__c', label: 'Industry', type: 'PICKLIST', orderedValueList: ['Retail', 'Banking'] },
			{ uniqueName: 'Parent__c', label: 'Parent', type: 'REFERENCE', referenceTo: 'ACCOUNT', lastModified: '2024-05-01T10:00:00Z' },
			{ uniqueName: 'Old__c', label: 'Old', type: 'STRING', isDeleted: true },
		]);
		expect(result.items).toHaveLength(1);
		expect(result.json[0].requestId).toEqual(expect.any(String));
	});

	test('Upload Schema: a Reference field without Reference To, or no field at all, is refused before sending', async () => {
		const noRef = await gong.run({
			parameters: crm('uploadSchema', { objectType: 'ACCOUNT', schemaFields: { values: [{ uniqueName: 'X', label: 'X', type: 'REFERENCE' }] } }),
		});
		expect(noRef.error!.message).toMatch(/"Schema Fields 1: Reference To".*required for Reference fields/);
		const noLabel = await gong.run({
			input: [{ json: { label: '' } }],
			parameters: crm('uploadSchema', { objectType: 'ACCOUNT', schemaFields: { values: [{ uniqueName: 'X', label: '={{ $json.label }}', type: 'STRING' }] } }),
		});
		expect(noLabel.error!.message).toMatch(/Parameter "Schema Fields 1: Label" \(schemaFields\[0\]\.label\): is required/);
		const none = await gong.run({ parameters: crm('uploadSchema', { objectType: 'ACCOUNT', schemaFields: {} }) });
		expect(none.error!.message).toMatch(/Parameter "Schema Fields" \(schemaFields\): needs at least one entry/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Upload Schema: JSON body is sent as given; it must be an array of fields', async () => {
		const fields = [{ uniqueName: 'Amount__c', label: 'Amount', type: 'CURRENCY' }];
		const ok = await gong.run({ parameters: crm('uploadSchema', { objectType: 'DEAL', bodyInput: 'json', jsonBody: JSON.stringify(fields) }) });
		expect(ok.error).toBeUndefined();
		expect(gong.lastRequest().query.objectType).toBe('DEAL');
		expect(gong.lastRequest().body).toEqual(fields);
		gong.sandbox.clearRequests();
		const object = await gong.run({ parameters: crm('uploadSchema', { objectType: 'DEAL', bodyInput: 'json', jsonBody: '{"uniqueName":"A"}' }) });
		expect(object.error!.message).toMatch(/"JSON Body" \(jsonBody\): must be a JSON array/);
		const missing = await gong.run({ parameters: crm('uploadSchema', { objectType: 'DEAL', bodyInput: 'json', jsonBody: '[{"uniqueName":"A","type":"STRING"}]' }) });
		expect(missing.error!.message).toMatch(/"JSON Body" \(jsonBody\): "label" is required/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Schema Fields: GET /v2/crm/entity-schema → one item per field, with its object type', async () => {
		const result = await gong.run({ parameters: crm('getSchemaFields', { objectType: 'ACCOUNT' }) });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/crm/entity-schema');
		expect(req.query).toEqual({ integrationId: integrationId(), objectType: 'ACCOUNT' });
		expect(result.json).toEqual([
			{ objectType: 'ACCOUNT', uniqueName: 'Industry__c', label: 'Industry', type: 'PICKLIST', orderedValueList: ['Retail', 'Banking'] },
			{ objectType: 'ACCOUNT', uniqueName: 'Parent__c', label: 'Parent', type: 'REFERENCE', referenceTo: 'ACCOUNT', lastModified: '2024-05-01T10:00:00Z' },
		]);
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Upload Objects from input items: ONE multipart request, one LDJSON line per item, generated clientRequestId, output paired to every item', async () => {
		const input = [
			{ json: { objectId: '001A', modifiedDate: '2024-05-01T10:00:00Z', name: 'Acme', Industry__c: 'Retail' } },
			{ json: { objectId: 1234567, modifiedDate: '2024-05-01T10:00:00Z', name: 'Numeric Id Inc' } },
			{ json: { objectId: '001C', modifiedDate: '2024-05-01T10:00:00Z', name: 'Gamma', isDeleted: false } },
		];
		const result = await gong.run({ input, parameters: crm('uploadObjects', { objectType: 'ACCOUNT', source: 'items' }) });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(1);
		const req = reqs[0];
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/crm/entities');
		expect(req.status).toBe(201);
		expect(req.query.integrationId).toBe(integrationId());
		expect(req.query.objectType).toBe('ACCOUNT');
		expect(req.query.clientRequestId).toMatch(/^n8n-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(req.multipart).toHaveLength(1);
		const part = req.multipart[0];
		expect(part.name).toBe('dataFile');
		expect(part.fileName).toBe('crm-objects.ldjson');
		const lines = part.data.toString('utf8').trim().split('\n').map((l: string) => JSON.parse(l));
		expect(lines).toEqual([input[0].json, { ...input[1].json, objectId: '1234567' }, input[2].json]);
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual({
			requestId: expect.any(String),
			clientRequestId: req.query.clientRequestId,
			integrationId: integrationId(),
			objectType: 'ACCOUNT',
			objectCount: 3,
		});
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(Object.keys(gong.sandbox.state.crm.objects[`${integrationId()}:ACCOUNT`]).sort()).toEqual(['001A', '001C', '1234567']);
		uploadRequestId = req.query.clientRequestId;
	});

	test('Upload Objects: an item without objectId is refused before sending, naming the item', async () => {
		const result = await gong.run({
			input: [{ json: { objectId: 'ok-1' } }, { json: { name: 'no id' } }],
			parameters: crm('uploadObjects', { objectType: 'CONTACT', source: 'items' }),
		});
		expect(result.error!.message).toMatch(/Input item 2: "objectId" must be the object's CRM ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Upload Objects: a client request ID with bad characters is refused before sending; a reused one → Gong 409', async () => {
		const bad = await gong.run({ input: [{ json: { objectId: 'a' } }], parameters: crm('uploadObjects', { objectType: 'LEAD', source: 'items', options: { clientRequestId: 'has space' } }) });
		expect(bad.error!.message).toMatch(/Parameter "Client Request ID" \(clientRequestId\): "has space" is not valid/);
		expect(gong.requests()).toHaveLength(0);
		const reused = await gong.run({ input: [{ json: { objectId: 'a' } }], parameters: crm('uploadObjects', { objectType: 'LEAD', source: 'items', options: { clientRequestId: uploadRequestId } }) });
		expect(reused.error!.message).toMatch(/409.*Client request id has already been used/);
		expect(gong.lastRequest().query.clientRequestId).toBe(uploadRequestId);
	});

	test('Upload Objects from a binary file: one upload per input item, the file sent unchanged, paired to its item', async () => {
		const fileA = '{"objectId":"003X","modifiedDate":"2024-05-02T10:00:00Z","emailAddress":"x@acme.example"}\n{"objectId":"003Y","modifiedDate":"2024-05-02T10:00:00Z"}\n';
		const fileB = '{"objectId":"003Z","modifiedDate":"2024-05-02T10:00:00Z"}';
		const binary = (text: string, fileName: string) => ({ file: { data: Buffer.from(text).toString('base64'), mimeType: 'application/x-ndjson', fileName } });
		const result = await gong.run({
			input: [{ json: {}, binary: binary(fileA, 'a.ldjson') }, { json: {}, binary: binary(fileB, 'b.ldjson') }],
			parameters: crm('uploadObjects', { objectType: 'CONTACT', source: 'binary', binaryPropertyName: 'file', options: { clientRequestId: '={{ "bin-" + $itemIndex }}' } }),
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(2);
		expect(reqs.map((r: any) => r.query.clientRequestId)).toEqual(['bin-0', 'bin-1']);
		expect(reqs[0].multipart[0]).toEqual(expect.objectContaining({ name: 'dataFile', fileName: 'a.ldjson', contentType: 'application/x-ndjson' }));
		expect(reqs[0].multipart[0].data.toString('utf8')).toBe(fileA);
		expect(reqs[1].multipart[0].data.toString('utf8')).toBe(fileB);
		expect(result.json.map((j) => [j.clientRequestId, j.objectCount])).toEqual([
			['bin-0', 2],
			['bin-1', 1],
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Upload Objects from a binary file: a line that is not a JSON object, or a missing property, fails before sending', async () => {
		const result = await gong.run({
			input: [{ json: {}, binary: { data: { data: Buffer.from('{"objectId":"a"}\nnot json\n').toString('base64'), mimeType: 'text/plain' } } }],
			parameters: crm('uploadObjects', { objectType: 'CONTACT', source: 'binary', binaryPropertyName: 'data' }),
		});
		expect(result.error!.message).toMatch(/line 2 of the file is not a JSON object/);
		const missing = await gong.run({ input: [{ json: {} }], parameters: crm('uploadObjects', { objectType: 'CONTACT', source: 'binary', binaryPropertyName: 'data' }) });
		expect(missing.error!.message).toMatch(/binary/i);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Objects: GET /v2/crm/entities with objectsCrmIds in the query → one item per id, null when unknown', async () => {
		const result = await gong.run({ parameters: crm('getObjects', { objectType: 'ACCOUNT', objectsCrmIds: ['001A', '001-unknown'] }) });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/crm/entities');
		expect(req.query).toEqual({ integrationId: integrationId(), objectType: 'ACCOUNT', objectsCrmIds: ['001A', '001-unknown'] });
		expect(req.rawBody).toBe('');
		expect(result.json).toEqual([
			{ crmId: '001A', object: expect.objectContaining({ objectId: '001A', name: 'Acme', Industry__c: 'Retail' }) },
			{ crmId: '001-unknown', object: null },
		]);
	});

	test('Get Objects: more than 100 ids are refused before sending', async () => {
		const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`).join(',');
		const result = await gong.run({ parameters: crm('getObjects', { objectType: 'ACCOUNT', objectsCrmIds: ids }) });
		expect(result.error!.message).toMatch(/Parameter "CRM Object IDs" \(objectsCrmIds\): 101 values given, Gong accepts at most 100/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Request Status: GET /v2/crm/request-status for the upload → DONE with counts', async () => {
		const result = await gong.run({ parameters: crm('getRequestStatus', { clientRequestId: uploadRequestId }) });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/crm/request-status');
		expect(req.query).toEqual({ integrationId: integrationId(), clientRequestId: uploadRequestId });
		expect(result.json).toEqual([expect.objectContaining({ status: 'DONE', totalSuccessCount: 3, totalErrorCount: 0, errors: [] })]);
	});

	test('Delete Integration: DELETE with integrationId and a generated clientRequestId in the query; the integration is gone', async () => {
		const id = integrationId();
		const result = await gong.run({ parameters: crm('deleteIntegration') });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('DELETE');
		expect(req.path).toBe('/v2/crm/integrations');
		expect(req.query.integrationId).toBe(id);
		expect(req.query.clientRequestId).toMatch(/^n8n-[0-9a-f-]{36}$/);
		expect(req.rawBody).toBe('');
		expect(result.json).toEqual([{ requestId: expect.any(String), clientRequestId: req.query.clientRequestId }]);
		expect(gong.sandbox.state.crm.integrations).toHaveLength(0);
		const status = await gong.run({ parameters: { resource: 'crm', operation: 'getRequestStatus', integrationId: byId(id), clientRequestId: req.query.clientRequestId } });
		expect(status.json[0].status).toBe('DONE');
	});
});
