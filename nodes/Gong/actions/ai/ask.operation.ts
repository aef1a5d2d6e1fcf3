import type { OperationDef } from '../../../shared/framework/types';
import { checkCustomRange, entityFields } from './fields';

export const askAi: OperationDef = {
	resource: 'ai',
	operation: 'ask',
	name: 'Ask',
	action: 'Ask a question about a CRM entity',
	description:
		'Answers a question about a CRM account, deal, contact or lead from its calls and emails (at most 60 calls and 500 emails). Consumes Gong AI credits on every run; without credits Gong answers 402 Payment Required. Returns one item { numOfCallsSearched, numOfEmailsSearched, answer: [{ answerItems, callFindings, emailFindings }] }.',
	catalogId: 'entities.ask',
	scope: 'api:ai-ask:read',
	method: 'GET',
	consumesCredits: true,
	path: '/v2/entities/ask-entity',
	fields: [
		...entityFields,
		{
			name: 'question',
			displayName: 'Question',
			kind: 'text',
			required: true,
			placeholder: 'What are the main objections of this customer?',
			description: 'The question to answer',
		},
	],
	preSend: checkCustomRange,
};
