'use strict';
/**
 * examples/*.json prepared for import into a real n8n wired to the sandbox: their Gong credentials
 * point at the sandbox credentials (workflows.CRED), each gets a stable id and "(example)" in
 * its name. Used by `npm run dev` and test/e2e/examples-real.js.
 */
const fs = require('fs');
const path = require('path');

const { CRED } = require('./workflows');

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** A stable 16-character workflow id for an example file (re-imports overwrite it). */
function exampleId(file) {
	const base = path.basename(file, '.json').replace(/[^A-Za-z0-9]/g, '');
	return `gongEx${base}`.slice(0, 16).padEnd(16, '0');
}

/** [{file, workflow}] for every examples/*.json; `onSkip(file, reason)` for files that are not workflows. */
function exampleWorkflows(onSkip = () => {}) {
	if (!fs.existsSync(EXAMPLES)) return [];
	const out = [];
	for (const file of fs.readdirSync(EXAMPLES).filter((x) => x.endsWith('.json')).sort()) {
		let wf;
		try {
			wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
		} catch (e) {
			onSkip(file, e.message);
			continue;
		}
		if (!Array.isArray(wf.nodes)) {
			onSkip(file, 'not a workflow export (no nodes)');
			continue;
		}
		for (const n of wf.nodes) {
			if (!n.credentials) continue;
			if (n.credentials.gongCommunityApi) n.credentials.gongCommunityApi = { id: CRED.basic.id, name: CRED.basic.name };
			if (n.credentials.gongCommunityOAuth2Api) n.credentials.gongCommunityOAuth2Api = { id: CRED.oauth.id, name: CRED.oauth.name };
		}
		out.push({ file, workflow: { ...wf, id: exampleId(file), name: `${wf.name || file} (example)`, active: false } });
	}
	return out;
}

module.exports = { exampleId, exampleWorkflows, EXAMPLES };
