'use strict';
/**
 * jest globalSetup: one temporary n8n user folder for every test worker (n8n-core writes its
 * settings there instead of ~/.n8n), with a settings file created up front (0600) so parallel
 * workers never race to create it. Remembers whether ~/.n8n existed, for the teardown check.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
	const homeN8n = path.join(os.homedir(), '.n8n');
	process.env.GONG_TEST_HOME_N8N_EXISTED = fs.existsSync(homeN8n) ? '1' : '0';
	if (process.env.N8N_USER_FOLDER) return; // the caller chose a folder
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gong-jest-n8n-'));
	fs.mkdirSync(path.join(dir, '.n8n'), { mode: 0o700 });
	fs.writeFileSync(path.join(dir, '.n8n', 'config'), JSON.stringify({ encryptionKey: crypto.randomBytes(24).toString('base64') }, null, '\t'), { mode: 0o600 });
	process.env.N8N_USER_FOLDER = dir;
	process.env.GONG_TEST_N8N_USER_FOLDER = dir;
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'true';
};
