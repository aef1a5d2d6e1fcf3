import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { appendAll, gongApiPages } from '../transport';
import { searchCrmIntegrations, searchScorecards, searchTrackers, searchWorkspaces, userItem } from './listSearch';

/**
 * Plain dropdown options (`loadOptionsMethod`) for fields that take several values at once
 * (multiOptions), where a resource locator does not fit. The value is always the Gong id as a
 * string; lists follow the same workspace rule as the list searches.
 */

/** Most user pages (100 users each) read for one dropdown. */
const MAX_USER_PAGES = 20;

const asOptions = (results: Array<{ name: string; value: string | number | boolean }>): INodePropertyOptions[] =>
	results.map((r) => ({ name: r.name, value: String(r.value) }));

/** Workspaces. */
export async function getWorkspaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asOptions((await searchWorkspaces.call(this)).results);
}

/** Users, "First Last (email)", sorted by name (up to 2,000 users). */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users: IDataObject[] = [];
	let pages = 0;
	for await (const page of gongApiPages.call(this, { method: 'GET', path: '/v2/users', pagination: 'query', recordsKey: 'users', emptyOn404: true, scope: 'api:users:read' })) {
		appendAll(users, page.records);
		if (++pages >= MAX_USER_PAGES) break;
	}
	return asOptions(users.map(userItem)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Scorecards (of the chosen workspace, if any). */
export async function getScorecards(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asOptions((await searchScorecards.call(this)).results);
}

/** Keyword trackers (of the chosen workspace, if any). */
export async function getTrackers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asOptions((await searchTrackers.call(this)).results);
}

/** Generic CRM integrations. */
export async function getCrmIntegrations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asOptions((await searchCrmIntegrations.call(this)).results);
}
