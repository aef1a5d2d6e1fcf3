'use strict';
/**
 * Media host: the recordings behind the media URLs of POST /v2/calls/extensive
 * (contentSelector.exposedFields.media). Like the pre-signed storage links Gong hands out, it runs
 * on its own origin (another port of 127.0.0.1), wants no credential, and serves a file only for
 * a URL with a valid signature that has not expired (Gong: "available for 8 hours").
 *
 *   GET /calls/{id}/audio.mp3?expires=<epoch ms>&sig=<hmac>   → audio/mpeg
 *   GET /calls/{id}/video.mp4?expires=<epoch ms>&sig=<hmac>   → video/mp4
 *
 * Expired or badly signed → 403 (S3-style XML), unknown call or no such media → 404.
 * The bytes are small, generated and deterministic per call (an MP3 / MP4 header and filler).
 * Test knobs (configure): ttlMs, chunked (no Content-Length), redirect { status, location, times }
 * (times: how many requests are redirected, default all), contentType (override). This file is wired in by server.js, not loaded as catalog handlers.
 */

const http = require('http');
const crypto = require('crypto');

const HOST = '127.0.0.1';
const DEFAULT_TTL_MS = 8 * 3600 * 1000;

/** Deterministic filler bytes for one call's file. */
function filler(seed, size) {
	const out = Buffer.alloc(size);
	let block = crypto.createHash('sha256').update(seed).digest();
	for (let i = 0; i < size; i += block.length) {
		block.copy(out, i, 0, Math.min(block.length, size - i));
		block = crypto.createHash('sha256').update(block).digest();
	}
	return out;
}

/** The recording of a call: audio is an ID3-tagged MP3 frame stream, video an MP4 (ftyp + mdat). */
function mediaBytes(call, kind) {
	const extra = (Number(call.duration) || 0) % 97;
	if (kind === 'audio') {
		const id3 = Buffer.from([0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
		const body = filler(`audio|${call.id}`, 12000 + extra * 10);
		for (let i = 0; i + 4 <= body.length; i += 417) body.set([0xff, 0xfb, 0x90, 0x64], i); // MPEG-1 layer III frame headers
		return Buffer.concat([id3, body]);
	}
	const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41')]);
	const data = filler(`video|${call.id}`, 30000 + extra * 10);
	const mdatHeader = Buffer.alloc(8);
	mdatHeader.writeUInt32BE(data.length + 8, 0);
	mdatHeader.write('mdat', 4);
	return Buffer.concat([ftyp, mdatHeader, data]);
}

const FILES = { audio: { name: 'audio.mp3', type: 'audio/mpeg' }, video: { name: 'video.mp4', type: 'video/mp4' } };

function createMediaHost(sandbox) {
	const secret = crypto.randomBytes(16);
	const knobs = { ttlMs: DEFAULT_TTL_MS, chunked: false, redirect: null, contentType: null };
	const requests = [];
	const sockets = new Set();
	const sign = (id, kind, expires) => crypto.createHmac('sha256', secret).update(`${id}|${kind}|${expires}`).digest('hex');

	const xmlError = (res, status, code, message) => {
		const text = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
		res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(text) });
		res.end(text);
	};

	const server = http.createServer((req, res) => {
		const url = new URL(req.url, `http://${HOST}`);
		requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, time: Date.now() });
		req.resume();
		if (knobs.redirect && knobs.redirect.times !== 0) {
			if (knobs.redirect.times > 0) knobs.redirect.times--;
			res.writeHead(knobs.redirect.status || 302, { Location: knobs.redirect.location, 'Content-Length': 0 });
			return res.end();
		}
		const m = /^\/calls\/(\d{1,20})\/(audio|video)\.(mp3|mp4)$/.exec(url.pathname);
		if (req.method !== 'GET' || !m) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
		const [, id, kind] = m;
		const expires = Number(url.searchParams.get('expires'));
		const sig = String(url.searchParams.get('sig') || '');
		const expected = sign(id, kind, url.searchParams.get('expires'));
		if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
		if (!Number.isFinite(expires) || expires < Date.now()) return xmlError(res, 403, 'AccessDenied', 'Request has expired');
		const call = sandbox.state.calls.find((c) => c.id === id);
		if (!call || !call.media || (kind === 'video' && call.media !== 'Video')) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
		const bytes = mediaBytes(call, kind);
		const headers = { 'Content-Type': knobs.contentType || FILES[kind].type };
		if (!knobs.chunked) headers['Content-Length'] = bytes.length;
		res.writeHead(200, headers);
		if (!knobs.chunked) return res.end(bytes);
		// Chunked: no Content-Length, the size is only known by reading.
		for (let i = 0; i < bytes.length; i += 4096) res.write(bytes.subarray(i, i + 4096));
		return res.end();
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('clientError', (err, socket) => socket.destroy());

	const host = {
		url: null,
		/** Requests the media host received: {method, path, query, headers}. */
		requests,
		async start() {
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, HOST, () => {
					server.off('error', reject);
					resolve();
				});
			});
			host.url = `http://${HOST}:${server.address().port}`;
			return host;
		},
		/** A signed URL for one call's file (valid for ttlMs from now, or the given expiry). */
		urlFor(callId, kind, expires = Date.now() + knobs.ttlMs) {
			return `${host.url}/calls/${callId}/${FILES[kind].name}?expires=${expires}&sig=${sign(String(callId), kind, String(expires))}`;
		},
		/** What POST /v2/calls/extensive returns as `media`: audio when recorded, video for video calls. */
		urlsFor(call) {
			return {
				audioUrl: call.media ? host.urlFor(call.id, 'audio') : null,
				videoUrl: call.media === 'Video' ? host.urlFor(call.id, 'video') : null,
			};
		},
		/** The bytes a call's file has (for assertions). */
		bytesOf(call, kind) {
			return mediaBytes(call, kind);
		},
		configure(partial = {}) {
			for (const [k, v] of Object.entries(partial)) {
				if (!(k in knobs)) throw new Error(`media host: unknown option ${k}`);
				knobs[k] = k === 'redirect' && v ? { times: -1, ...v } : v;
			}
		},
		reset() {
			Object.assign(knobs, { ttlMs: DEFAULT_TTL_MS, chunked: false, redirect: null, contentType: null });
			requests.length = 0;
		},
		async close() {
			await new Promise((resolve) => {
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
				if (server.closeAllConnections) server.closeAllConnections();
			});
		},
	};
	return host;
}

module.exports = { sandboxPart: 'media', createMediaHost, mediaBytes };
