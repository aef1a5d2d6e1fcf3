'use strict';
/**
 * The naive baseline: what a straightforward node would do against Gong, as a small plain HTTP
 * client. One request per page or per input item, sent as fast as possible (no pacing), and
 * the only resilience is waiting Retry-After after a 429 and sending again.
 */
const http = require('http');
const https = require('https');

function createNaiveClient({ baseUrl, accessKey, accessKeySecret }) {
	const auth = `Basic ${Buffer.from(`${accessKey}:${accessKeySecret}`).toString('base64')}`;
	const stats = { requests: 0, rateLimited: 0 };

	function once(method, path, body) {
		const url = new URL(path, baseUrl);
		const lib = url.protocol === 'https:' ? https : http;
		const payload = body === undefined ? undefined : JSON.stringify(body);
		return new Promise((resolve, reject) => {
			const req = lib.request(
				url,
				{ method, headers: { Authorization: auth, Accept: 'application/json', ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) } },
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			if (payload) req.write(payload);
			req.end();
		});
	}

	async function request(method, path, body) {
		for (let attempt = 0; attempt < 1000; attempt++) {
			stats.requests++;
			const res = await once(method, path, body);
			if (res.status === 429) {
				stats.rateLimited++;
				const wait = Number(res.headers['retry-after'] || 1);
				await new Promise((r) => setTimeout(r, wait * 1000));
				continue;
			}
			if (res.status === 404) return null;
			if (res.status >= 400) throw new Error(`naive: ${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`);
			return JSON.parse(res.text);
		}
		throw new Error('naive: gave up');
	}

	/** Return All of GET /v2/calls: one request per page, cursor in the query. */
	async function listCalls(fromDateTime, toDateTime) {
		const out = [];
		let cursor;
		for (let page = 0; page < 10000; page++) {
			const qs = new URLSearchParams({ fromDateTime, toDateTime, ...(cursor ? { cursor } : {}) });
			const res = await request('GET', `/v2/calls?${qs}`);
			if (!res) break;
			out.push(...res.calls);
			cursor = res.records && res.records.cursor;
			if (!cursor) break;
		}
		return out;
	}

	/** One GET /v2/calls/{id} per input item. */
	async function getEachCall(ids) {
		const out = [];
		for (const id of ids) {
			const res = await request('GET', `/v2/calls/${id}`);
			out.push(res ? res.call : null);
		}
		return out;
	}

	/** One POST /v2/calls/transcript per input item. */
	async function getEachTranscript(ids) {
		const out = [];
		for (const id of ids) {
			const res = await request('POST', '/v2/calls/transcript', { filter: { callIds: [id] } });
			out.push(...((res && res.callTranscripts) || []));
		}
		return out;
	}

	return { stats, listCalls, getEachCall, getEachTranscript };
}

module.exports = { createNaiveClient };
