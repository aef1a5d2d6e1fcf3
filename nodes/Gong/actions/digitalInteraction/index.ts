import type { ResourceDef } from '../../../shared/framework/types';
import { createDigitalInteraction } from './create.operation';

export const digitalInteractionResource: ResourceDef = {
	value: 'digitalInteraction',
	name: 'Digital Interaction',
	description: 'Digital interactions (web visits, document views, surveys …) on Gong\'s activity timeline',
	operations: [createDigitalInteraction],
};
