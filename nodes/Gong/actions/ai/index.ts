import type { ResourceDef } from '../../../shared/framework/types';
import { askAi } from './ask.operation';
import { getAiBrief } from './getBrief.operation';

export const aiResource: ResourceDef = {
	value: 'ai',
	name: 'AI',
	description: 'Gong AI on CRM entities: briefs and questions (consume Gong credits)',
	operations: [getAiBrief, askAi],
};
