import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { FieldDef } from '../../../shared/framework/types';

export const profileId: FieldDef = {
	name: 'profileId',
	displayName: 'Permission Profile',
	kind: 'id',
	required: true,
	target: 'query',
	locator: 'permissionProfile',
	description: 'The permission profile: pick it or give its ID (up to 20 digits)',
};

/** The yes/no capabilities of a profile: [body key, label, what it allows]. */
const CAPABILITIES: Array<[string, string, string]> = [
	['account', 'View Account Pages', 'User can view account pages'],
	['activity', 'View Activity Pages', 'User can view activity pages'],
	['aiBuilder', 'Access AI Builder', 'User can access AI Builder'],
	['callsAndSearch', 'View and Search Calls', 'User can view and search calls'],
	['coaching', 'View Coaching Pages', 'User can view coaching pages'],
	['createEditAndDeleteDealsBoards', 'Manage Deals Boards', 'User can create, edit and delete deals boards'],
	['crmDataImport', 'Import CRM Data', 'User can import CRM data'],
	['crmDataInlineEditing', 'Edit CRM Data Inline', 'User can edit CRM data inline'],
	['deals', 'View Deals Pages', 'User can view deals pages'],
	['dealsDataExport', 'Export Deals Data', 'User can export deals data'],
	['dealsInlineEditing', 'Edit Deals Inline', 'User can edit deals inline'],
	['deleteCalls', 'Delete Calls', 'User can delete calls'],
	['deleteEmails', 'Delete Emails', 'User can delete emails'],
	['downloadCallMedia', 'Download Call Media', 'User can download call media'],
	['engageAllowCrmFieldsViewChange', 'Engage: Change CRM Fields View', 'User can change the CRM fields view'],
	['engageAssignFlowToDosToOthers', 'Engage: Assign Flow To-Dos to Others', 'User can assign flow to-dos to others'],
	['engageCreateAndManageRulesets', 'Engage: Manage Rulesets', 'User can create and manage rulesets'],
	['engageManageCompanySequences', 'Engage: Manage Company Sequences', 'User can manage company sequences'],
	['engageManageCompanyTemplates', 'Engage: Manage Company Templates', 'User can manage company email templates'],
	['engageReassignFlowToDosToOthers', 'Engage: Reassign Flow To-Dos to Others', 'User can reassign flow to-dos to others'],
	['engageSnoozeFlowToDosForOthers', 'Engage: Snooze Flow To-Dos for Others', 'User can snooze flow to-dos for others'],
	['exportCallsAndCoachingDataToCSV', 'Export Calls and Coaching Data to CSV', 'User can export calls and coaching metrics to CSV'],
	['forecast', 'View Forecast Pages', 'User can view forecast pages'],
	['forecastManage', 'Manage Forecast', 'User can manage forecast boards and upload targets'],
	['initiatives', 'View Initiatives Page', 'User can view the initiatives page'],
	['library', 'View Library Pages', 'User can view library pages'],
	['listenInCalls', 'Listen in to Calls', 'User can listen in to live calls'],
	['manageGeneralBusinessSettings', 'Manage General Business Settings', 'User can manage general business settings'],
	['manageRevenueAnalytics', 'Manage Revenue Analytics', 'User can manage revenue analytics'],
	['manageScorecards', 'Manage Scorecards', 'User can manage scorecards'],
	['manuallyScheduleAndUploadCalls', 'Schedule and Upload Calls Manually', 'User can manually schedule and upload calls'],
	['market', 'View Market Page', 'User can view the market page'],
	['orchestrateCreateAndManagePlays', 'Manage Plays', 'User can create and manage plays'],
	['overrideScore', 'Override Scores', 'User can override someone else\'s score'],
	['privateCalls', 'Make Own Calls Private', 'User can set their own calls as private'],
	['scoreCalls', 'Score Calls', 'User can score calls'],
	['shareCallsWithCustomers', 'Share Calls With Customers', 'User can share calls with customers'],
	['teamStats', 'View Team Stats', 'User can view the team stats page'],
	['trimCalls', 'Trim Calls', 'User can trim calls'],
	['usage', 'View Usage Pages', 'User can view usage pages'],
	['viewEngageAnalyticsActivity', 'View Engage Analytics: Activity', 'User can view the Engage analytics activity page'],
	['viewEngageAnalyticsFlows', 'View Engage Analytics: Flows', 'User can view the Engage analytics flows page'],
	['viewEngageAnalyticsPerformance', 'View Engage Analytics: Performance', 'User can view the Engage analytics performance page'],
	['viewRevenueAnalytics', 'View Revenue Analytics Dashboards', 'User can view dashboards'],
];

const CAPABILITY_OPTIONS: INodePropertyOptions[] = CAPABILITIES.map(([value, name, description]) => ({ name, value, description })).sort((a, b) =>
	a.name.localeCompare(b.name),
);

export const grantCapabilities: FieldDef = {
	name: 'grantCapabilities',
	displayName: 'Capabilities to Grant',
	kind: 'multiOptions',
	target: 'body', // replaced by one boolean per capability in applyCapabilities
	options: CAPABILITY_OPTIONS,
	description: 'What users with this profile may do (each is set to true)',
};

