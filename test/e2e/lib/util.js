'use strict';
/** Small helpers shared by the e2e runner and scripts/dev.js: ports, bounded waits, HTTP on loopback. */
const http = require('http');
const net = require('net');

const HOST = '127.0.0.1';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1 (bound and released; a small race is accepted). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, HOST, () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Repeats `fn` until it returns a truthy value or `timeoutMs` passes (then throws with `what`).
 * `fn` errors count as "not yet"; the last one is reported.
 */
async function waitFor(what, fn, { timeoutMs = 30000, intervalMs = 500, abort } = {}) {
	const end = Date.now() + timeoutMs;
	let lastError;
	for (;;) {
		if (abort) {
			const reason = abort();
			if (reason) throw new Error(`${what}: ${reason}`);
		}
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastError = e;
		}
		if (Date.now() >= end) {
			throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
		}
		await sleep(intervalMs);
	}
}

/**
 * One HTTP request to 127.0.0.1 only. Resolves {status, headers, text, json}. Bounded by timeoutMs.
 * `cookie` is sent as Cookie header; body objects are sent as JSON.
 */
function request(url, { method = 'GET', body, headers = {}, timeoutMs = 15000 } = {}) {
	const u = new URL(url);
	if (u.hostname !== HOST && u.hostname !== 'localhost') return Promise.reject(new Error(`refusing non-loopback URL ${url}`));
	const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const h = { ...headers };
	if (payload) {
		if (!h['Content-Type'] && !h['content-type']) h['Content-Type'] = 'application/json';
		h['Content-Length'] = payload.length;
	}
	return new Promise((resolve, reject) => {
		const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: h, timeout: timeoutMs }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json;
				try {
					json = text ? JSON.parse(text) : undefined;
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, headers: res.headers, text, json });
			});
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`request to ${url} timed out after ${timeoutMs} ms`)));
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

function fmtMs(ms) {
	if (ms < 1000) return `${ms} ms`;
	const s = ms / 1000;
	if (s < 120) return `${s.toFixed(1)} s`;
	return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function log(...args) {
	const t = new Date().toISOString().slice(11, 19);
	process.stdout.write(`[${t}] ${args.join(' ')}\n`);
}

module.exports = { HOST, sleep, freePort, waitFor, request, fmtMs, log };
