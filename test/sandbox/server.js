'use strict';
/**
 * Gong sandbox — a local HTTP server emulating Gong's public REST API v2 for tests.
 *
 *   const { createSandbox } = require('./test/sandbox/server');
 *   const sb = await createSandbox({ port: 0 });
 *   // … sb.url, sb.requests, sb.state, sb.addCall(), sb.failNext(), sb.configure() …
 *   await sb.close();
 *
 * Request pipeline for /v2/*: route (unknown → 404 text "Not Found") → auth (401) → rate limit
 * (429) → injected fault → validation against the catalog (400) → handler. Control endpoints
 * live under /__sandbox/ (no auth, not logged). Only 127.0.0.1 is ever bound.
 *
 * Options (all optional; configure() changes any of them at runtime except port and seed):
 *   port                 0 = ephemeral
 *   accessKey / accessKeySecret   Basic credential (default sandbox-key / sandbox-secret)
 *   bearerTokens         accepted OAuth access tokens (default ['sandbox-oauth-token'])
 *   rateLimit            false (default) | true (3/s, 10,000/day) | { perSecond, perDay }
 *   pageSize             records per page of cursor lists (default 100)
 *   seed                 { calls: 150, users: 40, seed: 20250101, from, to } dataset shape (default period: the 90 days before today)
 *   faults               { errorRate, resetRate, malformedRate, errorStatuses, seed } random faults
 *   latencyMs            delay before every /v2 answer (default 0)
 *   processingDelayMs    POST /v2/calls: the new call becomes visible after this delay (default 0)
 *   asyncProcessingMs    CRM uploads / bulk flow assignments report PENDING for this long (default 0)
 *   timeZoneOffsetMinutes  company time zone as a fixed offset; output times use it (default 0 → "Z")
 *   meetingsLimitedRelease true → meetings endpoints answer 403 "Limited release"
 *   entitiesPaymentRequired true → entities endpoints answer 402
 *   maxLoggedRequests    size of the request log ring (default 10,000)
 */

const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { loadCatalog, validateRequest, parseJsonExact } = require('./catalog');
const data = require('./data');
const { createMediaHost } = require('./handlers/media');

const { toJson, GongError, newRequestId, DAY_MS } = data;

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const DEFAULT_RATE_LIMIT = { perSecond: 3, perDay: 10000 };
const DEFAULT_FAULTS = { errorRate: 0, resetRate: 0, malformedRate: 0, errorStatuses: [500, 502, 503, 504], seed: 1 };

/** Gong's message for each status we may answer with. */
const STATUS_MESSAGES = {
	400: 'Malformed request',
	401: 'Access denied',
	402: 'Payment Required',
	403: 'Forbidden',
	404: 'Not found',
	409: 'Conflict',
	429: 'API request limit exceeded',
	500: 'Failed to complete the operation due to an unexpected error',
	502: 'Bad gateway',
	503: 'Service temporarily unavailable',
	504: 'Gateway timeout',
};

function normalizeRateLimit(v, current) {
	if (v === false || v === null || v === undefined) return false;
	if (v === true) return { ...DEFAULT_RATE_LIMIT };
	return { ...(current || DEFAULT_RATE_LIMIT), ...v };
}

function normalizeOptions(o = {}) {
	return {
		port: o.port === undefined ? 0 : Number(o.port),
		accessKey: o.accessKey || 'sandbox-key',
		accessKeySecret: o.accessKeySecret || 'sandbox-secret',
		bearerTokens: o.bearerTokens ? o.bearerTokens.slice() : ['sandbox-oauth-token'],
		oauthClientId: o.oauthClientId ?? 'sandbox-client',
		oauthClientSecret: o.oauthClientSecret ?? 'sandbox-client-secret',
		rateLimit: normalizeRateLimit(o.rateLimit),
		pageSize: o.pageSize || 100,
		seed: { ...(o.seed || {}) },
		faults: { ...DEFAULT_FAULTS, ...(o.faults || {}) },
		latencyMs: o.latencyMs || 0,
		processingDelayMs: o.processingDelayMs || 0, // POST /v2/calls: new call visible after this delay
		asyncProcessingMs: o.asyncProcessingMs || 0, // CRM uploads / bulk assignments finish after this delay
		timeZoneOffsetMinutes: o.timeZoneOffsetMinutes || 0, // company time zone as a fixed offset
		meetingsLimitedRelease: !!o.meetingsLimitedRelease, // true → meetings endpoints answer 403
		entitiesPaymentRequired: !!o.entitiesPaymentRequired, // true → entities endpoints answer 402
		maxLoggedRequests: o.maxLoggedRequests || 10000,
	};
}

