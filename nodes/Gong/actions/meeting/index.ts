import type { ResourceDef } from '../../../shared/framework/types';
import { createMeeting } from './create.operation';
import { deleteMeeting } from './delete.operation';
import { updateMeeting } from './update.operation';
import { validateMeetingIntegrationStatus } from './validateIntegrationStatus.operation';

export const meetingResource: ResourceDef = {
	value: 'meeting',
	name: 'Meeting',
	description: 'Gong meetings (limited release): create, update, delete, check the integration',
	operations: [createMeeting, updateMeeting, deleteMeeting, validateMeetingIntegrationStatus],
};
