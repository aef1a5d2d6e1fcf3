import type { ResourceDef } from '../../../shared/framework/types';
import { getManyBriefs } from './getMany.operation';

export const briefResource: ResourceDef = {
	value: 'brief',
	name: 'Brief',
	description: 'AI brief settings',
	operations: [getManyBriefs],
};
