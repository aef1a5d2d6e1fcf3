/**
 * The importable workflows in examples/: valid n8n export JSON, loadable as an n8n-workflow
 * `Workflow` with this package's node types, and every parameter of every Gong node exists in the
 * current node version for its resource/operation (names, option values, collection keys,
 * resource-locator modes) with no required parameter missing. The checker itself is tested
 * with broken workflows built in memory.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INode, INodeProperties, INodePropertyCollection, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { useGong } from './helpers';

const { loadSources, sandboxCredentials } = require('./harness');
const { createWebhookHarness } = require('./harness/webhook');
const { createWebhookEngine, callDataFromSandbox } = require('./sandbox/webhooks');

const { DirectoryLoader } = require('n8n-core');

const EXAMPLES = path.resolve(__dirname, '../examples');
const WEBHOOK_TYPE = 'n8n-nodes-gong.gongWebhookTrigger';
/** Parameters an example leaves empty on purpose: the user pastes them (the webhook's public key from Gong's rule editor). */
const USER_SUPPLIED: Record<string, string[]> = { 'n8n-nodes-gong.gongWebhookTrigger': ['publicKey'] };
const GONG_TYPES = ['n8n-nodes-gong.gong', 'n8n-nodes-gong.gongTrigger', 'n8n-nodes-gong.gongWebhookTrigger'];
/** Nodes whose Gong credential is optional (the webhook trigger needs one only to enrich deliveries). */
const CREDENTIAL_OPTIONAL = ['n8n-nodes-gong.gongWebhookTrigger'];

/** This package's node types from the sources, with n8n's special parameters (Poll Times) applied as n8n does. */
function packageNodeTypes(): Record<string, INodeType> {
	const { nodeTypes } = loadSources();
	for (const type of Object.values(nodeTypes) as INodeType[]) DirectoryLoader.prototype.applySpecialNodeParameters.call(null, type);
	return nodeTypes;
}

/** Stand-in for n8n's own nodes (not installed here): only their connections are checked. */
function stubType(name: string): INodeType {
	const trigger = /trigger$/i.test(name);
	return {
		description: {
			displayName: name,
			name,
			group: trigger ? ['trigger'] : ['transform'],
			version: [1, 1.1, 1.2, 2, 3, 3.4],
			description: 'stub',
			defaults: { name },
			inputs: trigger ? [] : ['main'],
			outputs: ['main'],
			properties: [],
		} as unknown as INodeTypeDescription,
	};
}

const isExpression = (v: unknown) => typeof v === 'string' && v.startsWith('=');

/**
 * Problems with the parameters of one Gong node: unknown names, names not shown for the chosen
 * resource/operation, invalid option values, unknown keys inside collections and fixed
 * collections, unknown resource-locator modes, missing required parameters.
 */
