import type { ResourceDef } from '../../../shared/framework/types';
import { assignProspects } from './assignProspects.operation';
import { assignProspectsCoolOffOverride } from './assignProspectsCoolOffOverride.operation';
import { getBulkAssignment } from './getBulkAssignment.operation';
import { getFlowFolders } from './getFolders.operation';
import { getManyFlows } from './getMany.operation';
import { getProspectFlows } from './getProspectFlows.operation';
import { getFlowSteps } from './getSteps.operation';
import { submitBulkAssignment } from './submitBulkAssignment.operation';
import { unassignByCrmId } from './unassignByCrmId.operation';
import { unassignByInstanceId } from './unassignByInstanceId.operation';

export const engageFlowResource: ResourceDef = {
	value: 'engageFlow',
	name: 'Engage Flow',
	description: 'Gong Engage flows: list flows and folders, read steps, assign and unassign prospects',
	operations: [
		getManyFlows,
		getFlowFolders,
		getFlowSteps,
		getProspectFlows,
		assignProspects,
		assignProspectsCoolOffOverride,
		submitBulkAssignment,
		getBulkAssignment,
		unassignByCrmId,
		unassignByInstanceId,
	],
};
