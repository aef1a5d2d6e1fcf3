/** Jest: TypeScript tests under test/, node sources compiled on the fly by ts-jest. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
	forceExit: true,
};
