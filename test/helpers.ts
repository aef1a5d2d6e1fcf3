/**
 * Test setup shared by every test file: a fresh Gong sandbox and an n8n-core harness whose
 * credentials point at it. Use `const gong = useGong()` at the top of a describe block.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

const { createSandbox } = require('./sandbox/server');
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

/** Starts a sandbox before all tests of the block and clears its request log before each. */
export function useGong(sandboxOptions: IDataObject = {}, credentialOverrides: IDataObject = {}): GongTestEnv {
	const env: Partial<GongTestEnv> = {};
	beforeAll(async () => {
		const sandbox = await createSandbox({ port: 0, ...sandboxOptions });
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
