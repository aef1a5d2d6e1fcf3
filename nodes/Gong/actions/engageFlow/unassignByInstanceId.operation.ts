import { flowInstanceIds, unassignedByUserEmail } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const unassignByInstanceId: OperationDef = {
	resource: 'engageFlow',
	operation: 'unassignByInstanceId',
	name: 'Unassign by Flow Instance ID',
	action: 'Unassign flow instances',
	description:
		'Destructive: stops up to 200 flow instances, removing their prospects from those flows. Returns one item { unassignedFlowInstanceIds: [...] } listing the instances actually stopped (finished or unknown ones are not listed).',
	catalogId: 'flows.unassignByInstanceId',
	scope: 'api:flows:write',
	method: 'POST',
	path: '/v2/flows/prospects/unassign-flows-by-instance-id',
	destructive: true,
	fields: [{ ...flowInstanceIds, required: true, maxItems: 200, description: `${flowInstanceIds.description} (at most 200)` }, unassignedByUserEmail],
};
