/**
 * Test setup shared by every test file: a fresh Gong sandbox and an n8n-core harness whose
 * credentials point at it. Use `const gong = useGong()` at the top of a describe block.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

const { createSandbox } = require('./sandbox/server');
const { FIXED_WINDOW } = require('./sandbox/data');
const { createHarness, loadSources, sandboxCredentials } = require('./harness');
const { resetPacing } = require('../nodes/shared/transport/pacing');

export interface RunResult {
	items: INodeExecutionData[];
	json: IDataObject[];
	error?: Error & { httpCode?: string; description?: string; context?: IDataObject };
	run: unknown;
}

export interface RunOptions {
	parameters: IDataObject;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	auth?: 'accessKey' | 'oAuth2';
	type?: string;
}

export interface GongTestEnv {
	sandbox: any;
	harness: any;
	/** Runs the Gong node (or `type`) once through WorkflowExecute. */
	run(options: RunOptions): Promise<RunResult>;
	/** Requests the sandbox received for Gong's API (not its admin routes). */
	requests(): any[];
	/** The last API request the sandbox received. */
	lastRequest(): any;
	poll(options: IDataObject): Promise<any>;
	loadOptions(options: IDataObject): Promise<any>;
}

/**
 * The period of the test dataset (2025-01-01 to 2025-04-01): useGong() pins it so a test's answer
 * never depends on today's date. Derive dates from it (or from sandbox.state), don't repeat them.
 */
export const TEST_WINDOW: { from: string; to: string } = FIXED_WINDOW;

/**
 * Starts a sandbox before all tests of the block and clears its request log before each.
 * Its calls lie in TEST_WINDOW unless `sandboxOptions.seed` sets from/to, or `recentDates: true`
 * asks for the sandbox's default dataset (the 90 days before today, as `npm run dev` serves).
 */
export function useGong(sandboxOptions: IDataObject & { recentDates?: boolean } = {}, credentialOverrides: IDataObject = {}): GongTestEnv {
	const env: Partial<GongTestEnv> = {};
	const { recentDates, ...options } = sandboxOptions;
	const seed = { ...(recentDates ? {} : TEST_WINDOW), ...((options.seed as IDataObject) ?? {}) };
	beforeAll(async () => {
		const sandbox = await createSandbox({ port: 0, ...options, seed });
		const { nodeTypes, credentialTypes } = loadSources();
		const harness = createHarness({ nodeTypes, credentialTypes, credentials: sandboxCredentials(sandbox, credentialOverrides) });
		Object.assign(env, {
			sandbox,
			harness,
			run: (o: RunOptions) => harness.runNode(o),
			poll: (o: IDataObject) => harness.poll(o),
			loadOptions: (o: IDataObject) => harness.loadOptions(o),
			requests: () => sandbox.requests.filter((r: any) => r.path.startsWith('/v2/')),
			lastRequest: () => {
				const all = sandbox.requests.filter((r: any) => r.path.startsWith('/v2/'));
				return all[all.length - 1];
			},
		});
	});
	beforeEach(() => {
		env.sandbox?.clearRequests();
		resetPacing();
	});
	afterAll(async () => {
		await env.sandbox?.close();
	});
	return env as GongTestEnv;
}

/** Base64 Basic header of the sandbox's default keys. */
export function basicHeader(key = 'sandbox-key', secret = 'sandbox-secret'): string {
	return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

/** A resource-locator value "By ID". */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}
