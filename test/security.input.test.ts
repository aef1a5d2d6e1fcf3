/**
 * Input that arrives through expressions (webhook bodies, other nodes' output) can be anything:
 * a megabyte of dots, CR/LF in a file name, an id longer than Gong's. Each check here runs through
 * the engine where a node reads the input, and asserts what the sandbox received (or that it
 * received nothing). The time bounds are sanity limits only (2 s for work that takes milliseconds
 * when linear and minutes when quadratic); linearity itself is argued in security.regex.test.ts.
 */
import { byId, useGong } from './helpers';
import { isEmailAddress } from '../nodes/shared/framework/validate';
import { idFromUrl } from '../nodes/shared/framework/request';
import { LOCATORS } from '../nodes/shared/framework/properties';
import { normaliseBaseUrl } from '../nodes/shared/transport/connection';
import { encodeMultipart, mimeTypeProblem, safeFileName, MAX_FILE_NAME } from '../nodes/shared/transport/multipart';

const MB = 1024 * 1024;
const BUDGET_MS = 2000;
const node = { id: 'n', name: 'Gong', type: 'n8n-nodes-gong.gong', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

/** Runs `fn`, returns its result and asserts the sanity budget. */
function withinBudget<T>(fn: () => T): T {
	const started = Date.now();
	const result = fn();
	expect(Date.now() - started).toBeLessThan(BUDGET_MS);
	return result;
}

describe('email addresses from webhook data', () => {
	const gong = useGong({ seed: { calls: 1, users: 1 } });

	test.each([
		['"a@" + 50,000 dots + "@"', `a@${'.'.repeat(50000)}@`],
		['"a@" + 1 MB of dots + "@"', `a@${'.'.repeat(MB)}@`],
		['1 MB of "a.a." after "x@"', `x@${'a.'.repeat(MB / 2)}`],
	])('%s is refused quickly, naming the parameter, nothing sent', async (_label, email) => {
		const started = Date.now();
		const result = await gong.run({
			input: [{ json: { email } }],
			parameters: { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: '={{ $json.email }}' },
		});
		expect(Date.now() - started).toBeLessThan(BUDGET_MS * 5); // the whole engine run, generous
		expect(result.error!.message).toMatch(/^Parameter "Email Address" \(emailAddress\): ".{57}\.\.\." (has \d+ characters; an email address has at most 254|is not an email address)$/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('a valid address still goes to Gong unchanged', async () => {
		const result = await gong.run({
			input: [{ json: { email: 'jane.doe@example.co.uk' } }],
			parameters: { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: '={{ $json.email }}' },
		});
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest()).toMatchObject({ method: 'GET', path: '/v2/data-privacy/data-for-email-address', query: { emailAddress: 'jane.doe@example.co.uk' } });
	});

	test('the email check accepts and refuses what the former pattern did', () => {
		for (const ok of ['a@b.c', 'jane.doe+x@example.co.uk', 'a@b..c', 'a.@b.c']) expect([ok, isEmailAddress(ok)]).toEqual([ok, true]);
		for (const bad of ['', 'a', '@b.c', 'a@', 'a@b', 'a@.b', 'a@b.', 'a@@b.c', 'a@b@c.d', 'a b@c.d', 'a@b.c\n', 'a\t@b.c', `${'a'.repeat(250)}@b.co`])
			expect([bad, isEmailAddress(bad)]).toEqual([bad, false]);
	});

	test.each([
		['dots between two @', `a@${'.'.repeat(MB)}@`],
		['dots only after @', `a@${'.'.repeat(MB)}`],
		['no @ at all', 'a'.repeat(MB)],
		['spaces', ' '.repeat(MB)],
	])('isEmailAddress on 1 MB of %s stays within the budget', (_label, text) => {
		expect(withinBudget(() => isEmailAddress(text))).toBe(false);
	});
});

describe('base URL path', () => {
	test.each([
		['a megabyte of slashes before one character', `https://api.gong.io/${'/'.repeat(MB)}x`, `https://api.gong.io/${'/'.repeat(MB)}x`],
		['a megabyte of trailing slashes', `https://api.gong.io/proxy${'/'.repeat(MB)}`, 'https://api.gong.io/proxy'],
	])('%s is normalised within the budget', (_label, raw, expected) => {
		expect(withinBudget(() => normaliseBaseUrl(node, raw, false))).toBe(expected);
	});

	test('trailing slashes and /v2 still go', () => {
		expect(normaliseBaseUrl(node, 'https://us-1.api.gong.io/v2///', false)).toBe('https://us-1.api.gong.io');
		expect(normaliseBaseUrl(node, 'https://api.gong.io/', false)).toBe('https://api.gong.io');
	});
});

describe('call URL locator', () => {
	const gong = useGong({ seed: { calls: 2, users: 1 } });
	const url = (id: string, rest = '') => `https://us-12345.app.gong.io/call?id=${id}${rest}`;
	const extract = (text: string) => new RegExp(LOCATORS.call.url!.regex).exec(text)?.[1];
	// n8n wraps a resource locator's validation regex in ^…$.
	const valid = (text: string) => new RegExp(`^${LOCATORS.call.url!.validation}$`).test(text);

	test('typed as a URL of 25 digits: n8n\'s own locator validation refuses the workflow; nothing sent', async () => {
		const result = await gong.run({ parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'url', value: url('1234567890123456789012345') } } });
		expect(result.error!.constructor.name).toBe('WorkflowHasIssuesError');
		expect(gong.requests()).toHaveLength(0);
	});

	test('from an expression (n8n skips validation): 21+ digits refused naming the parameter, not cut to 20', async () => {
		const id = '9'.repeat(21);
		const result = await gong.run({
			input: [{ json: { link: url(id, '&tab=brief') } }],
			parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'url', value: '={{ $json.link }}' } },
		});
		expect(result.error!.message).toMatch(/^Parameter "Call" \(callId\): "9{21}" is not a Gong ID/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('a 20-digit id anywhere in the query is used whole', async () => {
		const call = gong.sandbox.state.calls[0];
		const result = await gong.run({
			input: [{ json: { link: url(call.id, '&tab=transcript') } }],
			parameters: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'url', value: '={{ $json.link }}' } },
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0].id).toBe(call.id);
		expect(JSON.stringify([gong.lastRequest().path, gong.lastRequest().query])).toContain(call.id);
		expect(idFromUrl(`https://x.app.gong.io/call?tab=a&id=${'1'.repeat(20)}#t=5`)).toBe('1'.repeat(20));
	});

	test('the locator patterns n8n runs: 25 digits neither extracted nor valid; 20 digits both', () => {
		expect(extract(url('1'.repeat(25)))).toBeUndefined();
		expect(valid(url('1'.repeat(25)))).toBe(false);
		expect(extract(url('1'.repeat(20)))).toBe('1'.repeat(20));
		expect(extract(url('123', '&tab=x'))).toBe('123');
		expect(extract(`https://x.app.gong.io/call?tab=x&id=77`)).toBe('77');
		expect(valid(url('1'.repeat(20)))).toBe(true);
		expect(valid(`https://x.app.gong.io/call?tab=x&id=77`)).toBe(true);
		expect(valid('https://evil.example/?gong.io/call?id=1')).toBe(false);
	});

	test.each([
		['repeated call prefixes', `${'https://a.gong.io/call?'.repeat(MB / 24)}`],
		['repeated &id=1 without an end', `${url('1')}${'&id=1'.repeat(MB / 5)}x`],
		['a megabyte of & after the prefix', `https://a.gong.io/call?${'&'.repeat(MB)}`],
		['a megabyte of digits', url('1'.repeat(MB))],
		['a megabyte of spaces after the id', `${url('1')}${' '.repeat(MB)}x`],
	])('patterns and idFromUrl on %s stay within the budget', (_label, text) => {
		withinBudget(() => extract(text));
		withinBudget(() => valid(text));
		withinBudget(() => idFromUrl(text));
	});
});

