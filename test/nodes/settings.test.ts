import { byId, useGong } from '../helpers';

describe('Settings-like resources: scorecard, tracker, brief, workspace, library, audit log, coaching, call outcome, AI', () => {
	const gong = useGong({ seed: { calls: 80, users: 14 }, pageSize: 10 });

	const ws = (k: number) => gong.sandbox.state.workspaces[k];

	test('Scorecard → Get Many: GET /v2/settings/scorecards, one item per scorecard, int64 ids exact as strings', async () => {
		const cards = gong.sandbox.state.scorecards;
		const result = await gong.run({ parameters: { resource: 'scorecard', operation: 'getMany' } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/settings/scorecards');
		expect(req.query).toEqual({});
		expect(result.items).toHaveLength(cards.length);
		expect(result.json.map((c) => c.scorecardId)).toEqual(cards.map((c: any) => c.scorecardId.toString()));
		expect(result.json[0].workspaceId).toBe(ws(0).id);
		expect((result.json[0].questions as any[])[0].questionId).toBe(cards[0].questions[0].questionId.toString());
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Scorecard → Get Many: the Workspace filter is applied to Gong\'s answer (Gong has no such parameter)', async () => {
		const other = await gong.run({ parameters: { resource: 'scorecard', operation: 'getMany', filters: { workspaceId: byId(ws(1).id) } } });
		expect(other.error).toBeUndefined();
		expect(other.items).toHaveLength(0);
		const own = await gong.run({ parameters: { resource: 'scorecard', operation: 'getMany', filters: { workspaceId: byId(ws(0).id) } } });
		expect(own.items).toHaveLength(gong.sandbox.state.scorecards.length);
		expect(gong.requests().map((r) => r.query)).toEqual([{}, {}]);
	});

	test('Tracker → Get Many: GET /v2/settings/trackers, optional workspaceId in the query; unknown workspace → 404 error', async () => {
		const all = await gong.run({ parameters: { resource: 'tracker', operation: 'getMany' } });
		expect(all.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe('/v2/settings/trackers');
		expect(gong.lastRequest().query).toEqual({});
		expect(all.items).toHaveLength(gong.sandbox.state.trackers.length);
		const one = await gong.run({ parameters: { resource: 'tracker', operation: 'getMany', filters: { workspaceId: byId(ws(1).id) } } });
		expect(gong.lastRequest().query).toEqual({ workspaceId: ws(1).id });
		const expected = gong.sandbox.state.trackers.filter((t: any) => t.workspaceId === ws(1).id);
		expect(one.json.map((t) => t.trackerId)).toEqual(expected.map((t: any) => t.trackerId));
		expect(one.json[0]).toMatchObject({ trackerName: expected[0].trackerName, languageKeywords: expected[0].languageKeywords });
		const unknown = await gong.run({ parameters: { resource: 'tracker', operation: 'getMany', filters: { workspaceId: byId('123456') } } });
		expect(unknown.error!.message).toMatch(/404.*Workspace not found/);
	});

	test('Brief → Get Many: GET /v2/settings/briefs with optional workspaceId', async () => {
		const result = await gong.run({ parameters: { resource: 'brief', operation: 'getMany', filters: { workspaceId: byId(ws(0).id) } } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.path).toBe('/v2/settings/briefs');
		expect(req.query).toEqual({ workspaceId: ws(0).id });
		expect(result.json.map((b) => b.briefName)).toEqual(['Account Brief', 'Deal Brief']);
		expect(result.json.every((b) => b.workspaceId === ws(0).id)).toBe(true);
		const all = await gong.run({ parameters: { resource: 'brief', operation: 'getMany' } });
		expect(all.items).toHaveLength(gong.sandbox.state.briefs.length);
	});

	test('Workspace → Get Many: GET /v2/workspaces, one item per workspace', async () => {
		const result = await gong.run({ parameters: { resource: 'workspace', operation: 'getMany' } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe('/v2/workspaces');
		expect(gong.lastRequest().query).toEqual({});
		expect(result.json).toEqual(gong.sandbox.state.workspaces.map((w: any) => ({ id: w.id, name: w.name, description: w.description })));
		expect(result.items.map((i) => i.pairedItem)).toEqual(result.items.map(() => ({ item: 0 })));
	});

	test('Library → Get Folders: GET /v2/library/folders, public folders only; none (404) → no items', async () => {
		const publicFolders = gong.sandbox.state.library.folders.filter((f: any) => f.visibility === 'public');
		const all = await gong.run({ parameters: { resource: 'library', operation: 'getFolders' } });
		expect(all.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe('/v2/library/folders');
		expect(all.json.map((f) => f.id)).toEqual(publicFolders.map((f: any) => f.id));
		const one = await gong.run({ parameters: { resource: 'library', operation: 'getFolders', filters: { workspaceId: byId(ws(1).id) } } });
		expect(gong.lastRequest().query).toEqual({ workspaceId: ws(1).id });
		expect(one.items).toHaveLength(publicFolders.filter((f: any) => f.workspaceId === ws(1).id).length);
		const none = await gong.run({ parameters: { resource: 'library', operation: 'getFolders', filters: { workspaceId: byId(ws(2).id) } } });
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
		expect(gong.lastRequest().status).toBe(404);
	});

	test('Library → Get Folder Content: GET /v2/library/folder-content?folderId, one item per call with the folder', async () => {
		const folder = gong.sandbox.state.library.folders.find((f: any) => f.visibility === 'public' && f.calls.length >= 2);
		const result = await gong.run({ parameters: { resource: 'library', operation: 'getFolderContent', folderId: byId(folder.id) } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/library/folder-content');
		expect(req.query).toEqual({ folderId: folder.id });
		expect(result.items).toHaveLength(folder.calls.length);
		expect(result.json.map((c) => c.id)).toEqual(folder.calls.map((c: any) => c.callId));
		expect(result.json[0]).toMatchObject({ folderId: folder.id, folderName: folder.name, url: expect.stringContaining(folder.calls[0].callId) });
		const hidden = gong.sandbox.state.library.folders.find((f: any) => f.visibility === 'private');
		const refused = await gong.run({ parameters: { resource: 'library', operation: 'getFolderContent', folderId: byId(hidden.id) } });
		expect(refused.error!.message).toMatch(/404/);
	});

	test('Audit Log → Get Many: GET /v2/logs with logType and range, cursor in the query, Return All and Limit', async () => {
		const logs = gong.sandbox.state.logs.filter((l: any) => l.logType === 'UserCallPlay');
		const from = '2025-01-01T00:00:00Z';
		const result = await gong.run({ parameters: { resource: 'auditLog', operation: 'getMany', logType: 'UserCallPlay', fromDateTime: from, returnAll: true } });
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(Math.ceil(logs.length / 10));
		expect(reqs[0].path).toBe('/v2/logs');
		expect(reqs[0].query).toEqual({ logType: 'UserCallPlay', fromDateTime: from });
		expect(reqs[1].query).toEqual({ logType: 'UserCallPlay', fromDateTime: from, cursor: expect.any(String) });
		expect(result.items).toHaveLength(logs.length);
		expect(result.json[0]).toMatchObject({ userId: logs[0].userId, eventTime: logs[0].eventTime, logRecord: logs[0].logRecord });

		gong.sandbox.clearRequests();
		const some = await gong.run({
			parameters: { resource: 'auditLog', operation: 'getMany', logType: 'AccessLog', fromDateTime: from, filters: { toDateTime: '2025-04-01T00:00:00Z' }, returnAll: false, limit: 4 },
		});
		expect(some.items).toHaveLength(4);
		expect(gong.requests()).toHaveLength(1);
		expect(gong.lastRequest().query).toEqual({ logType: 'AccessLog', fromDateTime: from, toDateTime: '2025-04-01T00:00:00Z' });
	});

	test('Audit Log → Get Many: an empty period (404) → no items; an unknown log type is refused before sending', async () => {
		const empty = await gong.run({ parameters: { resource: 'auditLog', operation: 'getMany', logType: 'AccessLog', fromDateTime: '2019-01-01T00:00:00Z', filters: { toDateTime: '2019-02-01T00:00:00Z' }, returnAll: true } });
		expect(empty.error).toBeUndefined();
		expect(empty.items).toHaveLength(0);
		gong.sandbox.clearRequests();
		const bad = await gong.run({ parameters: { resource: 'auditLog', operation: 'getMany', logType: '={{ "LoginLog" }}', fromDateTime: '2025-01-01T00:00:00Z' } });
		expect(bad.error!.message).toMatch(/Parameter "Log Type" \(logType\): "LoginLog" is not one of/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Coaching → Get Metrics: GET /v2/coaching with kebab-case workspace-id and manager-id, from and to', async () => {
		const manager = gong.sandbox.state.users[1];
		const result = await gong.run({
			parameters: { resource: 'coaching', operation: 'getMetrics', workspaceId: byId(ws(0).id), managerId: byId(manager.id), fromDateTime: '2025-01-01T00:00:00Z', toDateTime: '2025-04-01T00:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/coaching');
		expect(req.query).toEqual({ 'workspace-id': ws(0).id, 'manager-id': manager.id, from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z' });
		expect(result.items).toHaveLength(1);
		expect((result.json[0].manager as any).id).toBe(manager.id);
		const reports = gong.sandbox.state.users.filter((u: any) => u.managerId === manager.id && u.workspaceIds.includes(ws(0).id));
		expect((result.json[0].directReportsMetrics as any[]).map((r) => r.report.id)).toEqual(reports.map((u: any) => u.id));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Coaching → Get Metrics: a missing manager or a reversed range is refused before sending', async () => {
		const base = { resource: 'coaching', operation: 'getMetrics', workspaceId: byId(ws(0).id), fromDateTime: '2025-01-01T00:00:00Z', toDateTime: '2025-04-01T00:00:00Z' };
		const noManager = await gong.run({ input: [{ json: { manager: '' } }], parameters: { ...base, managerId: byId('={{ $json.manager }}') } });
		expect(noManager.error!.message).toMatch(/Parameter "Manager" \(managerId\): is required/);
		const reversed = await gong.run({ parameters: { ...base, managerId: byId(gong.sandbox.state.users[1].id), fromDateTime: '2025-05-01T00:00:00Z' } });
		expect(reversed.error!.message).toMatch(/Parameter "From" \(fromDateTime\).*must be before "To"/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Call Outcome → Get Many: GET /v2/call-outcomes, one item per outcome', async () => {
		const result = await gong.run({ parameters: { resource: 'callOutcome', operation: 'getMany' } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe('/v2/call-outcomes');
		expect(gong.lastRequest().query).toEqual({});
		expect(result.json).toEqual(gong.sandbox.state.callOutcomes);
	});

	const entity = () => gong.sandbox.state.accounts.find((a: any) => gong.sandbox.state.calls.some((c: any) => c.accountName === a.name && c.workspaceId === ws(0).id));

	test('AI → Get Brief: GET /v2/entities/get-brief with the query; one item with the brief sections', async () => {
		const account = entity();
		const result = await gong.run({
			parameters: { resource: 'ai', operation: 'getBrief', workspaceId: byId(ws(0).id), briefName: 'Account Brief', crmEntityType: 'ACCOUNT', crmEntityId: account.accountCrmId, timePeriod: 'ALL_CONVERSATIONS' },
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/entities/get-brief');
		expect(req.query).toEqual({ workspaceId: ws(0).id, briefName: 'Account Brief', crmEntityType: 'ACCOUNT', crmEntityId: account.accountCrmId, timePeriod: 'ALL_CONVERSATIONS' });
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ requestId: expect.any(String), numOfCallsSearched: expect.any(Number), briefSections: expect.any(Array) });
		expect(result.json[0].numOfCallsSearched).toBeGreaterThan(0);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('AI → Ask: GET /v2/entities/ask-entity with a custom range and the question', async () => {
		const account = entity();
		const result = await gong.run({
			parameters: {
				resource: 'ai',
				operation: 'ask',
				workspaceId: byId(ws(0).id),
				crmEntityType: 'DEAL',
				crmEntityId: account.opportunityCrmId,
				timePeriod: 'CUSTOM_RANGE',
				fromDateTime: '2025-01-01T00:00:00Z',
				options: { toDateTime: '2025-04-01T00:00:00Z' },
				question: 'What does the customer need before signing?',
			},
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe('/v2/entities/ask-entity');
		expect(gong.lastRequest().query).toEqual({
			workspaceId: ws(0).id,
			crmEntityType: 'DEAL',
			crmEntityId: account.opportunityCrmId,
			timePeriod: 'CUSTOM_RANGE',
			fromDateTime: '2025-01-01T00:00:00Z',
			toDateTime: '2025-04-01T00:00:00Z',
			question: 'What does the customer need before signing?',
		});
		expect(result.items).toHaveLength(1);
		expect((result.json[0].answer as any[])[0].answerItems[0]).toMatch(/SSO/);
	});

	test('AI: Custom Range needs From, To needs Custom Range — refused before sending', async () => {
		const base = { resource: 'ai', operation: 'ask', workspaceId: byId(ws(0).id), crmEntityType: 'ACCOUNT', crmEntityId: 'x', question: 'Why?' };
		const noFrom = await gong.run({ input: [{ json: { from: '' } }], parameters: { ...base, timePeriod: 'CUSTOM_RANGE', fromDateTime: '={{ $json.from }}' } });
		expect(noFrom.error!.message).toMatch(/Parameter "From" \(fromDateTime\): is required/);
		const typed = await gong.run({ parameters: { ...base, timePeriod: 'CUSTOM_RANGE' } });
		expect(typed.error!.message).toMatch(/workflow has issues/);
		const toOnly = await gong.run({ parameters: { ...base, timePeriod: 'LAST_30DAYS', options: { toDateTime: '2025-04-01T00:00:00Z' } } });
		expect(toOnly.error!.message).toMatch(/Parameter "To" \(toDateTime\): only used with Time Period "Custom Range"/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('AI: out of credits → 402 error that explains credits; not retried', async () => {
		gong.sandbox.configure({ entitiesPaymentRequired: true });
		try {
			const result = await gong.run({
				parameters: { resource: 'ai', operation: 'getBrief', workspaceId: byId(ws(0).id), briefName: 'Account Brief', crmEntityType: 'ACCOUNT', crmEntityId: entity().accountCrmId, timePeriod: 'LAST_90DAYS' },
			});
			expect(result.error!.message).toMatch(/402/);
			expect(result.error!.description).toMatch(/credits/);
			expect(gong.requests()).toHaveLength(1);
		} finally {
			gong.sandbox.configure({ entitiesPaymentRequired: false });
		}
	});
});
