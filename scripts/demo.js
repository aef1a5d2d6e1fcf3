#!/usr/bin/env node
/**
 * `npm run demo`: starts the local Gong sandbox (with Gong's real limit of 3 requests/s), loads
 * the BUILT package the way n8n loads a community package, runs a few workflows through
 * n8n-core's execution engine against the sandbox and prints the items they produce, then exits
 * (0 when every step worked). n8n-core's settings go to a temporary folder (see test/harness),
 * never to ~/.n8n.
 */
const path = require('path');
const { createSandbox } = require('../test/sandbox/server');
const { createHarness, loadPackage, sandboxCredentials, shutdown } = require('../test/harness');

const failures = [];

function show(title, result, fields, expectError = false) {
	console.log(`\n▶ ${title}`);
	if (result.error) {
		console.log(`  error: ${result.error.message}`);
		if (!expectError) failures.push(title);
		return;
	}
	console.log(`  ${result.items.length} item(s)`);
	for (const item of result.items.slice(0, 5)) {
		const json = fields ? Object.fromEntries(fields.map((f) => [f, f.split('.').reduce((o, k) => (o == null ? o : o[k]), item.json)])) : item.json;
		let text = JSON.stringify(json);
		if (text.length > 160) text = `${text.slice(0, 157)}...`;
		console.log(`  - ${text}`);
	}
	if (result.items.length > 5) console.log(`  … and ${result.items.length - 5} more`);
}

async function main() {
	const root = path.resolve(__dirname, '..');
	const sandbox = await createSandbox({ port: 0, rateLimit: { perSecond: 3, perDay: 10000 }, seed: { calls: 150, users: 40 } });
	try {
		const { nodeTypes, credentialTypes } = await loadPackage(root);
		const credentials = sandboxCredentials(sandbox);
		credentials.gongCommunityApi.requestsPerSecond = 3;
		credentials.gongCommunityOAuth2Api.requestsPerSecond = 3;
		const harness = createHarness({ nodeTypes, credentialTypes, credentials });
		console.log(`Gong sandbox at ${sandbox.url} (3 requests/s like Gong); package loaded from ${root}/dist`);
		console.log(`Loaded: ${Object.keys(nodeTypes).join(', ')}`);

		const users = await harness.runNode({ parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 3 } });
		show('User → Get Many (limit 3)', users, ['id', 'emailAddress', 'firstName', 'lastName']);

		// the sandbox's calls lie in the 90 days before today: ask for the last 30 days
		const to = new Date();
		const from = new Date(to.getTime() - 30 * 86400e3);
		const calls = await harness.runNode({
			parameters: { resource: 'call', operation: 'getMany', fromDateTime: from.toISOString(), toDateTime: to.toISOString(), returnAll: true },
		});
		show('Call → Get Many, last 30 days (Return All over every page)', calls, ['id', 'title', 'started', 'duration']);

		const first = calls.items[0] && calls.items[0].json.id;
		if (first) {
			const one = await harness.runNode({ auth: 'oAuth2', parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'id', value: first } } });
			show(`Call → Get ${first} (OAuth2 credential)`, one, ['id', 'title', 'url', 'primaryUserId']);
			const transcripts = await harness.runNode({ parameters: { resource: 'call', operation: 'getTranscripts', returnAll: true, filters: { callIds: [first] } } });
			show('Call → Get Transcripts', transcripts, ['callId', 'transcript.0.sentences.0.text']);
		}

		const bad = await harness.runNode({ continueOnFail: true, parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'id', value: '99999999999999999999' } } });
		show('Call → Get an unknown call (continue on fail)', bad, ['error', 'httpCode', 'requestId']);
		if (!bad.items.length || !bad.items[0].json.error) failures.push('Call → Get an unknown call: no error item');

		if (nodeTypes['n8n-nodes-gong.gongTrigger']) {
			const parameters = { event: 'newCall', lookbackHours: 24 };
			const staticData = {};
			const first = await harness.poll({ parameters, staticData });
			console.log(`\n▶ Gong Trigger, first activation: ${first.items ? first.items.length : 0} call(s) emitted (history is not replayed)`);
			const now = Date.now();
			sandbox.addCall({ title: 'Discovery call with Acme', started: new Date(now - 40 * 60e3).toISOString() });
			sandbox.addCall({ title: 'Renewal review, processed late', started: new Date(now - 5 * 3600e3).toISOString() });
			const second = await harness.poll({ parameters, staticData });
			show('Gong Trigger, next poll after two calls were processed', { items: second.items || [] }, ['id', 'title', 'started']);
			const third = await harness.poll({ parameters, staticData });
			console.log(`\n▶ Gong Trigger, poll again: ${third.items ? third.items.length : 0} call(s) (each call is emitted once)`);
		}
		const stats = sandbox.stats();
		console.log(`\nSandbox served ${stats.requests} requests (${JSON.stringify(stats.byStatus)}), 429s: ${stats.rateLimited}`);
	} finally {
		await sandbox.close();
		shutdown();
	}
	if (failures.length) throw new Error(`demo steps failed: ${failures.join('; ')}`);
}

main().then(
	() => console.log('\nDemo finished: every step ran against the sandbox.'),
	(error) => {
		console.error(error);
		console.error('\nDemo failed.');
		process.exitCode = 1;
	},
);
