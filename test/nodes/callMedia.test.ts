/**
 * Call → Download Media: media links from POST /v2/calls/extensive (exposedFields.media, batched
 * like Call → Get), files fetched from the sandbox's media host (its own origin, signed expiring
 * links) without the Gong credential, stored as n8n binary data.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId, useGong } from '../helpers';

const { checkMediaUrl } = require('../../nodes/shared/calls/media');

describe('Call → Download Media', () => {
	const gong = useGong({ seed: { calls: 60, users: 20 }, pageSize: 100 });
	afterEach(() => {
		gong.sandbox.media.reset();
		gong.sandbox.clearFaults();
	});

	const visible = () => gong.sandbox.state.calls.filter((c: any) => !c.visibleAt || c.visibleAt <= Date.now());
	const audioCalls = () => visible().filter((c: any) => c.media === 'Audio');
	const videoCalls = () => visible().filter((c: any) => c.media === 'Video');
	const download = (ids: string[], extra: IDataObject = {}, continueOnFail = false) =>
		gong.run({
			continueOnFail,
			input: ids.map((id) => ({ json: { id } })),
			parameters: { resource: 'call', operation: 'downloadMedia', callId: byId('={{ $json.id }}'), mediaType: 'audio', binaryPropertyName: 'data', ...extra },
		});
	const bytesOf = (item: any, field = 'data') => Buffer.from(item.binary[field].data, 'base64');

	test('audio: one POST /v2/calls/extensive asking only for media, the file as binary with name and MIME type; no Gong credential reaches the media host', async () => {
		const call = audioCalls()[0];
		const result = await download([call.id]);
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs).toHaveLength(1);
		expect(reqs[0].method).toBe('POST');
		expect(reqs[0].path).toBe('/v2/calls/extensive');
		expect(reqs[0].body).toEqual({ filter: { callIds: [call.id] }, contentSelector: { exposedFields: { media: true } } });
		expect(reqs[0].headers.authorization).toMatch(/^Basic /);

		expect(result.items).toHaveLength(1);
		const item = result.items[0] as any;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toEqual({
			callId: call.id,
			mediaType: 'audio',
			fileName: `gong-call-${call.id}-audio.mp3`,
			mimeType: 'audio/mpeg',
			fileSize: gong.sandbox.media.bytesOf(call, 'audio').length,
			title: call.title,
			started: call.started,
			duration: call.duration,
			url: call.url,
		});
		expect(item.binary.data).toMatchObject({ fileName: `gong-call-${call.id}-audio.mp3`, mimeType: 'audio/mpeg', fileExtension: 'mp3' });
		expect(bytesOf(item).equals(gong.sandbox.media.bytesOf(call, 'audio'))).toBe(true);

		const media = gong.sandbox.media.requests;
		expect(media).toHaveLength(1);
		expect(media[0].path).toBe(`/calls/${call.id}/audio.mp3`);
		expect(media[0].headers.authorization).toBeUndefined();
		expect(media[0].headers.cookie).toBeUndefined();
		expect(JSON.stringify(media[0].headers)).not.toMatch(/sandbox-(key|secret|oauth)/);
	});

	test('OAuth2: the Bearer token goes to Gong only, never to the media host', async () => {
		const call = audioCalls()[1];
		const result = await gong.run({ auth: 'oAuth2', parameters: { resource: 'call', operation: 'downloadMedia', callId: byId(call.id), mediaType: 'audio', binaryPropertyName: 'data' } });
		expect(result.error).toBeUndefined();
		expect(gong.lastRequest().headers.authorization).toBe('Bearer sandbox-oauth-token');
		expect(gong.sandbox.media.requests[0].headers.authorization).toBeUndefined();
		expect(bytesOf(result.items[0]).length).toBeGreaterThan(1000);
	});

	test('video into another binary field: video/mp4 bytes; several items share one Gong request, each file paired to its item', async () => {
		const calls = videoCalls().slice(0, 3);
		expect(calls).toHaveLength(3);
		const result = await download(calls.map((c: any) => c.id), { mediaType: 'video', binaryPropertyName: 'recording' });
		expect(result.error).toBeUndefined();
		expect(gong.requests()).toHaveLength(1);
		expect(gong.requests()[0].body.filter.callIds).toEqual(calls.map((c: any) => c.id));
		expect(result.items).toHaveLength(3);
		result.items.forEach((item: any, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.callId).toBe(calls[i].id);
			expect(item.binary.recording).toMatchObject({ fileName: `gong-call-${calls[i].id}-video.mp4`, mimeType: 'video/mp4' });
			expect(bytesOf(item, 'recording').equals(gong.sandbox.media.bytesOf(calls[i], 'video'))).toBe(true);
			expect(bytesOf(item, 'recording').subarray(4, 8).toString()).toBe('ftyp');
		});
		expect(gong.sandbox.media.requests.map((r: any) => r.path)).toEqual(calls.map((c: any) => `/calls/${c.id}/video.mp4`));
	});

	test('continueOnFail: unknown call, call without media (still processing), video of an audio-only call → error items; the others their files; every item paired', async () => {
		const [ok1, noMedia, audioOnly, ok2] = audioCalls().slice(2, 6);
		const saved = noMedia.media;
		noMedia.media = null; // Gong has no recording for it yet
		try {
			const result = await gong.run({
				continueOnFail: true,
				input: [{ json: { id: ok1.id, t: 'audio' } }, { json: { id: '99999999999999999999', t: 'audio' } }, { json: { id: noMedia.id, t: 'audio' } }, { json: { id: audioOnly.id, t: 'video' } }, { json: { id: ok2.id, t: 'audio' } }],
				parameters: { resource: 'call', operation: 'downloadMedia', callId: byId('={{ $json.id }}'), mediaType: '={{ $json.t }}', binaryPropertyName: 'data' },
			});
			expect(result.error).toBeUndefined();
			expect(gong.requests()).toHaveLength(1);
			expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
			expect(result.json[0].callId).toBe(ok1.id);
			expect((result.items[0] as any).binary.data.mimeType).toBe('audio/mpeg');
			expect(result.json[1]).toMatchObject({ error: 'Call 99999999999999999999 was not found in Gong', httpCode: '404' });
			expect(result.json[2].error).toBe(`Gong has no audio recording for call ${noMedia.id} (yet)`);
			expect(result.json[2].description).toMatch(/still be processing.*api:calls:read:media-url/);
			expect(result.json[3].error).toBe(`Call ${audioOnly.id} has no video recording in Gong, only audio`);
			expect(result.json[3].description).toMatch(/Choose Media: Audio/);
			expect(result.json[4].callId).toBe(ok2.id);
			expect(result.items.filter((i: any) => i.binary)).toHaveLength(2);
			expect(gong.sandbox.media.requests.map((r: any) => r.path)).toEqual([`/calls/${ok1.id}/audio.mp3`, `/calls/${ok2.id}/audio.mp3`]);
		} finally {
			noMedia.media = saved;
		}
	});

	test('expired link (media host 403): clear error naming the expiry, without the signed URL; the run fails naming the item', async () => {
		const call = audioCalls()[6];
		gong.sandbox.media.configure({ ttlMs: -1000 }); // links Gong hands out are already expired
		const result = await download([call.id]);
		expect(result.error!.message).toMatch(new RegExp(`^The media link for the audio of call ${call.id} has expired or is no longer valid \\(the media host http://127\\.0\\.0\\.1:\\d+ answered 403\\)$`));
		expect(result.error!.description).toMatch(/temporary .* run the node again/);
		expect(result.error!.httpCode).toBe('403');
		expect(result.error!.context!.itemIndex).toBe(0);
		expect(JSON.stringify({ m: result.error!.message, d: result.error!.description })).not.toMatch(/sig=|expires=/);
		expect(gong.sandbox.media.requests).toHaveLength(1);
	});

	test('media gone (media host 404) with continueOnFail: error item with httpCode 404', async () => {
		const call = audioCalls()[7];
		// A validly signed link to a file the storage host does not have.
		gong.sandbox.media.configure({ redirect: { status: 302, location: gong.sandbox.media.urlFor(call.id, 'video'), times: 1 } });
		const result = await download([call.id], {}, true);
		expect(result.json[0]).toMatchObject({ httpCode: '404', error: expect.stringMatching(/has expired or is no longer valid \(the media host .* answered 404\)$/) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect((result.items[0] as any).binary).toBeUndefined();
	});

	test('size limit: refused early from Content-Length; enforced while reading when the host sends no length; nothing stored', async () => {
		const call = audioCalls()[8];
		const size = gong.sandbox.media.bytesOf(call, 'audio').length;
		const limitMb = 0.01; // 10,485 bytes, below every sandbox recording
		expect(size).toBeGreaterThan(limitMb * 1024 * 1024);
		const early = await download([call.id], { options: { maxSizeMb: limitMb } }, true);
		expect(early.json[0].error).toMatch(new RegExp(`^The audio of call ${call.id} is larger than the limit of 0\\.01 MB \\(0\\.01 MB\\)$`));
		expect(early.json[0].description).toMatch(/nothing was downloaded/);
		expect((early.items[0] as any).binary).toBeUndefined();

		gong.sandbox.media.configure({ chunked: true });
		const streamed = await download([call.id], { options: { maxSizeMb: limitMb } }, true);
		expect(streamed.json[0].error).toMatch(/^The audio of call \d+ is larger than the limit of 0\.01 MB \(stopped after 0\.01 MB\)$/);
		expect(streamed.json[0].description).toMatch(/the download was stopped/);
		expect(gong.sandbox.media.requests).toHaveLength(2);

		// Same chunked host with the default limit: the whole file arrives.
		const ok = await download([call.id]);
		expect(ok.error).toBeUndefined();
		expect(bytesOf(ok.items[0]).length).toBe(size);
	});

	test('Max Size out of range is refused before any request, naming the option', async () => {
		const result = await download([audioCalls()[0].id], { options: { maxSizeMb: 5000 } });
		expect(result.error!.message).toMatch(/Parameter "Max Size \(MB\)" \(maxSizeMb\): 5000 is above the maximum 2048/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('redirects: followed (by hand) to an allowed target; a redirect to a non-http(s) scheme and a redirect loop are refused', async () => {
		const call = audioCalls()[9];
		const target = gong.sandbox.media.urlFor(call.id, 'audio');
		gong.sandbox.media.configure({ redirect: { status: 302, location: target, times: 1 } });
		const followed = await download([call.id]);
		expect(followed.error).toBeUndefined();
		expect(bytesOf(followed.items[0]).equals(gong.sandbox.media.bytesOf(call, 'audio'))).toBe(true);
		expect(gong.sandbox.media.requests).toHaveLength(2);
		expect(gong.sandbox.media.requests.every((r: any) => r.headers.authorization === undefined)).toBe(true);

		gong.sandbox.media.reset();
		gong.sandbox.media.configure({ redirect: { status: 301, location: 'file:///etc/passwd' } });
		const fileScheme = await download([call.id], {}, true);
		expect(fileScheme.json[0].error).toMatch(/^The media link for the audio of call \d+ was refused: file:\/\/ is not an https:\/\/ address$/);
		expect(fileScheme.json[0].description).toMatch(/redirected to a link that does not use https/);

		gong.sandbox.media.reset();
		gong.sandbox.media.configure({ redirect: { status: 307, location: '/again' } });
		const loop = await download([call.id], {}, true);
		expect(loop.json[0].error).toMatch(/redirected more than 3 times/);
		expect(gong.sandbox.media.requests).toHaveLength(4);
	});

	test('a page instead of a recording (200 text/html) is refused', async () => {
		gong.sandbox.media.configure({ contentType: 'text/html; charset=utf-8' });
		const result = await download([audioCalls()[10].id], {}, true);
		expect(result.json[0].error).toMatch(/answered with text\/html instead of a recording/);
	});

	test("the media host's Content-Type is never echoed: a known type is named, any other is only called a text type", async () => {
		gong.sandbox.media.configure({ contentType: 'text/<b>sig=SECRETSIG</b> please-call-555' });
		const result = await download([audioCalls()[10].id], {}, true);
		const error = String(result.json[0].error);
		expect(error).toMatch(/answered with a text type instead of a recording/);
		expect(error).not.toMatch(/sig|please|555/i);
	});

	test('Gong refusing the media links (403, missing scope) fails the items naming both scopes', async () => {
		gong.sandbox.failNext(1, { status: 403, match: { path: '/v2/calls/extensive' } });
		const result = await download([audioCalls()[11].id], {}, true);
		expect(result.json[0].httpCode).toBe('403');
		expect(result.json[0].description).toMatch(/api:calls:read:extensive and api:calls:read:media-url/);
		expect(gong.sandbox.media.requests).toHaveLength(0);
	});

	test('URL policy: https always; http only when the credential allows a non-Gong host; no user info', () => {
		const node = { name: 'Gong', type: 'gong', typeVersion: 1, position: [0, 0], parameters: {} } as any;
		const req = { allowHttp: false, label: 'the audio of call 1', itemIndex: 0 };
		expect(checkMediaUrl(node, 'https://storage.example/a.mp3?sig=1', undefined, req).host).toBe('storage.example');
		expect(() => checkMediaUrl(node, 'http://storage.example/a.mp3', undefined, req)).toThrow(/was refused: http:\/\/storage\.example is not an https:\/\/ address/);
		expect(checkMediaUrl(node, 'http://127.0.0.1:1/a.mp3', undefined, { ...req, allowHttp: true }).protocol).toBe('http:');
		expect(() => checkMediaUrl(node, 'https://u:p@storage.example/a.mp3', undefined, req)).toThrow(/user name or password/);
		expect(() => checkMediaUrl(node, 'not a url', undefined, req)).toThrow(/is not a valid URL/);
		expect(checkMediaUrl(node, '/b.mp3', 'https://storage.example/a.mp3', req).href).toBe('https://storage.example/b.mp3');
	});
});
