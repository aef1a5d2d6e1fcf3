import { createHash, createPublicKey, createVerify, timingSafeEqual, type KeyObject } from 'crypto';

/**
 * Verification of Gong webhook deliveries. Pure functions: no I/O, no clock of their own (the
 * caller passes "now"), and every failure is a short reason that never quotes the request.
 */

/** Seconds a token's exp / iat may be off from this server's clock. */
export const CLOCK_SKEW_SECONDS = 60;
/** A JWT longer than this is refused before it is decoded (Gong's are well under 2 KB). */
const MAX_TOKEN_LENGTH = 16384;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): VerifyResult => ({ ok: false, reason });

/**
 * Reads the public key Gong shows in the rule editor: a PEM block (SPKI "PUBLIC KEY" or PKCS#1
 * "RSA PUBLIC KEY") or the bare base64 of the SPKI DER. Throws an Error with a short message
 * when it is not an RSA public key.
 */
export function parsePublicKey(text: string): KeyObject {
	const trimmed = String(text ?? '').trim();
	if (!trimmed) throw new Error('the public key is empty');
	let key: KeyObject | undefined;
	try {
		if (trimmed.includes('-----BEGIN')) {
			key = createPublicKey({ key: trimmed, format: 'pem' });
		} else {
			const compact = trimmed.replace(/\s+/g, '');
			if (!/^[A-Za-z0-9+/=_-]+$/.test(compact)) throw new Error('not base64');
			const der = Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
			key = createPublicKey({ key: der, format: 'der', type: 'spki' });
		}
	} catch {
		key = undefined;
	}
	if (!key) throw new Error('the public key is not a valid PEM or base64 RSA public key');
	if (key.asymmetricKeyType !== 'rsa') throw new Error(`the public key is a ${key.asymmetricKeyType ?? 'non-RSA'} key, Gong signs with RSA`);
	return key;
}

/** A URL reduced to what identifies the endpoint: lower-case scheme and host, no default port, no trailing slash. */
export function normaliseUrl(raw: string): string | undefined {
	let url: URL;
	try {
		url = new URL(String(raw ?? '').trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	let path = url.pathname;
	while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
	if (path === '/') path = '';
	return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
	const left = createHash('sha256').update(a, 'utf8').digest();
	const right = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(left, right) && a.length === b.length;
}

function base64UrlDecode(part: string): Buffer | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
	return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
	const bytes = base64UrlDecode(part);
	if (!bytes) return undefined;
	try {
		const value = JSON.parse(bytes.toString('utf8')) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

export interface JwtCheck {
	/** The Authorization header as received (may be missing). */
	authorization: unknown;
	/** The exact bytes of the request body. */
	rawBody: Buffer;
	publicKey: KeyObject;
	/** URLs Gong may legitimately have posted to (already normalised). */
	acceptedUrls: string[];
	/** Seconds since the epoch. */
	nowSeconds: number;
}

/** Hex SHA-256 of the body, as Gong puts it in the body_sha256 claim. */
export function bodySha256(raw: Buffer): string {
	return createHash('sha256').update(raw).digest('hex');
}

/**
 * Verifies Gong's "Signed JWT header": RS256 signature with the company's public key, then the
 * claims body_sha256 (the exact raw body), webhook_url (this endpoint) and exp / iat when present.
 */
export function verifyGongJwt(check: JwtCheck): VerifyResult {
	const header = Array.isArray(check.authorization) ? check.authorization[0] : check.authorization;
	if (typeof header !== 'string' || header.trim() === '') return fail('missing Authorization header with Gong\'s JWT');
	let token = header.trim();
	if (token.slice(0, 7).toLowerCase() === 'bearer ') token = token.slice(7).trim();
	if (token.length > MAX_TOKEN_LENGTH) return fail('JWT too long');
	const parts = token.split('.');
	if (parts.length !== 3) return fail('Authorization header is not a JWT');
	const [headerPart, payloadPart, signaturePart] = parts;
	const jwtHeader = decodeJsonPart(headerPart);
	if (!jwtHeader) return fail('JWT header is not valid base64url JSON');
	// Only RS256: "none", HS256 (which would take the public key as an HMAC secret) and the rest are refused.
	if (jwtHeader.alg !== 'RS256') return fail(`JWT algorithm ${typeof jwtHeader.alg === 'string' ? jwtHeader.alg.slice(0, 10) : 'missing'} is not accepted (RS256 only)`);
	const signature = base64UrlDecode(signaturePart);
	if (!signature || signature.length === 0) return fail('JWT has no signature');
	let valid = false;
	try {
		valid = createVerify('RSA-SHA256').update(`${headerPart}.${payloadPart}`).verify(check.publicKey, signature);
	} catch {
		valid = false;
	}
	if (!valid) return fail('JWT signature does not verify with the configured Gong public key');

	const claims = decodeJsonPart(payloadPart);
	if (!claims) return fail('JWT payload is not valid base64url JSON');

	const expected = bodySha256(check.rawBody);
	if (typeof claims.body_sha256 !== 'string') return fail('JWT has no body_sha256 claim');
	if (!constantTimeEqual(claims.body_sha256.toLowerCase(), expected)) return fail('body does not match the JWT\'s body_sha256');

	if (typeof claims.webhook_url !== 'string') return fail('JWT has no webhook_url claim');
	const signedUrl = normaliseUrl(claims.webhook_url);
	if (!signedUrl || !check.acceptedUrls.includes(signedUrl)) return fail('JWT\'s webhook_url is not this webhook\'s URL');

	const now = check.nowSeconds;
	if (claims.exp !== undefined) {
		const exp = Number(claims.exp);
		if (!Number.isFinite(exp)) return fail('JWT exp is not a number');
		if (now > exp + CLOCK_SKEW_SECONDS) return fail('JWT has expired');
	}
	if (claims.iat !== undefined) {
		const iat = Number(claims.iat);
		if (!Number.isFinite(iat)) return fail('JWT iat is not a number');
		if (iat > now + CLOCK_SKEW_SECONDS) return fail('JWT is issued in the future');
	}
	if (claims.nbf !== undefined) {
		const nbf = Number(claims.nbf);
		if (!Number.isFinite(nbf) || nbf > now + CLOCK_SKEW_SECONDS) return fail('JWT is not valid yet');
	}
	return { ok: true };
}

/** "URL includes key": the key Gong sends in the URL's `key` query parameter. */
export function verifyUrlKey(received: unknown, configured: string): VerifyResult {
	const value = Array.isArray(received) ? received[0] : received;
	if (typeof value !== 'string' || value === '') return fail('missing key in the URL');
	if (!constantTimeEqual(value, configured)) return fail('wrong key in the URL');
	return { ok: true };
}
