import type { OperationDef } from '../../../shared/framework/types';
import { checkCustomRange, entityFields } from './fields';

export const getAiBrief: OperationDef = {
	resource: 'ai',
	operation: 'getBrief',
	name: 'Get Brief',
	action: 'Generate an AI brief of a CRM entity',
	description:
		'Generates one of the company\'s AI briefs (see Brief → Get Many) for a CRM account, deal, contact or lead from its calls and emails. Consumes Gong AI credits on every run; without credits Gong answers 402 Payment Required. Returns one item { numOfCallsSearched, numOfEmailsSearched, briefSections: [{ title, sectionSummary, conversationFindings, … }] }.',
	catalogId: 'entities.generateBrief',
	scope: 'api:ai-briefer:read',
	method: 'GET',
	consumesCredits: true,
	path: '/v2/entities/get-brief',
	fields: [
		entityFields[0],
		{
			name: 'briefName',
			displayName: 'Brief Name',
			kind: 'string',
			required: true,
			placeholder: 'Account Brief',
			description: 'The name of the AI brief to generate, as set up in Gong (see Brief → Get Many)',
		},
		...entityFields.slice(1),
	],
	preSend: checkCustomRange,
};
