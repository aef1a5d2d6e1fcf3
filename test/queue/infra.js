'use strict';
/**
 * Throwaway Redis and PostgreSQL servers for the queue-mode run, on 127.0.0.1 only, with random
 * ports and their data in a temporary directory. Both run as children of test/e2e/lib/procs (own
 * process group, stopped on exit, failure and Ctrl-C). Never the system services.
 *
 * As root, PostgreSQL refuses to run: initdb and postgres then run as the `postgres` system user
 * (Debian's package creates it) through runuser; the data directory is handed to that user.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const procs = require('../e2e/lib/procs');
const { HOST, freePort, log, sleep, waitFor } = require('../e2e/lib/util');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function which(cmd) {
	try {
		return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
	} catch {
		return null;
	}
}

/** Debian's PostgreSQL binaries (15 preferred), or null. */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return null;
	const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
	const preferred = versions.includes('15') ? '15' : versions[0];
	return preferred ? path.join(base, preferred, 'bin') : null;
}

/** Installs redis-server / postgresql with apt-get when missing (root only; bounded). */
async function ensurePackages(logFile) {
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return { installedMs: 0 };
	if (!isRoot) throw new Error(`${missing.join(' and ')} missing: run "apt-get install -y ${missing.join(' ')}"`);
	const t0 = Date.now();
	log(`installing ${missing.join(', ')} (apt-get) …`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await procs.run('apt-get', ['update', '-qq'], { env, log: logFile, name: 'apt-get update', timeoutMs: 5 * 60 * 1000 });
	await procs.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, log: logFile, name: `apt-get install ${missing.join(' ')}`, timeoutMs: 10 * 60 * 1000 });
	if (!which('redis-server') || !postgresBinDir()) throw new Error('apt-get ran but redis-server or PostgreSQL is still missing');
	return { installedMs: Date.now() - t0 };
}

async function startRedis(dir) {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const proc = procs.start('redis-server', ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
		name: 'redis-server',
		log: path.join(dir, 'redis.log'),
	});
	await waitFor(
		'redis-server to accept connections',
		async () => {
			if (proc.exited) throw new Error(`redis-server exited: ${proc.stdout}${proc.stderr}`);
			return /Ready to accept connections/.test(proc.stdout);
		},
		{ timeoutMs: 30000, intervalMs: 200 },
	);
	return { host: HOST, port, proc, stop: () => procs.stop(proc) };
}

/**
 * A PostgreSQL cluster in a temporary directory of its own (initdb, trust auth, 127.0.0.1 only)
 * with superuser n8n; removed by stop().
 */
async function startPostgres(logFile) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
	// its own directory: the postgres user cannot enter the caller's private (0700) temp dir
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-queue-pg-'));
	// also on Ctrl-C: procs' signal handler stops the server, then exits; 'exit' runs last
	process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	const data = path.join(dir, 'data');
	const asUser = (cmd, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
	if (isRoot) execFileSync('chown', ['-R', 'postgres', dir]);
	const [initCmd, initArgs] = asUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	await procs.run(initCmd, initArgs, { log: logFile, name: 'initdb', timeoutMs: 120000 });
	const port = await freePort();
	const [cmd, args] = asUser(path.join(bin, 'postgres'), [
		'-D', data, '-p', String(port), '-k', dir,
		'-c', `listen_addresses=${HOST}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const proc = procs.start(cmd, args, { name: 'postgres', log: logFile });
	const psqlBin = path.join(bin, 'psql');
	const psql = (sql) =>
		execFileSync(psqlBin, ['-h', HOST, '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], { encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
	await waitFor(
		'PostgreSQL to accept connections',
		async () => {
			if (proc.exited) throw new Error(`postgres exited with ${proc.code}; see ${logFile}`);
			return psql('SELECT 1') === '1';
		},
		{ timeoutMs: 60000, intervalMs: 300 },
	);
	return {
		host: HOST,
		port,
		user: 'n8n',
		database: 'postgres',
		proc,
		psql,
		async stop() {
			await procs.stop(proc, 15000);
			await sleep(100);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { ensurePackages, startRedis, startPostgres, postgresBinDir, isRoot };