/** Loads every handlers/*.js (files starting with "_" are skipped) into one id → handler map. */
function loadHandlers() {
	const dir = path.join(__dirname, 'handlers');
	const map = new Map();
	for (const file of fs.readdirSync(dir).sort()) {
		if (!file.endsWith('.js') || file.startsWith('_')) continue;
		const mod = require(path.join(dir, file));
		if (mod.sandboxPart) continue; // not catalog handlers (e.g. media.js, wired in below)
		for (const [id, fn] of Object.entries(mod)) {
			if (map.has(id)) throw new Error(`duplicate handler for ${id} in ${file}`);
			map.set(id, fn);
		}
	}
	return map;
}

/** Sliding 1,000 ms window + UTC-day counter per credential. Rejected requests are not counted. */
function createRateLimiter() {
	const windows = new Map();
	const days = new Map();
	return {
		check(key, cfg, now) {
			if (!cfg) return null;
			const day = Math.floor(now / DAY_MS);
			let d = days.get(key);
			if (!d || d.day !== day) {
				d = { day, count: 0 };
				days.set(key, d);
			}
			if (cfg.perDay && d.count >= cfg.perDay) return { retryAfter: Math.max(1, Math.ceil(((day + 1) * DAY_MS - now) / 1000)) };
			const w = (windows.get(key) || []).filter((t) => t > now - 1000);
			windows.set(key, w);
			if (cfg.perSecond && w.length >= cfg.perSecond) return { retryAfter: Math.max(1, Math.ceil((w[0] + 1000 - now) / 1000)) };
			w.push(now);
			d.count++;
			return null;
		},
		reset() {
			windows.clear();
			days.clear();
		},
	};
}

