import type { ResourceDef } from '../../../shared/framework/types';
import { deleteCrmIntegration } from './deleteIntegration.operation';
import { getCrmIntegrations } from './getIntegrations.operation';
import { getCrmObjects } from './getObjects.operation';
import { getCrmRequestStatus } from './getRequestStatus.operation';
import { getCrmSchemaFields } from './getSchemaFields.operation';
import { registerCrmIntegration } from './registerIntegration.operation';
import { uploadCrmObjects } from './uploadObjects.operation';
import { uploadCrmSchema } from './uploadSchema.operation';

export const crmResource: ResourceDef = {
	value: 'crm',
	name: 'CRM',
	description: 'Generic CRM integration: register, upload schema and objects, check uploads',
	operations: [
		getCrmIntegrations,
		registerCrmIntegration,
		deleteCrmIntegration,
		getCrmSchemaFields,
		uploadCrmSchema,
		getCrmObjects,
		uploadCrmObjects,
		getCrmRequestStatus,
	],
};