export function checkNodeParameters(node: INode, nodeType: INodeType): string[] {
	const desc = nodeType.description;
	const problems: string[] = [];
	const full = NodeHelpers.getNodeParameters(desc.properties, node.parameters, true, false, node, desc) ?? {};

	const checkValue = (prop: INodeProperties, value: unknown, where: string) => {
		if (value === undefined || value === null || isExpression(value)) return;
		switch (prop.type) {
			case 'options': {
				if (prop.typeOptions?.loadOptionsMethod) return;
				const allowed = (prop.options ?? []).map((o) => (o as { value: unknown }).value);
				if (!allowed.includes(value as string)) problems.push(`${where}: "${String(value)}" is not one of ${allowed.join(', ')}`);
				return;
			}
			case 'multiOptions': {
				if (prop.typeOptions?.loadOptionsMethod) return;
				const allowed = (prop.options ?? []).map((o) => (o as { value: unknown }).value);
				for (const v of Array.isArray(value) ? value : [value]) if (!isExpression(v) && !allowed.includes(v)) problems.push(`${where}: "${String(v)}" is not one of ${allowed.join(', ')}`);
				return;
			}
			case 'boolean':
				if (typeof value !== 'boolean') problems.push(`${where}: expected true or false`);
				return;
			case 'number':
				if (typeof value !== 'number') problems.push(`${where}: expected a number`);
				return;
			case 'resourceLocator': {
				const rl = value as { __rl?: boolean; mode?: string };
				const modes = (prop.modes ?? []).map((m) => m.name);
				if (typeof value !== 'object' || !rl.mode || !modes.includes(rl.mode)) problems.push(`${where}: expected a resource locator with mode ${modes.join(' / ')}`);
				return;
			}
			case 'collection': {
				if (typeof value !== 'object' || Array.isArray(value)) {
					problems.push(`${where}: expected an object`);
					return;
				}
				const options = (prop.options ?? []) as INodeProperties[];
				for (const [key, inner] of Object.entries(value as object)) {
					const option = options.find((o) => o.name === key);
					if (!option) problems.push(`${where}.${key}: no such option (allowed: ${options.map((o) => o.name).join(', ')})`);
					else checkValue(option, inner, `${where}.${key}`);
				}
				return;
			}
			case 'fixedCollection': {
				if (typeof value !== 'object' || Array.isArray(value)) {
					problems.push(`${where}: expected an object`);
					return;
				}
				const groups = (prop.options ?? []) as INodePropertyCollection[];
				for (const [key, entries] of Object.entries(value as object)) {
					const group = groups.find((g) => g.name === key);
					if (!group) {
						problems.push(`${where}.${key}: no such group (allowed: ${groups.map((g) => g.name).join(', ')})`);
						continue;
					}
					const list = Array.isArray(entries) ? entries : [entries];
					if (Array.isArray(entries) !== Boolean(prop.typeOptions?.multipleValues)) problems.push(`${where}.${key}: ${prop.typeOptions?.multipleValues ? 'expected a list' : 'expected one object'}`);
					list.forEach((entry: Record<string, unknown>, k: number) => {
						for (const [field, inner] of Object.entries(entry ?? {})) {
							const sub = group.values.find((v) => v.name === field);
							if (!sub) problems.push(`${where}.${key}[${k}].${field}: no such field (allowed: ${group.values.map((v) => v.name).join(', ')})`);
							else checkValue(sub, inner, `${where}.${key}[${k}].${field}`);
						}
					});
				}
				return;
			}
			default:
				if (prop.typeOptions?.multipleValues && !Array.isArray(value)) problems.push(`${where}: expected a list of values`);
		}
	};

	for (const [name, value] of Object.entries(node.parameters)) {
		const candidates = desc.properties.filter((p) => p.name === name);
		if (!candidates.length) {
			problems.push(`${name}: no such parameter in ${node.type}`);
			continue;
		}
		const shown = candidates.filter((p) => NodeHelpers.displayParameter(full, p, node, desc));
		if (!shown.length) {
			problems.push(`${name}: not a parameter of ${['resource', 'operation'].map((k) => String(full[k] ?? '')).filter(Boolean).join(' → ') || 'this node'}`);
			continue;
		}
		// Several definitions may share a name (one per operation); the value must fit one of them.
		const before = problems.length;
		const found: string[][] = shown.map((prop) => {
			problems.length = before;
			checkValue(prop, value, name);
			return problems.splice(before);
		});
		const best = found.find((list) => list.length === 0) ?? found[0];
		problems.push(...best);
	}

	const issues = NodeHelpers.getNodeParametersIssues(desc.properties, { ...node, parameters: full }, desc);
	for (const [name, messages] of Object.entries(issues?.parameters ?? {})) problems.push(`${name}: ${messages.join('; ')}`);
	return problems;
}

