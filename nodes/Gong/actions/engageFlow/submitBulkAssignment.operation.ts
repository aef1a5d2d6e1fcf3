import type { IDataObject } from 'n8n-workflow';

import { inputError, toEntries } from '../../../shared/framework/validate';
import type { FieldDef, OperationDef } from '../../../shared/framework/types';
import { flowId, flowInstanceOwnerEmail } from './fields';

const prospects: FieldDef = {
	name: 'prospects',
	displayName: 'Prospects',
	// JSON rather than a fixedCollection: prospects usually come as a list from earlier nodes
	// ({{ $json.prospects }}); each entry is still checked against `subFields` before sending.
	kind: 'json',
	required: true,
	maxItems: 50,
	default: '[]',
	placeholder: '[{ "crmId": "00Q5e00000AbCdEFGH" }, { "firstName": "Jon", "lastName": "Snow", "email": "jon@example.com" }]',
	description:
		'Up to 50 prospects as a JSON array of objects { crmId, firstName, lastName, email, jobTitle, linkedInUrl, accountCrmId, companyName }. Each needs "crmId", or "firstName" and "lastName" (Gong then creates the lead in the CRM).',
	subFields: [
		{ name: 'crmId', displayName: 'CRM ID', kind: 'string', placeholder: '00Q5e00000AbCdEFGH', description: 'CRM ID of the contact or lead' },
		{ name: 'firstName', displayName: 'First Name', kind: 'string', description: 'Required when no CRM ID is given' },
		{ name: 'lastName', displayName: 'Last Name', kind: 'string', description: 'Required when no CRM ID is given' },
		{ name: 'email', displayName: 'Email', kind: 'email', placeholder: 'name@email.com', description: 'Email address of the prospect' },
		{ name: 'jobTitle', displayName: 'Job Title', kind: 'string', description: 'Job title of the prospect' },
		{ name: 'linkedInUrl', displayName: 'LinkedIn URL', kind: 'string', description: 'LinkedIn profile URL of the prospect' },
		{ name: 'accountCrmId', displayName: 'Account CRM ID', kind: 'string', description: 'CRM ID of the account the prospect belongs to' },
		{ name: 'companyName', displayName: 'Company Name', kind: 'string', description: 'Name of the prospect\'s company' },
	],
};

export const submitBulkAssignment: OperationDef = {
	resource: 'engageFlow',
	operation: 'submitBulkAssignment',
	name: 'Submit Bulk Assignment',
	action: 'Submit a bulk assignment of prospects to a flow',
	description:
		'Starts an asynchronous assignment of up to 50 prospects (by CRM ID, or by name and details — Gong creates missing leads) to an Engage flow. Returns one item { id, status: PENDING, totalCount, processedCount, successCount, failedCount }; pass the id to Get Bulk Assignment to read the results.',
	catalogId: 'flows.submitBulkAssignment',
	scope: 'api:flows:write',
	method: 'POST',
	path: '/v2/flows/prospects/bulk-assignments',
	fields: [flowId, flowInstanceOwnerEmail, prospects],
	preSend(req, itemIndex) {
		const body = (req.body ?? {}) as IDataObject;
		const list = toEntries(this.getNode(), prospects, body.prospects, itemIndex, this.getTimezone()) ?? [];
		if (list.length === 0) throw inputError(this.getNode(), prospects, 'give at least one prospect', itemIndex);
		body.prospects = list;
		req.body = body;
		list.forEach((p, k) => {
			if (!p.crmId && !(p.firstName && p.lastName))
				throw inputError(this.getNode(), prospects, `prospect ${k + 1}: give a CRM ID, or a first and a last name`, itemIndex);
		});
		return req;
	},
};
