'use strict';
/**
 * The n8n editor in headless Debian Chromium (playwright-core from the e2e cache, no browser
 * download): sign in as the owner, open a workflow's Gong node (route /workflow/:id/:nodeId),
 * check its Resource and Operation parameters render (screenshot gong-node-<version>.png), open the
 * Resource dropdown and check every resource is listed (screenshot gong-node-<version>-resources.png).
 */
const fs = require('fs');
const path = require('path');

const { OWNER } = require('./n8n');

const CHROMIUM = process.env.GONG_E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
];

function chromiumAvailable() {
	return fs.existsSync(CHROMIUM);
}

/**
 * @returns {Promise<{screenshot: string, resources: string[], operation: string}>}
 */
async function screenshotGongNode({ playwrightModule, baseUrl, workflowId, nodeId, outFile, version, expectResources = ['Call', 'User'], timeoutMs = 120000 }) {
	const { chromium } = require(playwrightModule);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
	const deadline = setTimeout(() => browser.close().catch(() => {}), timeoutMs);
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: baseUrl });
		const page = await context.newPage();
		page.setDefaultTimeout(30000);
		const consoleErrors = [];
		page.on('console', (m) => {
			if (m.type() === 'error') consoleErrors.push(m.text());
		});

		await page.goto('/signin', { waitUntil: 'domcontentloaded' });
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page.locator('input[type="password"]').first().press('Enter');
		await page.waitForURL((u) => !/\/signin/.test(u.pathname), { timeout: 30000 });

		await page.goto(`/workflow/${workflowId}/${nodeId}`, { waitUntil: 'domcontentloaded' });
		const ndv = page.locator('[data-test-id="ndv"]').first();
		await ndv.waitFor({ state: 'visible', timeout: 45000 }).catch(async () => {
			// fall back to opening the node from the canvas
			await page.getByText('Gong', { exact: true }).first().dblclick();
			await ndv.waitFor({ state: 'visible', timeout: 20000 });
		});
		await dismissOverlays(page);

		const notInstalled = await ndv.getByText(/not (currently )?installed|Install this node|node is not known/i).count();
		if (notInstalled) throw new Error('the editor says the Gong node is not installed');

		const resourceInput = ndv.locator('[data-test-id="parameter-input-resource"]').first();
		const operationInput = ndv.locator('[data-test-id="parameter-input-operation"]').first();
		await resourceInput.waitFor({ state: 'visible', timeout: 20000 });
		await operationInput.waitFor({ state: 'visible', timeout: 20000 });
		const resourceValue = await inputValue(resourceInput);
		const operation = await inputValue(operationInput);
		if (!/call/i.test(resourceValue)) throw new Error(`Resource shows "${resourceValue}", expected Call`);
		if (!/get many/i.test(operation)) throw new Error(`Operation shows "${operation}", expected Get Many`);

		fs.mkdirSync(path.dirname(outFile), { recursive: true });
		await page.waitForTimeout(500);
		await page.screenshot({ path: outFile, fullPage: false });

		// open the Resource dropdown: every resource must be listed (second screenshot)
		await resourceInput.click();
		const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
		await options.first().waitFor({ state: 'visible', timeout: 10000 });
		await page.waitForTimeout(500);
		const resources = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
		for (const want of expectResources) {
			if (!resources.includes(want)) throw new Error(`Resource dropdown lacks "${want}" (has: ${resources.join(', ')})`);
		}
		const listFile = outFile.replace(/\.png$/, '-resources.png');
		await page.screenshot({ path: listFile, fullPage: false });
		await page.keyboard.press('Escape');
		return { screenshot: outFile, listScreenshot: listFile, resources, resourceValue, operation, consoleErrors: consoleErrors.slice(0, 5), version };
	} finally {
		clearTimeout(deadline);
		await browser.close().catch(() => {});
	}
}

/** Closes "what's new"/onboarding style modals that may cover the canvas. */
async function dismissOverlays(page) {
	for (const sel of ['[data-test-id="close-button"]', '.el-dialog__headerbtn', 'button:has-text("Got it")', 'button:has-text("Skip")']) {
		const el = page.locator(sel).first();
		if (await el.isVisible().catch(() => false)) await el.click().catch(() => {});
	}
}

async function inputValue(locator) {
	const input = locator.locator('input').first();
	if (await input.count()) {
		const v = await input.inputValue().catch(() => '');
		if (v) return v;
	}
	return (await locator.innerText()).trim();
}

module.exports = { screenshotGongNode, chromiumAvailable, CHROMIUM, CHROMIUM_ARGS };
