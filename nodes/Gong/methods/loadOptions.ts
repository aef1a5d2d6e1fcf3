import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { searchWorkspaces } from './listSearch';

/** Workspaces as plain dropdown options. */
export async function getWorkspaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchWorkspaces.call(this);
	return results.map((r) => ({ name: r.name, value: r.value as string }));
}
