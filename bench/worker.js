'use strict';
/**
 * Runs one benchmark scenario in its own process (so peak RSS and pacing state belong to that
 * scenario alone) and prints one JSON line with the result. The sandbox lives in the parent.
 *   BENCH_JOB='{"impl":"node"|"naive","scenario":"returnAll"|"callGet"|"transcripts","url":…,"ids":[…]}'
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const job = JSON.parse(process.env.BENCH_JOB);
const FROM = '2000-01-01T00:00:00Z';
const TO = '2100-01-01T00:00:00Z';

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

async function runNode() {
	const { createHarness, loadPackage, sandboxCredentials } = require(path.join(ROOT, 'test/harness'));
	const { nodeTypes, credentialTypes } = await loadPackage(job.packageRoot || ROOT);
	// Gong's real limit: the credential's default 3 requests per second.
	const credentials = sandboxCredentials({ url: job.url }, { gongCommunityApi: { requestsPerSecond: 3 } });
	const harness = createHarness({ nodeTypes, credentialTypes, credentials });
	const input =
		job.scenario === 'returnAll' ? [{ json: {} }] : job.ids.map((id) => ({ json: { id } }));
	const parameters =
		job.scenario === 'returnAll'
			? { resource: 'call', operation: 'getMany', fromDateTime: FROM, toDateTime: TO, returnAll: true }
			: job.scenario === 'callGet'
				? { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }
				: { resource: 'call', operation: 'getTranscripts', returnAll: true, filters: { callIds: '={{ $json.id }}' } };
	const before = process.memoryUsage().rss;
	const started = Date.now();
	const result = await harness.runNode({ type: 'n8n-nodes-gong.gong', parameters, input });
	const wallMs = Date.now() - started;
	if (result.error) throw result.error;
	const json = result.items.map((i) => i.json);
	const keys = json.map((j) => String(j.id ?? j.callId));
	return { wallMs, rssBefore: before, items: json.length, distinct: new Set(keys).size, keys };
}

async function runNaive() {
	const { createNaiveClient } = require('./naive');
	const client = createNaiveClient({ baseUrl: job.url, accessKey: 'sandbox-key', accessKeySecret: 'sandbox-secret' });
	const before = process.memoryUsage().rss;
	const started = Date.now();
	const out =
		job.scenario === 'returnAll'
			? await client.listCalls(FROM, TO)
			: job.scenario === 'callGet'
				? await client.getEachCall(job.ids)
				: await client.getEachTranscript(job.ids);
	const wallMs = Date.now() - started;
	const keys = out.map((j) => String(j && (j.id ?? j.callId)));
	return { wallMs, rssBefore: before, items: out.length, distinct: new Set(keys).size, keys, clientStats: client.stats };
}

(job.impl === 'node' ? runNode() : runNaive())
	.then((result) => {
		clearInterval(sampler);
		peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
		process.stdout.write(`${JSON.stringify({ ...result, peakRss })}\n`);
		process.exit(0);
	})
	.catch((error) => {
		clearInterval(sampler);
		process.stderr.write(`bench worker failed: ${error && (error.stack || error.message)}\n`);
		process.exit(1);
	});