describe('multipart part headers', () => {
	const gong = useGong({ seed: { calls: 2, users: 1 } });
	const audio = Buffer.from('ID3 fake frames');
	const upload = (binary: Record<string, unknown>) =>
		gong.run({
			input: [{ json: {}, binary: { data: { data: audio.toString('base64'), ...binary } } } as any],
			parameters: { resource: 'call', operation: 'uploadMedia', callId: byId(gong.sandbox.state.calls[0].id), binaryPropertyName: 'data' },
		});

	test('CR/LF, quotes, backslashes and control characters in a file name stay inside the filename parameter', async () => {
		const result = await upload({ mimeType: 'audio/mpeg', fileName: 'a"\r\nContent-Type: text/html\r\n\r\n<x>\\\u0000\u007f.mp3' });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		const boundary = /boundary=(.+)$/.exec(req.headers['content-type'])![1];
		const raw: string = req.rawBody;
		const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
		expect(head.split('\r\n')).toEqual([
			`--${boundary}`,
			'Content-Disposition: form-data; name="mediaFile"; filename="a___Content-Type: text_html____<x>___.mp3"',
			'Content-Type: audio/mpeg',
		]);
		expect(req.multipart).toHaveLength(1);
		expect(req.multipart[0]).toMatchObject({ name: 'mediaFile', fileName: 'a___Content-Type: text_html____<x>___.mp3', contentType: 'audio/mpeg' });
		expect(Buffer.compare(req.multipart[0].data, audio)).toBe(0);
	});

	test('a MIME type with CR/LF is refused naming the parameter; nothing sent', async () => {
		const result = await upload({ mimeType: 'audio/mpeg\r\nX-Injected: 1', fileName: 'a.mp3' });
		expect(result.error!.message).toMatch(/^Parameter "Input Binary Field" \(binaryPropertyName\): the MIME type of binary field "data" is not a valid MIME type/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('the encoder itself refuses a bad MIME type with the origin named (every caller)', () => {
		expect(() => encodeMultipart([{ name: 'dataFile', value: 'x', contentType: 'text/csv"\r\nX: 1', origin: 'Parameter "Input Binary Field" (binaryPropertyName)' }])).toThrow(
			/^Parameter "Input Binary Field" \(binaryPropertyName\): MIME type "text\/csv\\"\\r\\nX: 1" is not a valid MIME type/,
		);
		expect(mimeTypeProblem('text/csv; charset="utf-8"')).toBeUndefined();
		expect(mimeTypeProblem('audio/mpeg; a=b')).toBeUndefined();
		for (const bad of ['audio', 'audio/', '/mpeg', 'audio/mp eg', 'audio/mpeg;', 'audio/mpeg; a="b\r\n"', 'audio/mpeg\u0000', `audio/${'x'.repeat(300)}`])
			expect([bad, mimeTypeProblem(bad)]).toEqual([bad, expect.any(String)]);
	});

	test('file names: bounded length with the extension kept, never empty; 1 MB within the budget', () => {
		expect(safeFileName('')).toBe('file');
		expect(safeFileName('\r\n')).toBe('__');
		const long = withinBudget(() => safeFileName(`${'\r\n'.repeat(MB / 2)}.mp3`));
		expect(long).toHaveLength(MAX_FILE_NAME);
		expect(long.endsWith('.mp3')).toBe(true);
		withinBudget(() => mimeTypeProblem(`a/b${' ;a=b'.repeat(MB / 5)}`));
		withinBudget(() => mimeTypeProblem(`audio/mpeg;${' '.repeat(200)}`));
	});
});
