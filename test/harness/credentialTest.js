/**
 * What n8n does when a credential is saved ("Test" / Save in the credential dialog), for tests:
 * which test n8n picks for a credential type, and running it in n8n-core's real
 * CredentialTestContext (its request helper is the one n8n gives credential tests).
 *
 * The order is the one n8n's CLI (CredentialsTester.getCredentialTestFunction) uses:
 *   1. the credential type's own `test` request, if it has one: it wins over anything a node says;
 *   2. otherwise, for each node that lists the credential type:
 *      - a type that extends oAuth2Api gets n8n's built-in check (is there an access token?),
 *        whatever the node's `testedBy` says; no request is sent;
 *      - a `testedBy` string names a function in the node's `methods.credentialTest`;
 *   3. nothing found: n8n answers "No testing function found for this credential."
 */
const { CredentialTestContext } = require('n8n-core');

function parentTypes(credentialTypes, name) {
	const type = credentialTypes[name];
	const parents = (type && type.extends) || [];
	return parents.flatMap((p) => [p, ...parentTypes(credentialTypes, p)]);
}

/** Which test n8n would run for `typeName`: { kind: 'request' | 'oauth2' | 'function' | 'none', ... }. */
function pickCredentialTest({ nodeTypes, credentialTypes }, typeName) {
	const type = credentialTypes[typeName];
	if (!type) throw new Error(`harness: unknown credential type ${typeName}`);
	if (type.test) return { kind: 'request', testRequest: type.test };
	for (const [nodeName, nodeType] of Object.entries(nodeTypes)) {
		for (const { name, testedBy } of nodeType.description.credentials || []) {
			if (name !== typeName) continue;
			if (name === 'oAuth2Api' || parentTypes(credentialTypes, name).includes('oAuth2Api')) {
				return { kind: 'oauth2', nodeName };
			}
			if (typeof testedBy === 'string') {
				const fn = nodeType.methods && nodeType.methods.credentialTest && nodeType.methods.credentialTest[testedBy];
				if (typeof fn !== 'function') throw new Error(`harness: ${nodeName} names testedBy ${testedBy} but has no such methods.credentialTest`);
				return { kind: 'function', nodeName, testedBy, fn };
			}
			if (testedBy) return { kind: 'request', nodeName, testRequest: testedBy };
		}
	}
	return { kind: 'none' };
}

/**
 * Runs the credential test n8n would run for `typeName` with `data` as the saved credential.
 * Only the `function` kind is executed (it is the one this package provides); the result is
 * { picked, result } with n8n's { status: 'OK' | 'Error', message }.
 */
async function testCredential(types, typeName, data) {
	const picked = pickCredentialTest(types, typeName);
	if (picked.kind !== 'function') return { picked, result: undefined };
	const credential = { id: 'cred-under-test', name: `Test ${typeName}`, type: typeName, data: JSON.parse(JSON.stringify(data)) };
	const result = await picked.fn.call(new CredentialTestContext(), credential);
	return { picked, result };
}

module.exports = { pickCredentialTest, testCredential };
