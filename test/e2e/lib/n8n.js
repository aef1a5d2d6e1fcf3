'use strict';
/**
 * One real n8n instance: an isolated N8N_USER_FOLDER, the CLI (import:credentials, import:workflow,
 * execute --id --rawOutput, update:workflow) and `n8n start` on 127.0.0.1 with its REST API
 * (owner setup, login, workflows, executions).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const procs = require('./procs');
const { HOST, freePort, request, waitFor } = require('./util');

const OWNER = { email: 'owner@gong-e2e.test', firstName: 'Gong', lastName: 'Tester', password: 'GongE2e-Passw0rd' };

class N8n {
	/**
	 * @param {object} install  from cache.ensureN8n(): {version, bin, node, env}
	 * @param {string} userFolder  N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
	 * @param {string} logDir  where CLI/server logs go
	 */
	constructor(install, userFolder, logDir) {
		this.install = install;
		this.version = install.version;
		this.major = Number(install.version.split('.')[0]);
		this.userFolder = userFolder;
		this.logDir = logDir;
		this.server = null;
		this.port = null;
		this.cookie = null;
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
		fs.mkdirSync(logDir, { recursive: true });
		this.encryptionKey = crypto.createHash('sha256').update(`gong-e2e-${userFolder}`).digest('hex');
	}

	/** Environment of every n8n process of this instance. Only loopback, nothing phones home. */
	env(extra = {}) {
		const base = { ...process.env };
		for (const k of Object.keys(base)) {
			if (/^(npm_|N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$)/.test(k)) delete base[k];
		}
		return {
			...base,
			PATH: `${path.dirname(this.install.node)}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_HOST: HOST,
			N8N_LISTEN_ADDRESS: HOST,
			N8N_PROTOCOL: 'http',
			N8N_PORT: String(this.port || 5678),
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_ENGINE_HOST: HOST,
			N8N_ENGINE_PORT: String(this.enginePort || 5680),
			N8N_ENGINE_CONTROL_PLANE_HOST: HOST,
			N8N_ENGINE_CONTROL_PLANE_PORT: String(this.controlPlanePort || 5681),
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			EXECUTIONS_MODE: 'regular',
			...this.install.env,
			...extra,
		};
	}

	async allocatePorts() {
		if (this.port) return;
		this.port = await freePort();
		this.brokerPort = await freePort();
		this.enginePort = await freePort();
		this.controlPlanePort = await freePort();
	}

	/** Runs an n8n CLI command to its end (bounded); returns the process entry. */
	async cli(args, { timeoutMs = 180000, allowFail = false, name, env } = {}) {
		await this.allocatePorts();
		return procs.run(this.install.node, [this.install.bin, ...args], {
			cwd: this.userFolder,
			env: this.env(env),
			log: path.join(this.logDir, 'cli.log'),
			name: name || `n8n ${args[0]}`,
			timeoutMs,
			allowFail,
		});
	}

	/** Writes `items` to a JSON file and imports them with import:credentials / import:workflow. */
	async importJson(kind, items, fileName) {
		const file = path.join(this.logDir, fileName || `${kind}-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(items, null, 2));
		const cmd = kind === 'credentials' ? 'import:credentials' : 'import:workflow';
		return this.cli([cmd, `--input=${file}`]);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`. Resolves {ok, run, runData, stdout, stderr, code}.
	 * `run` is the IRun JSON n8n printed (also on failure, when n8n logged it).
	 */
	async execute(id, { timeoutMs = 240000 } = {}) {
		const entry = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs, allowFail: true, name: `n8n execute ${id}` });
		const run = parseRunJson(entry.stdout) || parseRunJson(entry.stderr);
		return {
			ok: entry.code === 0,
			code: entry.code,
			run,
			runData: run && run.data && run.data.resultData ? run.data.resultData.runData : undefined,
			error: run && run.data && run.data.resultData ? run.data.resultData.error : undefined,
			stdout: entry.stdout,
			stderr: entry.stderr,
		};
	}

	get baseUrl() {
		return `http://${HOST}:${this.port}`;
	}

	/** `n8n start` in its own process group; resolves when /healthz answers and the REST API is up. */
	async start({ timeoutMs = 180000 } = {}) {
		await this.allocatePorts();
		const logFile = path.join(this.logDir, 'server.log');
		this.server = procs.start(this.install.node, [this.install.bin, 'start'], {
			cwd: this.userFolder,
			env: this.env({ N8N_LOG_LEVEL: 'info' }),
			log: logFile,
			name: `n8n ${this.version} start`,
			keepOutput: true,
		});
		const exited = () => (this.server.exited ? `n8n exited with ${this.server.code ?? this.server.signal}; see ${logFile}\n${tail(this.server.stdout + this.server.stderr)}` : null);
		await waitFor(
			`n8n ${this.version} to answer on ${this.baseUrl}`,
			async () => {
				const h = await request(`${this.baseUrl}/healthz`, { timeoutMs: 3000 });
				if (h.status !== 200) return false;
				// while n8n is still starting, /rest/* may fall through to the editor's HTML
				const s = await request(`${this.baseUrl}/rest/settings`, { timeoutMs: 5000 });
				return s.status === 200 && s.json && s.json.data && typeof s.json.data === 'object';
			},
			{ timeoutMs, intervalMs: 1000, abort: exited },
		);
		return this.baseUrl;
	}

	async stop() {
		if (this.server) await procs.stop(this.server, 20000);
		this.server = null;
	}

	/** REST call with the session cookie. Resolves {status, json, text}; `data` unwrapped. */
	async rest(method, p, body, opts = {}) {
		return this.http(method, `/rest${p}`, body, opts);
	}

	/** Any path of the server (e.g. /types/nodes.json) with the session cookie. */
	async http(method, p, body, { expect } = {}) {
		const headers = { 'browser-id': 'gong-e2e' };
		if (this.cookie) headers.Cookie = this.cookie;
		const res = await request(`${this.baseUrl}${p}`, { method, body, headers, timeoutMs: 30000 });
		const setCookie = res.headers['set-cookie'];
		if (setCookie) {
			const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
			if (auth) this.cookie = auth;
		}
		if (expect && res.status !== expect) throw new Error(`n8n ${method} ${p} → ${res.status}: ${res.text.slice(0, 500)}`);
		return { status: res.status, json: res.json, data: res.json && 'data' in res.json ? res.json.data : res.json, text: res.text };
	}

	/** Creates the owner account (fresh instance) or logs in (owner exists). */
	async ensureOwner() {
		const settings = await this.rest('GET', '/settings', undefined, { expect: 200 });
		const um = settings.data.userManagement || {};
		if (um.showSetupOnFirstLoad !== false) {
			const res = await this.rest('POST', '/owner/setup', OWNER);
			if (res.status !== 200) throw new Error(`owner setup failed: ${res.status} ${res.text.slice(0, 300)}`);
		}
		await this.login();
		return OWNER;
	}

	async login() {
		const res = await this.rest('POST', '/login', { email: OWNER.email, emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`);
		return res.data;
	}
}

function tail(s, n = 30) {
	return String(s || '').split('\n').slice(-n).join('\n');
}

/** The IRun JSON `n8n execute --rawOutput` printed: the last top-level {…} block that parses. */
function parseRunJson(text) {
	if (!text) return null;
	const lines = text.split('\n');
	let found = null;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j] !== '}') continue;
			try {
				const obj = JSON.parse(lines.slice(i, j + 1).join('\n'));
				if (obj && obj.data && obj.data.resultData) found = obj;
			} catch {
				/* not this block */
			}
			i = j;
			break;
		}
	}
	return found;
}

module.exports = { N8n, OWNER, parseRunJson };
