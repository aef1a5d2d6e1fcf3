/**
 * Importing the package does no work at load time: requiring the node and credential modules
 * (and building the node descriptions, as n8n does when it loads a community package) sends no
 * request, opens no socket, reads no file of its own and starts no timer. Dependencies
 * (n8n-workflow, luxon) are loaded first: only this package's code is under test.
 *
 * Module loading itself reads .ts/.js/.json files through jest's loader; an operation is only
 * counted when it is called directly from this package's code (the first stack frame outside
 * node's internals and this spy is a file under nodes/ or credentials/), or, for the network,
 * whenever it happens at all.
 */
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const OWN = new RegExp(`${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(nodes|credentials)/`);

interface Seen {
	what: string;
	caller: string;
}

function callerOf(stack: string): string {
	const frames = stack.split('\n').slice(1).map((l) => l.trim());
	// Skip this file's wrapper frames and node's own internals.
	const frame = frames.find((f) => !f.includes('import-cost.test') && !f.includes('node:') && !f.includes('(<anonymous>)'));
	return frame ?? '';
}

describe('Import cost', () => {
	test('requiring the nodes and credentials and building their descriptions does no I/O, no request, no timer', () => {
		// Dependencies first: their own load-time work is theirs.
		require('n8n-workflow');
		require('luxon');
		require('crypto');

		const fs = require('fs');
		const http = require('http');
		const https = require('https');
		const net = require('net');
		const tls = require('tls');
		const dns = require('dns');
		const network: Seen[] = [];
		const own: Seen[] = [];
		const restore: Array<() => void> = [];

		const wrap = (target: any, name: string, label: string, kind: 'network' | 'io') => {
			const original = target[name];
			if (typeof original !== 'function') return;
			target[name] = function (this: unknown, ...args: unknown[]) {
				const caller = callerOf(new Error().stack ?? '');
				const what = `${label}(${typeof args[0] === 'string' || args[0] instanceof URL ? String(args[0]) : ''})`;
				if (kind === 'network') network.push({ what, caller });
				else if (OWN.test(caller)) own.push({ what, caller });
				return original.apply(this, args);
			};
			restore.push(() => {
				target[name] = original;
			});
		};

		for (const name of ['request', 'get']) {
			wrap(http, name, `http.${name}`, 'network');
			wrap(https, name, `https.${name}`, 'network');
		}
		wrap(net, 'connect', 'net.connect', 'network');
		wrap(net, 'createConnection', 'net.createConnection', 'network');
		wrap(tls, 'connect', 'tls.connect', 'network');
		wrap(dns, 'lookup', 'dns.lookup', 'network');
		wrap(globalThis, 'fetch', 'fetch', 'network');
		for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'readdir', 'statSync', 'existsSync', 'writeFileSync', 'writeFile', 'mkdirSync']) {
			wrap(fs, name, `fs.${name}`, 'io');
		}
		for (const name of ['readFile', 'open', 'readdir', 'stat', 'writeFile']) wrap(fs.promises, name, `fs.promises.${name}`, 'io');
		for (const name of ['setTimeout', 'setInterval', 'setImmediate']) wrap(globalThis, name, name, 'io');

		let loaded: Record<string, unknown> = {};
		try {
			const { Gong } = require('../nodes/Gong/Gong.node');
			const { GongCommunityApi } = require('../credentials/GongCommunityApi.credentials');
			const { GongCommunityOAuth2Api } = require('../credentials/GongCommunityOAuth2Api.credentials');
			let trigger: unknown;
			try {
				const { GongTrigger } = require('../nodes/GongTrigger/GongTrigger.node');
				trigger = new GongTrigger();
			} catch (error) {
				if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
			}
			// What n8n does after require: instantiate the classes and read their descriptions.
			const gong = new Gong();
			loaded = {
				gong,
				trigger,
				properties: gong.description.properties.length,
				basic: new GongCommunityApi(),
				oauth: new GongCommunityOAuth2Api(),
			};
		} finally {
			restore.forEach((undo) => undo());
		}

		expect(loaded.properties).toBeGreaterThan(10);
		expect({ network, own }).toEqual({ network: [], own: [] });
	});
});
