import type { ResourceDef } from '../../../shared/framework/types';
import { reportContentShared } from './contentShared.operation';
import { reportContentViewed } from './contentViewed.operation';
import { reportCustomAction } from './customAction.operation';

export const engagementEventResource: ResourceDef = {
	value: 'engagementEvent',
	name: 'Engagement Event',
	description: 'Legacy engagement events (content viewed, shared, custom action); see Digital Interaction',
	operations: [reportContentViewed, reportContentShared, reportCustomAction],
};
