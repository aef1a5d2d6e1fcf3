import type { ResourceDef } from '../../../shared/framework/types';
import { setIntegrationSettings } from './set.operation';

export const integrationSettingsResource: ResourceDef = {
	value: 'integrationSettings',
	name: 'Integration Settings',
	description: 'Origins allowed to embed Gong integrations',
	operations: [setIntegrationSettings],
};