/** Structural checks plus the Gong parameter check, for one workflow export. */
function checkWorkflow(data: any, nodeTypes: Record<string, INodeType>): string[] {
	const problems: string[] = [];
	if (!Array.isArray(data.nodes) || typeof data.connections !== 'object') return ['not an n8n workflow export (nodes, connections)'];
	const names = new Set<string>();
	for (const node of data.nodes as INode[]) {
		if (names.has(node.name)) problems.push(`duplicate node name ${node.name}`);
		names.add(node.name);
		for (const key of ['id', 'name', 'type', 'typeVersion', 'position', 'parameters']) if ((node as any)[key] === undefined) problems.push(`${node.name}: missing ${key}`);
	}
	for (const [from, outputs] of Object.entries<any>(data.connections)) {
		if (!names.has(from)) problems.push(`connection from unknown node ${from}`);
		for (const list of outputs.main ?? []) for (const c of list ?? []) if (!names.has(c.node)) problems.push(`connection to unknown node ${c.node}`);
	}
	const types: Record<string, INodeType> = { ...nodeTypes };
	for (const node of data.nodes as INode[]) if (!types[node.type]) types[node.type] = stubType(node.type);
	const provider = {
		getByName: (name: string) => types[name],
		getByNameAndVersion: (name: string) => types[name],
		getKnownTypes: () => ({}),
	};
	// n8n's Workflow normalises the nodes' parameters in place (drops unknown ones): give it a copy.
	const workflow = new Workflow({ id: 'example', name: data.name, nodes: structuredClone(data.nodes), connections: structuredClone(data.connections), active: false, nodeTypes: provider as any, settings: data.settings });
	for (const node of data.nodes as INode[]) {
		if (!GONG_TYPES.includes(node.type)) continue;
		if (node.typeVersion !== 1) problems.push(`${node.name}: typeVersion ${node.typeVersion}, the package has version 1`);
		const cred = (node.credentials ?? {}) as Record<string, { name?: string }>;
		const auth = node.parameters.authentication ?? 'accessKey';
		const credType = auth === 'oAuth2' ? 'gongCommunityOAuth2Api' : 'gongCommunityApi';
		const needsCredential = !CREDENTIAL_OPTIONAL.includes(node.type) || Object.keys(cred).length > 0;
		if (needsCredential && !cred[credType]?.name) problems.push(`${node.name}: no ${credType} credential (by name)`);
		const nodeType = types[node.type];
		for (const p of checkNodeParameters(node, nodeType)) {
			// what the user pastes from Gong (npm run dev fills a sandbox key in on import)
			if ((USER_SUPPLIED[node.type] ?? []).some((name) => p.startsWith(`${name}: `) && p.endsWith('is required.'))) continue;
			problems.push(`${node.name}: ${p}`);
		}
		const parents = workflow.getParentNodes(node.name);
		const isTrigger = nodeType.description.group.includes('trigger');
		if (!isTrigger && !parents.length) problems.push(`${node.name}: not connected to a trigger`);
	}
	return problems;
}

