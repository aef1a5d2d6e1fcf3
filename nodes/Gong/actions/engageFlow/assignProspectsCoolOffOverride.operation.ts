import { assignFields } from './assignProspects.operation';
import type { OperationDef } from '../../../shared/framework/types';

export const assignProspectsCoolOffOverride: OperationDef = {
	resource: 'engageFlow',
	operation: 'assignProspectsCoolOffOverride',
	name: 'Assign Prospects Ignoring Cool-Off (Deprecated)',
	action: 'Assign prospects to a flow ignoring cool-off',
	description:
		'Deprecated by Gong: use Assign Prospects with "Ignore Cool-Off" instead. Assigns up to 100 CRM contacts or leads to an Engage flow even if they are in their cool-off period. Returns one item { prospectsAssigned: [...], prospectsNotAssigned: [{ crmProspectId, errorCode, errorMessage }] }.',
	catalogId: 'flows.assignProspectsCoolOffOverride',
	scope: 'api:flows:write',
	method: 'POST',
	path: '/v2/flows/prospects/assign/cool-off-override',
	legacy: true,
	fields: assignFields,
};
