import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { gongApiRequest } from '../transport';

/** Keeps the entries whose name or id contains the typed text (case-insensitive). */
function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = (filter ?? '').trim().toLowerCase();
	if (!needle) return items;
	return items.filter((i) => i.name.toLowerCase().includes(needle) || String(i.value).includes(needle));
}

/** Recent calls (last 90 days, newest first), one Gong page per dropdown page. */
export async function searchCalls(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const to = new Date();
	const from = new Date(to.getTime() - 90 * 24 * 3600 * 1000);
	const qs: IDataObject = { fromDateTime: from.toISOString(), toDateTime: to.toISOString() };
	if (paginationToken) qs.cursor = paginationToken;
	const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/calls', qs, emptyOn404: true });
	const calls = ((response?.calls as IDataObject[]) ?? []).slice().sort((a, b) => String(b.started ?? '').localeCompare(String(a.started ?? '')));
	const results = calls.map((c) => ({
		name: `${(c.title as string) || 'Untitled call'} (${String(c.started ?? '').slice(0, 16).replace('T', ' ')})`,
		value: String(c.id),
		url: c.url as string | undefined,
	}));
	return { results: matching(results, filter), paginationToken: (response?.records as IDataObject | undefined)?.cursor as string | undefined };
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = {};
	if (paginationToken) qs.cursor = paginationToken;
	const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/users', qs, emptyOn404: true });
	const results = ((response?.users as IDataObject[]) ?? []).map((u) => ({
		name: `${[u.firstName, u.lastName].filter(Boolean).join(' ') || 'Unnamed user'} (${u.emailAddress ?? u.id})`,
		value: String(u.id),
	}));
	return { results: matching(results, filter), paginationToken: (response?.records as IDataObject | undefined)?.cursor as string | undefined };
}

export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const response = await gongApiRequest.call(this, { method: 'GET', path: '/v2/workspaces', emptyOn404: true });
	const results = ((response?.workspaces as IDataObject[]) ?? []).map((w) => ({
		name: String(w.name ?? w.id),
		value: String(w.id),
	}));
	return { results: matching(results, filter) };
}