describe('examples/', () => {
	const nodeTypes = packageNodeTypes();
	const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

	test('there are examples for the four use cases', () => {
		expect(files).toEqual(expect.arrayContaining(['create-meeting.json', 'erase-data-for-email.json', 'new-call-readable-transcript-llm-prompt.json', 'weekly-activity-stats-table.json']));
	});

	test.each(files)('%s: valid n8n workflow, every Gong parameter exists for its resource/operation', (file) => {
		const data = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
		expect(typeof data.name).toBe('string');
		expect(data.settings).toEqual({ executionOrder: 'v1' });
		expect(data.nodes.some((n: INode) => GONG_TYPES.includes(n.type))).toBe(true);
		expect(checkWorkflow(data, nodeTypes)).toEqual([]);
	});

	test('the LLM example uses the readable transcript and the trigger waits for transcripts', () => {
		const data = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'new-call-readable-transcript-llm-prompt.json'), 'utf8'));
		const transcript = data.nodes.find((n: INode) => n.parameters.operation === 'getTranscripts');
		expect(transcript.parameters.options.outputFormat).toBe('readable');
		const trigger = data.nodes.find((n: INode) => n.type === 'n8n-nodes-gong.gongTrigger');
		expect(trigger.parameters.options.waitForTranscript).toBe(true);
		const set = data.nodes.find((n: INode) => n.type === 'n8n-nodes-base.set');
		expect(JSON.stringify(set.parameters)).toContain('$json.text');
		expect(data.connections[transcript.name].main[0][0].node).toBe(set.name);
	});

	describe('the checker', () => {
		const example = () => JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'new-call-readable-transcript-llm-prompt.json'), 'utf8'));
		const gongNode = (data: any, op = 'getTranscripts') => data.nodes.find((n: INode) => n.parameters.operation === op);

		test('an unknown top-level parameter fails', () => {
			const data = example();
			gongNode(data).parameters.callIdz = ['1'];
			expect(checkWorkflow(data, nodeTypes)).toEqual([expect.stringMatching(/Get Readable Transcript: callIdz: no such parameter/)]);
		});

		test('a parameter of another operation fails', () => {
			const data = example();
			gongNode(data).parameters.fromDateTime = '2025-01-01T00:00:00Z'; // top-level only in Call → Get Many
			expect(checkWorkflow(data, nodeTypes)).toEqual([expect.stringMatching(/fromDateTime: not a parameter of call → getTranscripts/)]);
		});

		test('unknown keys and values inside collections fail', () => {
			const data = example();
			gongNode(data).parameters.options = { outputFormat: 'pretty', simplify: true };
			expect(checkWorkflow(data, nodeTypes)).toEqual([
				expect.stringMatching(/options\.outputFormat: "pretty" is not one of raw, readable/),
				expect.stringMatching(/options\.simplify: no such option/),
			]);
		});

		test('an unknown operation or resource fails', () => {
			const data = example();
			gongNode(data).parameters.operation = 'getTranscript';
			expect(checkWorkflow(data, nodeTypes).join('\n')).toMatch(/operation: "getTranscript" is not one of/);
			const other = example();
			gongNode(other).parameters.resource = 'calls';
			expect(checkWorkflow(other, nodeTypes).join('\n')).toMatch(/resource: "calls" is not one of/);
		});

		test('trigger parameters are checked too, including n8n\'s Poll Times', () => {
			const data = example();
			const trigger = data.nodes.find((n: INode) => n.type === 'n8n-nodes-gong.gongTrigger');
			trigger.parameters.lookbackDays = 2;
			trigger.parameters.pollTimes = { item: [{ mode: 'everyFortnight' }] };
			expect(checkWorkflow(data, nodeTypes)).toEqual([
				expect.stringMatching(/New Gong Call: pollTimes\.item\[0\]\.mode: "everyFortnight" is not one of/),
				expect.stringMatching(/New Gong Call: lookbackDays: no such parameter/),
			]);
		});

		test('a missing required parameter, a fixed-collection typo, a bad locator mode and a missing credential fail', () => {
			const meeting = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'create-meeting.json'), 'utf8'));
			const node = gongNode(meeting, 'create');
			delete node.parameters.organizerEmail;
			node.parameters.invitees.values[0].mail = 'x@example.com';
			delete node.credentials;
			const problems = checkWorkflow(meeting, nodeTypes).join('\n');
			expect(problems).toMatch(/invitees\.values\[0\]\.mail: no such field/);
			expect(problems).toMatch(/organizerEmail: .*required/i);
			expect(problems).toMatch(/no gongCommunityApi credential/);

			const data = example();
			gongNode(data).parameters.filters = { workspaceId: { __rl: true, mode: 'name', value: 'Sales' } };
			expect(checkWorkflow(data, nodeTypes).join('\n')).toMatch(/filters\.workspaceId: expected a resource locator with mode list \/ id/);
		});

		test('broken connections fail', () => {
			const data = example();
			data.connections['Get Readable Transcript'].main[0][0].node = 'Nowhere';
			expect(checkWorkflow(data, nodeTypes).join('\n')).toMatch(/connection to unknown node Nowhere/);
		});
	});
});