export const revokeCapabilities: FieldDef = {
	name: 'revokeCapabilities',
	displayName: 'Capabilities to Revoke',
	kind: 'multiOptions',
	target: 'body', // replaced by one boolean per capability in applyCapabilities
	options: CAPABILITY_OPTIONS,
	description: 'What users with this profile may no longer do (each is set to false)',
};

const LEVELS: INodePropertyOptions[] = [
	{ name: 'All', value: 'all', description: 'Everything in the company' },
	{ name: 'Managers\' Teams', value: 'managers-team', description: 'The teams of the managers given in Team Lead IDs' },
	{ name: 'None', value: 'none', description: 'No access' },
	{ name: 'Own', value: 'own', description: 'Only their own' },
	{ name: 'People Who Report to Them', value: 'report-to-them', description: 'Their own and that of the people reporting to them' },
];

/** Access areas with a permission level and team leads: [body path, label]. */
const ACCESS_AREAS: Array<[string, string]> = [
	['callsAccess', 'Calls'],
	['coachingAccess', 'Coaching'],
	['dealsAccess', 'Deals'],
	['emailsAccess', 'Emails'],
	['forecastPermissions.forecastAccess', 'Forecast'],
	['forecastPermissions.forecastEditSubmissions', 'Forecast Submissions Editing'],
	['forecastPermissions.forecastEditTargets', 'Forecast Targets Editing'],
	['insightsAccess', 'Insights'],
	['usageAccess', 'Usage'],
];

function areaName(path: string): string {
	return path.split('.').pop() as string;
}

const accessFields: FieldDef[] = ACCESS_AREAS.flatMap(([path, label]): FieldDef[] => [
	{
		name: `${areaName(path)}Level`,
		displayName: `${label} Access`,
		kind: 'options',
		key: `${path}.permissionLevel`,
		options: LEVELS,
		default: 'own',
		description: `Whose ${label.toLowerCase()} data users with this profile can see`,
	},
	{
		name: `${areaName(path)}TeamLeadIds`,
		displayName: `${label} Access Team Lead IDs`,
		kind: 'ids',
		key: `${path}.teamLeadIds`,
		description: `For ${label} Access "Managers' Teams": Gong user IDs of the managers whose teams are visible`,
	},
]);

const libraryFields: FieldDef[] = [
	{
		name: 'libraryFolderLevel',
		displayName: 'Library Folder Access',
		kind: 'options',
		key: 'libraryFolderAccess.permissionLevel',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Every library folder' },
			{ name: 'None', value: 'none', description: 'No library folder' },
			{ name: 'Specific Folders', value: 'specific-folders', description: 'The folders given in Library Folder IDs' },
		],
		description: 'Which library folders users with this profile can access',
	},
	{
		name: 'libraryFolderIds',
		displayName: 'Library Folder IDs',
		kind: 'ids',
		key: 'libraryFolderAccess.libraryFolderIds',
		description: 'For Library Folder Access "Specific Folders": the folder IDs',
	},
	{
		name: 'managePublicFolder',
		displayName: 'Library: Manage Public Folder',
		kind: 'boolean',
		key: 'libraryFolderAccess.managePublicFolder',
		description: 'Whether users can manage the public folder (needs a library folder access other than None)',
	},
	{
		name: 'manageStreams',
		displayName: 'Library: Manage Streams',
		kind: 'boolean',
		key: 'libraryFolderAccess.manageStreams',
		description: 'Whether users can manage streams (needs a library folder access other than None)',
	},
	{
		name: 'manageFolderCalls',
		displayName: 'Library: Manage Folder Calls',
		kind: 'boolean',
		key: 'libraryFolderAccess.manageFolderCalls',
		description: 'Whether users can add calls to folders and archive calls (needs a library folder access other than None)',
	},
	{
		name: 'shareFoldersAndStreams',
		displayName: 'Library: Share Folders and Streams',
		kind: 'boolean',
		key: 'libraryFolderAccess.shareFoldersAndStreams',
		description: 'Whether users can share folders and streams with team members (needs a library folder access other than None)',
	},
];

/** The optional profile settings offered as fields (everything else: JSON body). */
export const profileSettingFields: FieldDef[] = [
	{ name: 'description', displayName: 'Description', kind: 'string', description: 'Description of the profile' },
	...accessFields,
	...libraryFields,
];

/** Replaces the "Capabilities to Grant / Revoke" lists in the body by one boolean per capability. */
export function applyCapabilities(body: IDataObject): IDataObject {
	const { grantCapabilities: grant, revokeCapabilities: revoke, ...rest } = body;
	for (const key of (grant as string[] | undefined) ?? []) rest[key] = true;
	for (const key of (revoke as string[] | undefined) ?? []) rest[key] = false;
	return rest;
}

/** Deep merge of plain objects (arrays and other values of `changes` replace). */
export function mergeProfile(base: IDataObject, changes: IDataObject): IDataObject {
	const out: IDataObject = { ...base };
	for (const [key, value] of Object.entries(changes)) {
		const current = out[key];
		if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current))
			out[key] = mergeProfile(current as IDataObject, value as IDataObject);
		else out[key] = value;
	}
	return out;
}
