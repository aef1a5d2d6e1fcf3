import { LIMITED_RELEASE } from './fields';
import type { OperationDef } from '../../../shared/framework/types';

export const validateMeetingIntegrationStatus: OperationDef = {
	resource: 'meeting',
	operation: 'validateIntegrationStatus',
	name: 'Validate Integration Status',
	action: 'Validate the meeting integration of users',
	description: `Checks whether Gong can create and record meetings for the given users. One item per email: { email, exists, valid, userFacingError, fixUrl, helpUrl } — valid is false with an explanation and a fix link when the integration is not connected. ${LIMITED_RELEASE}`,
	catalogId: 'meetings.validateIntegrationStatus',
	scope: 'api:meetings:integration:status',
	method: 'POST',
	path: '/v2/meetings/integration/status',
	retrySafe: true,
	recordsKey: 'users',
	output: 'records',
	fields: [
		{
			name: 'emails',
			displayName: 'Emails',
			kind: 'emails',
			required: true,
			maxItems: 100,
			placeholder: 'name@email.com',
			description: 'Email addresses of the Gong users to check (at most 100); several values or comma-separated text',
		},
	],
};