describe('examples/ against the sandbox', () => {
	const gong = useGong({ seed: { calls: 60, users: 20 } });
	const load = (file: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	const gongNode = (data: any, operation: string) => data.nodes.find((n: INode) => GONG_TYPES.includes(n.type) && n.parameters.operation === operation);

	test('LLM example: its transcript node gives readable text for the trigger\'s call item', async () => {
		const call = gong.sandbox.state.calls.find((c: any) => c.transcript.length);
		const node = gongNode(load('new-call-readable-transcript-llm-prompt.json'), 'getTranscripts');
		const result = await gong.run({ parameters: node.parameters, input: [{ json: { id: call.id, title: call.title } }] });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(1);
		expect(result.json[0].callId).toBe(call.id);
		expect(result.json[0].text).toMatch(/^\[\d\d:\d\d\] .+ \((Company|External)\): /);
	});

	test('weekly stats example: its stats node returns one item per user for a week', async () => {
		const node = gongNode(load('weekly-activity-stats-table.json'), 'getActivityAggregate');
		const result = await gong.run({ parameters: node.parameters, input: [{ json: { fromDate: '2025-02-03', toDate: '2025-02-10' } }] });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().body.filter).toEqual({ fromDate: '2025-02-03', toDate: '2025-02-10' });
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json[0].userEmailAddress).toBeTruthy();
	});

	test('meeting example: creates a meeting with the example\'s invitees', async () => {
		const data = load('create-meeting.json');
		const node = gongNode(data, 'create');
		const result = await gong.run({ parameters: node.parameters });
		expect(result.error).toBeUndefined();
		const body = gong.lastRequest().body;
		expect(body.invitees.map((i: any) => i.email)).toEqual(['pat.customer@customer.example', 'sam.colleague@your-company.example']);
		expect(body.title).toBe('Discovery call with Customer Inc.');
		expect(result.json[0].meetingId).toMatch(/^\d{1,20}$/);
	});

	test('erase example: its review node reads what Gong holds for the address', async () => {
		const node = gongNode(load('erase-data-for-email.json'), 'getDataForEmail');
		const email = gong.sandbox.state.accounts[0].contacts[0].email;
		const result = await gong.run({ parameters: node.parameters, input: [{ json: { email } }] });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().query.emailAddress).toBe(email);
		expect(result.json).toHaveLength(1);
	});
});

/** The example's trigger: the one node with outgoing but no incoming connections. */
function triggerOf(data: any): INode {
	const targets = new Set(Object.values<any>(data.connections).flatMap((c) => (c.main ?? []).flat().map((x: any) => x.node)));
	return data.nodes.find((n: INode) => !targets.has(n.name) && data.connections[n.name]);
}

/**
 * How an example runs here: from its trigger, except a webhook trigger (it waits for Gong to call
 * n8n): then the nodes after it run on the sample event the example pins for it, or the example
 * is skipped with the reason.
 */
export function examplePlan(data: any): { data: any; pinData?: Record<string, unknown[]>; skip?: string } {
	const trigger = triggerOf(data);
	if (!trigger) return { data, skip: 'no trigger node' };
	if (!/webhook/i.test(trigger.type)) return { data };
	const pinned = data.pinData?.[trigger.name];
	if (!Array.isArray(pinned) || !pinned.length) return { data, skip: `${trigger.name} is a webhook trigger and the example pins no sample event for it` };
	const copy = structuredClone(data);
	const node = copy.nodes.find((n: INode) => n.name === trigger.name);
	Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, credentials: undefined, webhookId: undefined });
	const items = pinned.map((p: any) => (p && typeof p === 'object' && 'json' in p ? p : { json: p }));
	return { data: copy, pinData: { [trigger.name]: items } };
}

