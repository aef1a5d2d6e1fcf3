import type { OperationDef, ResourceDef } from '../../shared/framework/types';
import { callResource } from './call';
import { aiResource } from './ai';
import { auditLogResource } from './auditLog';
import { briefResource } from './brief';
import { callAccessResource } from './callAccess';
import { callOutcomeResource } from './callOutcome';
import { coachingResource } from './coaching';
import { libraryResource } from './library';
import { scorecardResource } from './scorecard';
import { statsResource } from './stats';
import { trackerResource } from './tracker';
import { workspaceResource } from './workspace';
import { engageFlowResource } from './engageFlow';
import { targetResource } from './target';
import { taskResource } from './task';
import { userResource } from './user';
import { crmResource } from './crm';
import { dataPrivacyResource } from './dataPrivacy';
import { digitalInteractionResource } from './digitalInteraction';
import { engagementEventResource } from './engagementEvent';
import { integrationSettingsResource } from './integrationSettings';
import { meetingResource } from './meeting';
import { permissionProfileResource } from './permissionProfile';

/** Every resource of the Gong node. Add a resource here; its operations come with it. */
export const resources: ResourceDef[] = [callResource, userResource, engageFlowResource, taskResource, targetResource, callAccessResource, statsResource, scorecardResource, trackerResource, briefResource, workspaceResource, libraryResource, auditLogResource, coachingResource, callOutcomeResource, aiResource, crmResource, dataPrivacyResource, meetingResource, integrationSettingsResource, permissionProfileResource, engagementEventResource, digitalInteractionResource];

/** Every operation definition, for the router, the docs generator and the coverage test. */
export const allOperations: OperationDef[] = resources.flatMap((r) => r.operations);
