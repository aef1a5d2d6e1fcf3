'use strict';
/** jest globalTeardown: removes the temporary n8n user folder; fails the run if ~/.n8n appeared. */
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
	const dir = process.env.GONG_TEST_N8N_USER_FOLDER;
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
	const homeN8n = path.join(os.homedir(), '.n8n');
	if (process.env.GONG_TEST_HOME_N8N_EXISTED === '0' && fs.existsSync(homeN8n)) {
		throw new Error(`the tests created ${homeN8n}: something started n8n-core without the temporary N8N_USER_FOLDER`);
	}
};
