import type { ResourceDef } from '../../../shared/framework/types';
import { getManyScorecards } from './getMany.operation';

export const scorecardResource: ResourceDef = {
	value: 'scorecard',
	name: 'Scorecard',
	description: 'Scorecard definitions and their questions',
	operations: [getManyScorecards],
};
