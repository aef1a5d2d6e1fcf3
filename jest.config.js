/**
 * Jest: TypeScript tests under test/, node sources compiled on the fly by ts-jest. n8n-core runs
 * with a temporary user folder (globalSetup), never ~/.n8n; no forceExit: a test that leaves a
 * handle open must be fixed (see shutdown() in test/harness).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	globalSetup: '<rootDir>/test/harness/jest-global-setup.js',
	globalTeardown: '<rootDir>/test/harness/jest-global-teardown.js',
	testTimeout: 60000,
	maxWorkers: 2,
};
