#!/usr/bin/env node
/**
 * `npm run demo`: starts the local Gong sandbox (with Gong's real limit of 3 requests/s), loads
 * the BUILT package the way n8n loads a community package, runs a few workflows through
 * n8n-core's execution engine against the sandbox and prints the items they produce.
 */
const path = require('path');
const { createSandbox } = require('../test/sandbox/server');
const { createHarness, loadPackage, sandboxCredentials } = require('../test/harness');

function show(title, result, fields) {
	console.log(`\n▶ ${title}`);
	if (result.error) {
		console.log(`  error: ${result.error.message}`);
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

		const calls = await harness.runNode({
			parameters: { resource: 'call', operation: 'getMany', fromDateTime: '2025-01-01T00:00:00Z', toDateTime: '2025-04-02T00:00:00Z', returnAll: true },
		});
		show('Call → Get Many (Return All over every page)', calls, ['id', 'title', 'started', 'duration']);

		const first = calls.items[0] && calls.items[0].json.id;
		if (first) {
			const one = await harness.runNode({ auth: 'oAuth2', parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'id', value: first } } });
			show(`Call → Get ${first} (OAuth2 credential)`, one, ['id', 'title', 'url', 'primaryUserId']);
			const transcripts = await harness.runNode({ parameters: { resource: 'call', operation: 'getTranscripts', returnAll: true, filters: { callIds: [first] } } });
			show('Call → Get Transcripts', transcripts, ['callId', 'transcript.0.sentences.0.text']);
		}

		const bad = await harness.runNode({ continueOnFail: true, parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'id', value: '99999999999999999999' } } });
		show('Call → Get an unknown call (continue on fail)', bad, ['error', 'httpCode', 'requestId']);

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
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