describe('examples/ run whole through the engine, as imported, against the sandbox of today', () => {
	// the sandbox `npm run dev` serves: calls in the 90 days before today, the newest 90 min ago
	const gong = useGong({ recentDates: true });
	const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
	const load = (file: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	const runnable = files.filter((f) => !examplePlan(load(f)).skip);
	const skipped = files.filter((f) => examplePlan(load(f)).skip).map((f) => `${f}: ${examplePlan(load(f)).skip}`);

	test('every example is run (or skipped for a stated reason)', () => {
		expect(runnable.length + skipped.length).toBe(files.length);
		expect(runnable).toEqual(expect.arrayContaining(['create-meeting.json', 'erase-data-for-email.json', 'new-call-readable-transcript-llm-prompt.json', 'weekly-activity-stats-table.json']));
		// a webhook example without a pinned sample runs in its own test below, from a signed sandbox delivery
		for (const line of skipped) expect(load(line.split(':')[0]).nodes.some((n: INode) => n.type === WEBHOOK_TYPE)).toBe(true);
		if (skipped.length) console.log(`examples run from a signed delivery (see below):\n${skipped.join('\n')}`);
	});

	test('weekly stats: last week\'s stats have one row per user, with activity', async () => {
		const result = await gong.harness.runWorkflow(load('weekly-activity-stats-table.json'));
		expect(result.error).toBeUndefined();
		const rows = result.output('One Row per User').map((i: any) => i.json);
		const emails = gong.sandbox.state.users.map((u: any) => u.emailAddress);
		expect(rows.length).toBeGreaterThan(5);
		for (const row of rows) expect(emails).toContain(row.email);
		expect(rows.some((r: any) => r.callsAsHost > 0)).toBe(true);
		const file = result.output('Weekly Table (Excel)')[0];
		expect(file.json.rows).toBe(rows.length);
		expect(file.binary.data.fileName).toBe(`gong-activity-${rows[0].week}.xlsx`);
	});

	test('create meeting: the example\'s organizer is a sandbox user; the meeting is created for tomorrow', async () => {
		const result = await gong.harness.runWorkflow(load('create-meeting.json'));
		expect(result.error).toBeUndefined();
		const [meeting] = result.output('Create Gong Meeting').map((i: any) => i.json);
		expect(meeting.meetingId).toMatch(/^\d{1,20}$/);
		const created = gong.sandbox.state.meetings.find((m: any) => m.meetingId === meeting.meetingId);
		expect(created.invitees.map((i: any) => i.email)).toEqual(expect.arrayContaining(['pat.customer@customer.example', 'sam.colleague@your-company.example']));
	});

	test('erase: the review lists what the sandbox holds for the address, then it is erased', async () => {
		const email = 'person.to.forget@example.com';
		const before = gong.sandbox.state.calls.filter((c: any) => c.parties.some((p: any) => p.emailAddress === email)).length;
		expect(before).toBeGreaterThan(0);
		const result = await gong.harness.runWorkflow(load('erase-data-for-email.json'));
		expect(result.error).toBeUndefined();
		const [review] = result.output('What Gong Holds').map((i: any) => i.json);
		expect(review.calls).toHaveLength(before);
		expect(review.customerData.length).toBeGreaterThan(0);
		expect(result.output('Erase Data for Email')[0].json.emailAddress).toBe(email);
	});

	test('new call → LLM prompt: "Fetch Test Event" finds the newest call; the prompt carries its readable transcript', async () => {
		const result = await gong.harness.runWorkflow(load('new-call-readable-transcript-llm-prompt.json'));
		expect(result.error).toBeUndefined();
		const [call] = result.output('New Gong Call').map((i: any) => i.json);
		expect(Date.now() - Date.parse(call.started)).toBeLessThan(24 * 3600e3);
		const [prompt] = result.output('Build LLM Prompt').map((i: any) => i.json);
		expect(prompt.callId).toBe(call.id);
		expect(prompt.prompt).toMatch(/\[\d\d:\d\d\] .+ \((Company|External)\): /);
	});

	test('gong-webhook-new-call.json: a signed sandbox delivery through its trigger (its own options, enrichment against the sandbox), then the rest of the workflow', async () => {
		const data = load('gong-webhook-new-call.json');
		const trigger = data.nodes.find((n: INode) => n.type === WEBHOOK_TYPE);
		expect(trigger.parameters.deliveryAuth).toBe('jwt');
		const engine = createWebhookEngine();
		const { nodeTypes, credentialTypes } = loadSources();
		const hooks = createWebhookHarness({ nodeTypes, credentialTypes, credentials: sandboxCredentials(gong.sandbox) });
		// as imported, with the public key the user pastes from Gong's rule editor
		const wf = hooks.activate({ type: WEBHOOK_TYPE, nodeName: trigger.name, credential: 'accessKey', parameters: { ...trigger.parameters, publicKey: engine.publicKeyBase64 } });
		const call = gong.sandbox.state.calls.find((c: any) => c.transcript.length && c.parties.length > 1);
		const callData = await callDataFromSandbox(gong.sandbox, call.id);
		gong.sandbox.clearRequests();
		const d = engine.delivery('call', { url: wf.productionUrl, callData });
		const delivered = await wf.deliver({ headers: d.headers, body: d.body });
		expect(delivered.status).toBe(200);
		expect(delivered.error).toBeUndefined();
		expect(gong.sandbox.requests.map((q: any) => `${q.method} ${q.path}`)).toEqual(['POST /v2/calls/transcript']);
		const [item] = delivered.jsonItems;
		expect(item.metaData.id).toBe(call.id);
		expect(item.transcript.text).toMatch(/\[\d\d:\d\d\] .+ \((Company|External)\): /);
		// the rest of the example, from the trigger's real output
		const plan = examplePlan({ ...data, pinData: { [trigger.name]: [{ json: item }] } });
		const result = await gong.harness.runWorkflow(plan.data, { pinData: plan.pinData });
		expect(result.error).toBeUndefined();
		const [prompt] = result.output('Build LLM Prompt').map((i: any) => i.json);
		expect(prompt.callId).toBe(call.id);
		expect(prompt.isTest).toBe(false);
		expect(prompt.prompt).toContain(item.transcript.text.split('\n')[0]);
	});

	// after the specific tests: the erase example really erases (the review then lists nothing)
	test.each(runnable)('%s: runs without error and every node after the trigger outputs items', async (file) => {
		const plan = examplePlan(load(file));
		const result = await gong.harness.runWorkflow(plan.data, { pinData: plan.pinData });
		expect(result.error).toBeUndefined();
		const connected = plan.data.nodes.filter((n: INode) => n.type !== 'n8n-nodes-base.stickyNote');
		for (const node of connected) {
			expect([node.name, result.output(node.name).length > 0]).toEqual([node.name, true]);
		}
	});

	test('a webhook-triggered example runs from the node after its trigger on the pinned sample, or is skipped with the reason', () => {
		const data = {
			name: 'webhook example',
			nodes: [
				{ id: '1', name: 'Gong Webhook', type: 'n8n-nodes-gong.gongWebhookTrigger', typeVersion: 1, position: [0, 0], parameters: {}, webhookId: 'x' },
				{ id: '2', name: 'Get Call', type: 'n8n-nodes-gong.gong', typeVersion: 1, position: [200, 0], parameters: {} },
			],
			connections: { 'Gong Webhook': { main: [[{ node: 'Get Call', type: 'main', index: 0 }]] } },
		};
		expect(examplePlan(data).skip).toMatch(/Gong Webhook is a webhook trigger and the example pins no sample event/);
		const plan = examplePlan({ ...data, pinData: { 'Gong Webhook': [{ json: { callId: '1' } }] } });
		expect(plan.skip).toBeUndefined();
		expect(plan.pinData).toEqual({ 'Gong Webhook': [{ json: { callId: '1' } }] });
		expect(plan.data.nodes[0].type).toBe('n8n-nodes-base.manualTrigger');
		expect(data.nodes[0].type).toBe('n8n-nodes-gong.gongWebhookTrigger'); // the example itself is untouched
	});
});

describe('sandbox dataset around today', () => {
	test('calls lie in the 90 days before today; the newest (with a transcript, not private) started 90 minutes ago', () => {
		const { buildDataset } = require('./sandbox/data');
		const now = Date.parse('2026-03-10T09:30:00Z');
		const { state } = buildDataset({ calls: 40, users: 8, now });
		const starts = state.calls.map((c: any) => Date.parse(c.started));
		expect(Math.min(...starts)).toBeGreaterThanOrEqual(Date.parse('2025-12-10T00:00:00Z'));
		const newest = state.calls[state.calls.length - 1];
		expect(newest.started).toBe('2026-03-10T08:00:00Z');
		expect(newest.isPrivate).toBe(false);
		expect(newest.transcript.length).toBeGreaterThan(0);
		expect(starts.slice(0, -1).every((t: number) => t < Date.parse('2026-03-10T00:00:00Z'))).toBe(true);
	});
});
