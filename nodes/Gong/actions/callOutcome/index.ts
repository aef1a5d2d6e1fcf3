import type { ResourceDef } from '../../../shared/framework/types';
import { getManyCallOutcomes } from './getMany.operation';

export const callOutcomeResource: ResourceDef = {
	value: 'callOutcome',
	name: 'Call Outcome',
	description: 'Call outcomes defined in Gong',
	operations: [getManyCallOutcomes],
};
