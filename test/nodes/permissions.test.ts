import { byId, useGong } from '../helpers';

describe('Permission Profile resource', () => {
	const gong = useGong({ seed: { calls: 5, users: 20 } });

	const workspace = () => gong.sandbox.state.workspaces[0];
	const profilesOf = (wsId: string) => gong.sandbox.state.permissionProfiles.filter((p: any) => p.workspaceId === wsId);
	const publicProfile = (p: any) => {
		const { workspaceId: _ws, ...rest } = JSON.parse(JSON.stringify(p));
		return rest;
	};

	test('Get Many: GET /v2/all-permission-profiles?workspaceId → one item per profile of the workspace', async () => {
		const ws = workspace();
		const result = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'getMany', workspaceId: byId(ws.id) } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/all-permission-profiles');
		expect(req.query).toEqual({ workspaceId: ws.id });
		expect(result.json).toEqual(profilesOf(ws.id).map(publicProfile));
		expect(result.json.length).toBeGreaterThan(1);
		expect(result.items.every((i) => (i.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get: GET /v2/permission-profile?profileId → the profile; an unknown one → 404', async () => {
		const profile = profilesOf(workspace().id)[1];
		const result = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'get', profileId: byId(profile.id) } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().path).toBe('/v2/permission-profile');
		expect(gong.lastRequest().query).toEqual({ profileId: profile.id });
		expect(result.json).toEqual([publicProfile(profile)]);
		expect(result.json[0].id).toBe(profile.id);
		const missing = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'get', profileId: byId('1234567890123456789') } });
		expect(missing.error!.message).toMatch(/404.*Permission profile 1234567890123456789 was not found/);
	});

	test('Get Users: GET /v2/permission-profile/users?profileId → one item per user of the profile', async () => {
		const profile = profilesOf(workspace().id).find((p: any) => gong.sandbox.state.users.some((u: any) => u.permissionProfileId === p.id));
		const members = gong.sandbox.state.users.filter((u: any) => u.permissionProfileId === profile.id);
		const result = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'getUsers', profileId: byId(profile.id) } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().method).toBe('GET');
		expect(gong.lastRequest().path).toBe('/v2/permission-profile/users');
		expect(gong.lastRequest().query).toEqual({ profileId: profile.id });
		expect(result.json.map((u) => u.id)).toEqual(members.map((u: any) => u.id));
		expect(result.json[0]).toEqual({ id: members[0].id, fullName: `${members[0].firstName} ${members[0].lastName}`, emailAddress: members[0].emailAddress });
	});

	test('Create: POST ?workspaceId with name, access levels, library access and granted capabilities', async () => {
		const ws = workspace();
		const leads = gong.sandbox.state.users.slice(0, 2).map((u: any) => u.id);
		const result = await gong.run({
			parameters: {
				resource: 'permissionProfile',
				operation: 'create',
				workspaceId: byId(ws.id),
				name: 'Team Leads',
				additionalFields: {
					description: 'Leads of the sales teams',
					grantCapabilities: ['scoreCalls', 'downloadCallMedia'],
					callsAccessLevel: 'managers-team',
					callsAccessTeamLeadIds: leads,
					forecastAccessLevel: 'report-to-them',
					libraryFolderLevel: 'specific-folders',
					libraryFolderIds: '123, 456',
					manageStreams: true,
					shareFoldersAndStreams: false,
				},
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/permission-profile');
		expect(req.query).toEqual({ workspaceId: ws.id });
		expect(req.body).toEqual({
			name: 'Team Leads',
			description: 'Leads of the sales teams',
			callsAccess: { permissionLevel: 'managers-team', teamLeadIds: leads },
			forecastPermissions: { forecastAccess: { permissionLevel: 'report-to-them' } },
			libraryFolderAccess: { permissionLevel: 'specific-folders', libraryFolderIds: ['123', '456'], manageStreams: true, shareFoldersAndStreams: false },
			scoreCalls: true,
			downloadCallMedia: true,
		});
		const created = gong.sandbox.state.permissionProfiles.find((p: any) => p.name === 'Team Leads');
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toEqual(publicProfile(created));
		expect(result.json[0].id).toMatch(/^\d{19}$/);
		expect(result.json[0].scoreCalls).toBe(true);
		expect(result.json[0].deleteCalls).toBe(false);
	});

	test('Create: JSON body is sent as given; without a name it is refused before sending', async () => {
		const ws = workspace();
		const body = { name: 'From JSON', coachingAccess: { permissionLevel: 'all', teamLeadIds: [] }, coaching: true };
		const ok = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'create', workspaceId: byId(ws.id), bodyInput: 'json', jsonBody: JSON.stringify(body) } });
		expect(ok.error).toBeUndefined();
		expect(gong.lastRequest().body).toEqual(body);
		expect(ok.json[0]).toEqual(expect.objectContaining({ name: 'From JSON', coaching: true }));
		gong.sandbox.clearRequests();
		const noName = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'create', workspaceId: byId(ws.id), bodyInput: 'json', jsonBody: '{"coaching":true}' } });
		expect(noName.error!.message).toMatch(/"JSON Body" \(jsonBody\): "name" is required/);
		const broken = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'create', workspaceId: byId(ws.id), bodyInput: 'json', jsonBody: '{"name": "x",' } });
		expect(broken.error!.message).toMatch(/Parameter "JSON Body" \(jsonBody\): is not valid JSON/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Update with fields: reads the profile, then PUTs it whole with only the chosen changes', async () => {
		const profile = profilesOf(workspace().id).find((p: any) => p.name === 'Manager');
		const before = publicProfile(profile);
		expect(before.deleteCalls).toBe(false);
		expect(before.scoreCalls).toBe(true);
		const result = await gong.run({
			parameters: {
				resource: 'permissionProfile',
				operation: 'update',
				profileId: byId(profile.id),
				additionalFields: { grantCapabilities: ['deleteCalls'], revokeCapabilities: ['scoreCalls'], dealsAccessLevel: 'own' },
			},
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r: any) => [r.method, r.path, r.query])).toEqual([
			['GET', '/v2/permission-profile', { profileId: profile.id }],
			['PUT', '/v2/permission-profile', { profileId: profile.id }],
		]);
		const expected = { ...before, deleteCalls: true, scoreCalls: false, dealsAccess: { ...before.dealsAccess, permissionLevel: 'own' } };
		expect(reqs[1].body).toEqual(expected);
		expect(result.json).toEqual([expected]);
		expect(publicProfile(profile)).toEqual(expected);
	});

	test('Update: nothing to change, or a capability both granted and revoked, is refused before any request', async () => {
		const profile = profilesOf(workspace().id)[0];
		const nothing = await gong.run({ parameters: { resource: 'permissionProfile', operation: 'update', profileId: byId(profile.id) } });
		expect(nothing.error!.message).toMatch(/Nothing to change/);
		const both = await gong.run({
			parameters: { resource: 'permissionProfile', operation: 'update', profileId: byId(profile.id), additionalFields: { grantCapabilities: ['trimCalls'], revokeCapabilities: ['trimCalls'] } },
		});
		expect(both.error!.message).toMatch(/"Capabilities to Grant" and "Capabilities to Revoke" both contain trimCalls/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Update with a JSON body: one PUT with the JSON as given', async () => {
		const profile = profilesOf(workspace().id)[0];
		const result = await gong.run({
			parameters: { resource: 'permissionProfile', operation: 'update', profileId: byId(profile.id), bodyInput: 'json', jsonBody: '{"description":"Renamed by JSON"}' },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(1);
		expect(reqs[0].method).toBe('PUT');
		expect(reqs[0].query).toEqual({ profileId: profile.id });
		expect(reqs[0].body).toEqual({ description: 'Renamed by JSON' });
		expect(result.json[0]).toEqual(expect.objectContaining({ id: profile.id, description: 'Renamed by JSON' }));
	});
});

describe('Integration Settings resource', () => {
	const gong = useGong({ seed: { calls: 5, users: 5 } });

	test('Set Allowed Origins: POST /v2/integration-settings; the int64 integrationId comes out exact as text', async () => {
		const result = await gong.run({
			parameters: {
				resource: 'integrationSettings',
				operation: 'set',
				integrationTypeSettings: {
					values: [
						{ integrationType: 'EMAIL_COMPOSER', allowedOrigin: 'https://acme.partner.example' },
						{ integrationType: 'DIALER', allowedOrigin: ' https://dialer.partner.example:8443 ' },
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/integration-settings');
		expect(req.body).toEqual({
			integrationTypeSettings: [
				{ integrationType: 'EMAIL_COMPOSER', allowedOrigin: 'https://acme.partner.example' },
				{ integrationType: 'DIALER', allowedOrigin: 'https://dialer.partner.example:8443' },
			],
		});
		const id = gong.sandbox.state.integrationSettings.integrationId;
		expect(typeof id).toBe('bigint');
		expect(id > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual({ requestId: expect.any(String), integrationId: id.toString() });
		expect(typeof result.json[0].integrationId).toBe('string');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Set Allowed Origins: an origin with a path, or none at all, is refused before sending', async () => {
		const withPath = await gong.run({
			parameters: { resource: 'integrationSettings', operation: 'set', integrationTypeSettings: { values: [{ integrationType: 'ACCOUNT_PAGES', allowedOrigin: 'https://acme.example/app' }] } },
		});
		expect(withPath.error!.message).toMatch(/Parameter "Allowed Origins 1: Allowed Origin" \(integrationTypeSettings\[0\]\.allowedOrigin\): "https:\/\/acme.example\/app" is not valid — give scheme and host only/);
		const none = await gong.run({ parameters: { resource: 'integrationSettings', operation: 'set', integrationTypeSettings: {} } });
		expect(none.error!.message).toMatch(/Parameter "Allowed Origins" \(integrationTypeSettings\): needs at least one entry/);
		expect(gong.requests()).toHaveLength(0);
	});
});
