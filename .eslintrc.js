/**
 * ESLint 8 for the n8n community package: eslint-plugin-n8n-nodes-base's rule sets, zero warnings.
 * The rules n8n's community scanner adds (@n8n/eslint-plugin-community-nodes, ESLint 9 flat config)
 * run in `npm run lint` too, through scripts/scan-tarball.mjs with the scanner's own config; the few
 * rules turned off here are the ones that scanner turns off, for the same reasons.
 */
module.exports = {
	root: true,
	env: { browser: false, es6: true, node: true },
	parser: '@typescript-eslint/parser',
	parserOptions: { project: ['./tsconfig.json'], sourceType: 'module', extraFileExtensions: ['.json'] },
	ignorePatterns: ['.eslintrc.js', '**/*.js', '**/node_modules/**', '**/dist/**', 'test/**', 'bench/**', 'scripts/**'],
	overrides: [
		{
			files: ['package.json'],
			parserOptions: { project: null },
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/community'],
			rules: { 'n8n-nodes-base/community-package-json-name-still-default': 'off' },
		},
		{
			files: ['./credentials/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/credentials'],
			rules: {
				// Applies to n8n's main repository only: community credentials link to their own docs.
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				// The scanner's credential-password-field / credential-unnecessary-password decide which
				// fields are secrets (the access key is an identifier, its secret is masked).
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['./nodes/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/nodes'],
			rules: {
				// Connection types are NodeConnectionTypes.Main (the scanner's node-connection-type-literal).
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			},
		},
	],
};