/** Does a queued fault's `match` ({method, path, catalogId}) apply to this request? */
function faultMatches(match, method, urlPath, catalogId) {
	if (!match) return true;
	if (match.method && String(match.method).toUpperCase() !== method) return false;
	if (match.catalogId && match.catalogId !== catalogId) return false;
	if (match.path) {
		if (match.path instanceof RegExp) return match.path.test(urlPath);
		if (String(match.path).includes('{')) {
			const re = new RegExp(`^${String(match.path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
			return re.test(urlPath);
		}
		return match.path === urlPath;
	}
	return true;
}

async function createSandbox(options = {}) {
	const opts = normalizeOptions(options);
	const catalog = loadCatalog();
	const handlers = loadHandlers();
	const missing = catalog.compiled.filter((c) => !handlers.has(c.id)).map((c) => c.id);
	if (missing.length) throw new Error(`sandbox: no handler for ${missing.join(', ')}`);

	const seedValue = opts.seed.seed !== undefined ? opts.seed.seed : 20250101;
	const built = data.buildDataset({ ...opts.seed, seed: seedValue });
	const runtimeRng = data.createRng(seedValue ^ 0x5eed);
	const sandbox = {
		options: opts,
		state: built.state,
		ids: data.createIdFactory(runtimeRng, built.ids.used), // new runtime ids never collide with seeded ones
		rng: runtimeRng,
		catalog,
		cursorSecret: crypto.randomBytes(16),
		now: () => Date.now(),
		/** Formats an ISO string / epoch ms in the company offset. */
		fmt: (v) => data.formatTime(data.toMs(v), opts.timeZoneOffsetMinutes),
		paginate: (req, items) => data.paginate(sandbox, req, items),
		fail: data.fail,
		addCall: (partial) => data.createCall({ state: sandbox.state, ids: sandbox.ids, rng: sandbox.rng }, partial),
	};

	// Recordings behind the media URLs, on their own origin (handlers/media.js).
	const mediaHost = await createMediaHost(sandbox).start();
	sandbox.mediaHost = mediaHost;

	let requests = [];
	let stats = { requests: 0, byStatus: {}, rateLimited: 0, faults: 0 };
	let faultQueue = [];
	let faultRng = data.createRng(opts.faults.seed);
	const limiter = createRateLimiter();
	const sockets = new Set();
	const timers = new Set();
	let closing = false;

	const delay = (ms) =>
		new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});

	// -------------------------------------------------------------------------
	// Faults
	// -------------------------------------------------------------------------

	function failNext(n = 1, faultOpts = {}) {
		const count = Math.max(1, Number(n) || 1);
		faultQueue.push({ remaining: count, fault: { status: 500, ...faultOpts } });
		return faultQueue.length;
	}

	function takeFault(method, urlPath, catalogId) {
		for (let i = 0; i < faultQueue.length; i++) {
			const q = faultQueue[i];
			if (!faultMatches(q.fault.match, method, urlPath, catalogId)) continue;
			if (--q.remaining <= 0) faultQueue.splice(i, 1);
			return q.fault;
		}
		const f = opts.faults;
		if (!(f.errorRate || f.resetRate || f.malformedRate)) return null;
		const r = faultRng.next();
		if (r < f.errorRate) {
			const list = f.errorStatuses && f.errorStatuses.length ? f.errorStatuses : [500];
			return { status: list[Math.floor(faultRng.next() * list.length)], random: true };
		}
		if (r < f.errorRate + f.resetRate) return { reset: true, random: true };
		if (r < f.errorRate + f.resetRate + f.malformedRate) return { malformed: true, random: true };
		return null;
	}

	// -------------------------------------------------------------------------
	// Responses
	// -------------------------------------------------------------------------

	function gongErrorBody(errors) {
		return { requestId: newRequestId(), errors: Array.isArray(errors) ? errors : [errors] };
	}

	function finish(res, log, status, body, headers = {}) {
		const isText = typeof body === 'string';
		const text = isText ? body : toJson(body);
		if (log) {
			log.status = status;
			stats.byStatus[status] = (stats.byStatus[status] || 0) + 1;
		}
		if (res.writableEnded || res.destroyed) return;
		res.writeHead(status, {
			'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(text),
			...headers,
		});
		res.end(text);
	}

	/** Answers an injected fault (no handler runs, so no state changes). */
	function answerFault(res, log, fault) {
		stats.faults++;
		if (log) log.fault = fault.reset ? 'reset' : fault.malformed ? 'malformed' : 'status';
		if (fault.reset) {
			if (log) log.status = 0;
			stats.byStatus[0] = (stats.byStatus[0] || 0) + 1;
			res.socket && res.socket.destroy();
			res.destroy();
			return;
		}
		if (fault.malformed) {
			const text = `{"requestId":"${newRequestId()}","records":{"totalRecords":12,"currentPageSize":`;
			log.status = 200;
			stats.byStatus[200] = (stats.byStatus[200] || 0) + 1;
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
			res.end(text);
			return;
		}
		const status = fault.status || 500;
		const headers = {};
		if (status === 429) {
			if (fault.retryAfter !== false && fault.retryAfter !== null) headers['Retry-After'] = String(fault.retryAfter || 1);
		} else if (fault.retryAfter) headers['Retry-After'] = String(fault.retryAfter);
		if (status === 429) stats.rateLimited++;
		finish(res, log, status, gongErrorBody(fault.message || STATUS_MESSAGES[status] || 'An error has occurred'), headers);
	}

	// -------------------------------------------------------------------------
	// Auth
	// -------------------------------------------------------------------------

	/** Returns the credential key ("basic:<key>" / "bearer:<token>") or null. */
	function authenticate(header) {
		const m = /^(\w+)\s+(.+)$/.exec(String(header || '').trim());
		if (!m) return null;
		const scheme = m[1].toLowerCase();
		if (scheme === 'basic') {
			const decoded = Buffer.from(m[2], 'base64').toString('utf8');
			const idx = decoded.indexOf(':');
			if (idx < 0) return null;
			const key = decoded.slice(0, idx);
			const secret = decoded.slice(idx + 1);
			return key === opts.accessKey && secret === opts.accessKeySecret ? `basic:${key}` : null;
		}
		if (scheme === 'bearer') return opts.bearerTokens.includes(m[2]) ? `bearer:${m[2]}` : null;
		return null;
	}

	// -------------------------------------------------------------------------
	// /v2 requests
	// -------------------------------------------------------------------------

	function queryObject(searchParams) {
		const q = {};
		for (const [k, v] of searchParams) {
			if (k in q) q[k] = Array.isArray(q[k]) ? [...q[k], v] : [q[k], v];
			else q[k] = v;
		}
		return q;
	}

	async function handleApi(req, res, url, rawBody) {
		const method = req.method.toUpperCase();
		const urlPath = url.pathname;
		const query = queryObject(url.searchParams);
		let parsedBody = null;
		if (rawBody.length && /json/i.test(req.headers['content-type'] || '')) {
			try {
				parsedBody = parseJsonExact(rawBody.toString('utf8'));
			} catch {
				parsedBody = null;
			}
		}
		const log = {
			method,
			path: urlPath,
			query,
			headers: { ...req.headers },
			body: parsedBody,
			rawBody: rawBody.toString('utf8'),
			multipart: null,
			status: null,
			catalogId: null,
			time: Date.now(),
		};
		requests.push(log);
		if (requests.length > opts.maxLoggedRequests) requests.splice(0, requests.length - opts.maxLoggedRequests);
		stats.requests++;

		const route = catalog.match(method, urlPath);
		if (!route) return finish(res, log, 404, 'Not Found');
		const op = route.op;
		log.catalogId = op.id;

		const credential = authenticate(req.headers.authorization);
		if (!credential) return finish(res, log, 401, gongErrorBody('Access denied'));

		const limited = limiter.check(credential, opts.rateLimit, Date.now());
		if (limited) {
			stats.rateLimited++;
			return finish(res, log, 429, gongErrorBody('API request limit exceeded'), { 'Retry-After': String(limited.retryAfter) });
		}

		const fault = takeFault(method, urlPath, op.id);
		if (fault && !fault.afterWrite) {
			if (opts.latencyMs) await delay(opts.latencyMs);
			return answerFault(res, log, fault);
		}

		const v = validateRequest(op, { params: route.params, query, headers: req.headers, rawBody });
		log.multipart = v.multipart;
		let status;
		let body;
		let headers = {};
		if (v.errors.length) {
			status = 400;
			body = gongErrorBody(v.errors);
		} else {
			const hreq = { method, path: urlPath, params: v.params, query: v.query, body: v.body, rawBody, multipart: v.multipart, headers: req.headers, entry: op.entry, credential };
			try {
				const result = (await handlers.get(op.id)(hreq, sandbox)) || {};
				status = result.status || op.entry.successStatus || 200;
				body = result.body === undefined ? {} : result.body;
				headers = result.headers || {};
				if (body && typeof body === 'object' && !Array.isArray(body) && !result.bare && !('requestId' in body)) body = { requestId: newRequestId(), ...body };
			} catch (e) {
				if (e instanceof GongError) {
					status = e.status;
					body = gongErrorBody(e.errors);
					headers = e.headers;
				} else {
					process.stderr.write(`[gong-sandbox] handler ${op.id} crashed: ${e && e.stack}\n`);
					status = 500;
					body = gongErrorBody(STATUS_MESSAGES[500]);
				}
			}
		}
		if (opts.latencyMs) await delay(opts.latencyMs);
		if (closing) return;
		if (fault && fault.afterWrite && status < 300) {
			// the write happened; the client only learns "500" (an ambiguous failure)
			return answerFault(res, log, { ...fault, afterWrite: false, status: fault.status && fault.status >= 400 ? fault.status : 500 });
		}
		return finish(res, log, status, body, headers);
	}

	// -------------------------------------------------------------------------
	// /__sandbox control API
	// -------------------------------------------------------------------------

	function publicLog() {
		return requests.map((r) => ({ ...r, multipart: r.multipart && r.multipart.map((p) => ({ name: p.name, fileName: p.fileName, contentType: p.contentType, size: p.data.length, data: p.data.toString('base64') })) }));
	}

	const idsToStrings = (v) => {
		if (typeof v === 'bigint') return v.toString();
		if (Array.isArray(v)) return v.map(idsToStrings);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, idsToStrings(x)]));
		return v;
	};

	async function handleControl(req, res, url, rawBody) {
		const route = `${req.method.toUpperCase()} ${url.pathname.replace(/\/+$/, '')}`;
		let body = {};
		if (rawBody.length) {
			try {
				body = idsToStrings(parseJsonExact(rawBody.toString('utf8')));
			} catch (e) {
				return finish(res, null, 400, { error: `malformed JSON: ${e.message}` });
			}
		}
		try {
			switch (route) {
				case 'GET /__sandbox/health':
					return finish(res, null, 200, { ok: true });
				case 'GET /__sandbox/requests':
					return finish(res, null, 200, publicLog());
				case 'POST /__sandbox/reset-requests':
					api.clearRequests();
					return finish(res, null, 200, { ok: true });
				case 'POST /__sandbox/calls': {
					const list = Array.isArray(body) ? body : [body];
					const calls = list.map((p) => api.addCall(p));
					return finish(res, null, 200, { calls: calls.map((c) => ({ ...data.callMeta(c), visibleAt: c.visibleAt, isWebConference: c.isWebConference, parties: c.parties })) });
				}
				case 'POST /__sandbox/call-visibility':
					api.setCallVisible(body.id, body.visible !== false);
					return finish(res, null, 200, { ok: true });
				case 'POST /__sandbox/configure':
					api.configure(body);
					return finish(res, null, 200, { ok: true, options: publicOptions() });
				case 'POST /__sandbox/fail-next': {
					const { n, ...rest } = body;
					return finish(res, null, 200, { ok: true, queued: api.failNext(n === undefined ? 1 : n, rest) });
				}
				case 'POST /__sandbox/clear-faults':
					faultQueue = [];
					return finish(res, null, 200, { ok: true });
				case 'GET /__sandbox/stats':
					return finish(res, null, 200, api.stats());
				default:
					return finish(res, null, 404, 'Not Found');
			}
		} catch (e) {
			return finish(res, null, 400, { error: e.message });
		}
	}

	function publicOptions() {
		const { seed, ...rest } = opts;
		return { ...rest, seed };
	}

	// -------------------------------------------------------------------------
	// OAuth2 token endpoint (Gong's /oauth2/generate-customer-token): client credentials in a
	// Basic header, form body; refresh tokens are single-use, as at Gong.
	// -------------------------------------------------------------------------

	let tokenCounter = 0;
	const refreshTokens = new Set(['sandbox-refresh-token']);
	const tokenRequests = [];

	function handleToken(req, res, rawBody) {
		const form = new URLSearchParams(rawBody.toString('utf8'));
		const query = new URL(req.url, `http://${HOST}`).searchParams;
		const param = (name) => form.get(name) ?? query.get(name);
		const entry = { grantType: param('grant_type'), refreshToken: param('refresh_token'), code: param('code'), authorization: req.headers.authorization };
		tokenRequests.push(entry);
		const expected = `Basic ${Buffer.from(`${opts.oauthClientId}:${opts.oauthClientSecret}`).toString('base64')}`;
		const json = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method !== 'POST') return json(405, { error: 'method_not_allowed' });
		if (req.headers.authorization !== expected) return json(401, { error: 'invalid_client' });
		const grant = entry.grantType;
		const ok = (grant === 'refresh_token' && refreshTokens.delete(entry.refreshToken)) || (grant === 'authorization_code' && entry.code === 'sandbox-code');
		if (!ok) return json(400, { error: 'invalid_grant' });
		tokenCounter++;
		const accessToken = `sandbox-oauth-token-${tokenCounter}`;
		const refreshToken = `sandbox-refresh-token-${tokenCounter}`;
		opts.bearerTokens.push(accessToken);
		refreshTokens.add(refreshToken);
		return json(200, {
			access_token: accessToken,
			refresh_token: refreshToken,
			token_type: 'bearer',
			scope: 'api:calls:read:basic',
			expires_in: 86400,
			api_base_url_for_customer: `http://${HOST}:${server.address().port}`,
		});
	}

	// -------------------------------------------------------------------------
	// HTTP server
	// -------------------------------------------------------------------------

	const server = http.createServer((req, res) => {
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(c);
		});
		req.on('error', () => {});
		req.on('end', () => {
			if (tooLarge) return finish(res, null, 413, 'Payload Too Large');
			const rawBody = Buffer.concat(chunks);
			let url;
			try {
				url = new URL(req.url, `http://${HOST}`);
			} catch {
				return finish(res, null, 400, 'Bad Request');
			}
			const run = url.pathname.startsWith('/__sandbox/')
				? handleControl(req, res, url, rawBody)
				: url.pathname === '/oauth2/generate-customer-token'
					? handleToken(req, res, rawBody)
					: handleApi(req, res, url, rawBody);
			Promise.resolve(run).catch((e) => {
				process.stderr.write(`[gong-sandbox] ${e && e.stack}\n`);
				if (!res.headersSent) finish(res, null, 500, gongErrorBody(STATUS_MESSAGES[500]));
			});
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('clientError', (err, socket) => socket.destroy());

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = server.address().port;

	// -------------------------------------------------------------------------
	// Public API
	// -------------------------------------------------------------------------

	const api = {
		url: `http://${HOST}:${port}`,
		port,
		get requests() {
			return requests;
		},
		get state() {
			return sandbox.state;
		},
		/** The media host serving the recordings behind media URLs (url, requests, configure, reset). */
		get media() {
			return mediaHost;
		},
		/** Requests to the OAuth2 token endpoint: {grantType, refreshToken, code, authorization}. */
		get tokenRequests() {
			return tokenRequests;
		},
		/** Accepted OAuth access tokens (refreshes add to it). */
		get bearerTokens() {
			return opts.bearerTokens;
		},
		get options() {
			return publicOptions();
		},
		clearRequests() {
			requests.length = 0;
			stats = { requests: 0, byStatus: {}, rateLimited: 0, faults: 0 };
		},
		addCall(partial = {}) {
			return sandbox.addCall(partial);
		},
		setCallVisible(id, visible = true) {
			const call = sandbox.state.calls.find((c) => c.id === String(id));
			if (!call) throw new Error(`no call with id ${id}`);
			call.visibleAt = visible ? 0 : Number.MAX_SAFE_INTEGER;
			return call;
		},
		failNext,
		clearFaults() {
			faultQueue = [];
		},
		configure(partial = {}) {
			for (const [k, v] of Object.entries(partial)) {
				if (k === 'rateLimit') {
					opts.rateLimit = normalizeRateLimit(v, opts.rateLimit || undefined);
					limiter.reset();
				} else if (k === 'faults') {
					opts.faults = { ...opts.faults, ...(v || {}) };
					if (v && v.seed !== undefined) faultRng = data.createRng(opts.faults.seed); // giving a seed restarts the sequence
				} else if (k === 'port' || k === 'seed') {
					throw new Error(`${k} cannot be changed at runtime`);
				} else if (k in opts) {
					opts[k] = Array.isArray(v) ? v.slice() : v;
				} else throw new Error(`unknown option ${k}`);
			}
			return publicOptions();
		},
		stats() {
			return { requests: stats.requests, byStatus: { ...stats.byStatus }, rateLimited: stats.rateLimited, faults: stats.faults };
		},
		credentials() {
			return { accessKey: opts.accessKey, accessKeySecret: opts.accessKeySecret, bearerToken: opts.bearerTokens[0] };
		},
		/** Authorization header value for the default Basic credential. */
		basicAuthHeader() {
			return `Basic ${Buffer.from(`${opts.accessKey}:${opts.accessKeySecret}`).toString('base64')}`;
		},
		async close() {
			if (closing) return;
			closing = true;
			for (const t of timers) clearTimeout(t);
			timers.clear();
			await new Promise((resolve) => {
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
				if (server.closeAllConnections) server.closeAllConnections();
			});
			await mediaHost.close();
		},
	};
	return api;
}

module.exports = { createSandbox, normalizeOptions };
