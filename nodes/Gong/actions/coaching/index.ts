import type { ResourceDef } from '../../../shared/framework/types';
import { getCoachingMetrics } from './getMetrics.operation';

export const coachingResource: ResourceDef = {
	value: 'coaching',
	name: 'Coaching',
	description: 'Coaching metrics of managers and their direct reports',
	operations: [getCoachingMetrics],
};
