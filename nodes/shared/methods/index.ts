import {
	searchBriefs,
	searchCalls,
	searchCrmIntegrations,
	searchFlowFolders,
	searchFlows,
	searchLibraryFolders,
	searchPermissionProfiles,
	searchScorecards,
	searchTargets,
	searchTrackers,
	searchUsers,
	searchWorkspaces,
} from './listSearch';
import { getCrmIntegrations, getScorecards, getTrackers, getUsers, getWorkspaces } from './loadOptions';

/** The node's `methods.listSearch`: one per resource-locator kind (LOCATORS in framework/properties.ts). */
export const listSearch = {
	searchCalls,
	searchUsers,
	searchWorkspaces,
	searchLibraryFolders,
	searchScorecards,
	searchTrackers,
	searchBriefs,
	searchFlows,
	searchFlowFolders,
	searchPermissionProfiles,
	searchCrmIntegrations,
	searchTargets,
};

/** The node's `methods.loadOptions` (plain and multi-select dropdowns). */
export const loadOptions = { getWorkspaces, getUsers, getScorecards, getTrackers, getCrmIntegrations };
