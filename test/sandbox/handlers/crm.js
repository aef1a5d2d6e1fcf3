'use strict';
/**
 * Generic CRM integration: register / list / delete, entity schema, LDJSON object uploads and the
 * asynchronous request status. integrationId is int64 (BigInt in state, exact JSON number out).
 * Async work (uploads, deletion) is PENDING until options.asyncProcessingMs has passed (default 0
 * → DONE at once); its effect on the data is applied when the request is accepted.
 */

const { fail, parseJsonExact } = { ...require('../data'), ...require('../catalog') };
const lib = require('./_lib');

const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]+$/;

function findIntegration(sb, id) {
	const integ = sb.state.crm.integrations.find((i) => i.integrationId.toString() === String(id));
	if (!integ) fail(400, `integrationId: no active CRM integration with id ${id}`);
	return integ;
}

/** Registers an async request under a fresh clientRequestId (reuse → 409). */
function newRequest(sb, clientRequestId, integrationId, kind, result) {
	if (!CLIENT_REQUEST_ID.test(clientRequestId)) fail(400, 'clientRequestId: only letters, digits, dashes and underscores are allowed');
	if (sb.state.crm.requests[clientRequestId]) fail(409, 'Client request id has already been used');
	const now = Date.now();
	sb.state.crm.requests[clientRequestId] = { clientRequestId, integrationId: String(integrationId), kind, createdAt: now, readyAt: now + (sb.options.asyncProcessingMs || 0), ...result };
}

const objectKey = (integrationId, objectType) => `${integrationId}:${objectType}`;

module.exports = {
	'crm.listIntegrations'(req, sb) {
		return { body: { integrations: sb.state.crm.integrations.map((i) => ({ integrationId: i.integrationId, ownerEmail: i.ownerEmail, name: i.name })) } };
	},

	/** Only one generic CRM integration per company. */
	'crm.registerIntegration'(req, sb) {
		const { ownerEmail, name } = req.body;
		if (!lib.isEmail(ownerEmail)) fail(400, 'ownerEmail: must be an email address');
		if (sb.state.crm.integrations.length) fail(409, 'An active integration already exists.');
		const integ = { integrationId: BigInt(sb.ids.next(19)), ownerEmail, name, created: new Date().toISOString() };
		sb.state.crm.integrations.push(integ);
		return { body: { integrationId: integ.integrationId } };
	},

	'crm.deleteIntegration'(req, sb) {
		const { integrationId, clientRequestId } = req.query;
		const integ = findIntegration(sb, integrationId);
		newRequest(sb, clientRequestId, integrationId, 'delete-integration', { status: 'DONE', errors: [], totalErrorCount: 0, totalSuccessCount: 1 });
		sb.state.crm.integrations = sb.state.crm.integrations.filter((i) => i !== integ);
		delete sb.state.crm.schemas[integrationId];
		for (const k of Object.keys(sb.state.crm.objects)) if (k.startsWith(`${integrationId}:`)) delete sb.state.crm.objects[k];
		return { status: 201, body: { clientRequestId } };
	},

	'crm.listSchemaFields'(req, sb) {
		const { integrationId, objectType } = req.query;
		findIntegration(sb, integrationId);
		const schema = sb.state.crm.schemas[integrationId] || {};
		return { body: { objectTypeToSelectedFields: { [objectType]: (schema[objectType] || []).map((f) => ({ ...f })) } } };
	},

	/** Body is a JSON array of all fields; isDeleted:true drops a field. */
	'crm.uploadSchema'(req, sb) {
		const { integrationId, objectType } = req.query;
		findIntegration(sb, integrationId);
		const seen = new Set();
		req.body.forEach((f, k) => {
			if (seen.has(f.uniqueName)) fail(400, `body[${k}].uniqueName: duplicate field ${f.uniqueName}`);
			seen.add(f.uniqueName);
			if (f.type === 'REFERENCE' && !f.referenceTo) fail(400, `body[${k}].referenceTo: is required for REFERENCE fields`);
		});
		sb.state.crm.schemas[integrationId] = sb.state.crm.schemas[integrationId] || {};
		sb.state.crm.schemas[integrationId][objectType] = req.body.filter((f) => !f.isDeleted).map((f) => ({ ...f }));
		return { status: 201, body: {} };
	},

	/** Ids from the JSON array body or from objectsCrmIds query values; at most 100 are used. */
	'crm.getObjects'(req, sb) {
		const { integrationId, objectType } = req.query;
		findIntegration(sb, integrationId);
		const ids = (Array.isArray(req.body) ? req.body : req.query.objectsCrmIds || []).slice(0, 100);
		const store = sb.state.crm.objects[objectKey(integrationId, objectType)] || {};
		const map = {};
		for (const id of ids) map[id] = store[id] ? { ...store[id] } : null;
		return { body: { crmObjectsMap: map } };
	},

	/** Multipart part "dataFile" with one JSON object per line (validated as LDJSON before we get here). */
	'crm.uploadObjects'(req, sb) {
		const { integrationId, objectType, clientRequestId } = req.query;
		findIntegration(sb, integrationId);
		const part = req.multipart.find((p) => p.name === 'dataFile');
		const errors = [];
		const accepted = [];
		part.data
			.toString('utf8')
			.split(/\r?\n/)
			.forEach((line, k) => {
				if (!line.trim()) return;
				const rec = parseJsonExact(line);
				const id = rec.objectId;
				if (typeof id !== 'string' || !id) errors.push({ line: k + 1, description: 'objectId is required and must be a string' });
				else if (id.length > 64) errors.push({ line: k + 1, description: 'objectId must be at most 64 characters' });
				else accepted.push(rec);
			});
		newRequest(sb, clientRequestId, integrationId, 'upload-objects', {
			status: accepted.length || !errors.length ? 'DONE' : 'FAILED',
			errors,
			totalErrorCount: errors.length,
			totalSuccessCount: accepted.length,
		});
		const key = objectKey(integrationId, objectType);
		sb.state.crm.objects[key] = sb.state.crm.objects[key] || {};
		for (const rec of accepted) {
			if (rec.isDeleted === true) delete sb.state.crm.objects[key][rec.objectId];
			else sb.state.crm.objects[key][rec.objectId] = rec;
		}
		return { status: 201, body: { clientRequestId } };
	},

	'crm.getRequestStatus'(req, sb) {
		const { integrationId, clientRequestId } = req.query;
		const r = sb.state.crm.requests[clientRequestId];
		if (!r || r.integrationId !== String(integrationId)) fail(404, `No request ${clientRequestId} found for integration ${integrationId}`);
		const now = Date.now();
		if (now < r.readyAt) {
			const status = now < r.createdAt + (r.readyAt - r.createdAt) / 2 ? 'PENDING' : 'IN_PROGRESS';
			return { body: { status, errors: [], totalErrorCount: 0, totalSuccessCount: 0 } };
		}
		return { body: { status: r.status, errors: r.errors.slice(0, 20), totalErrorCount: r.totalErrorCount, totalSuccessCount: r.totalSuccessCount } };
	},
};
