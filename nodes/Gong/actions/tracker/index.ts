import type { ResourceDef } from '../../../shared/framework/types';
import { getManyTrackers } from './getMany.operation';

export const trackerResource: ResourceDef = {
	value: 'tracker',
	name: 'Tracker',
	description: 'Keyword tracker definitions',
	operations: [getManyTrackers],
};
