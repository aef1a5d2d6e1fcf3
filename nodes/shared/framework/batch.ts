import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { checkLimit, gongApiError, gongApiPaginate, type PaginateOptions } from '../transport';
import { errorJson, runItem, withItemIndex } from './execute';
import { asNodeError } from './nodeError';
import { buildRequest } from './request';
import type { BuiltRequest, OperationDef } from './types';

/**
 * Cross-item batching of item-wise reads: N input items that each name one (or a few) Gong
 * records are answered with ⌈N/100⌉ requests to a bulk endpoint instead of N requests, and
 * every record goes back to the input item that asked for it (pairedItem). An id Gong does not
 * return gives that item a "not found" error (an error item with continueOnFail).
 *
 * A spec says how to read an item's ids, how to build the bulk request for a chunk of ids
 * and how to recognise which id a returned record belongs to. Items whose other parameters
 * differ are grouped: only items with the same group key share a bulk request.
 */
export interface BatchSpec {
	/** Most ids per bulk request. Default 100. */
	size?: number;
	/**
	 * A single input item keeps the operation's own request (e.g. GET /v2/calls/{id}, which
	 * needs a narrower scope than the bulk endpoint). Default true.
	 */
	singleItemStandard?: boolean;
	/**
	 * The ids an item asks for and its group key (the other parameters that shape the bulk
	 * request), from its validated request. `null`: the item is not batchable and runs through
	 * the operation's own request.
	 */
	keyOf: (this: IExecuteFunctions, req: BuiltRequest, itemIndex: number) => { ids: string[]; group: string } | null;
	/** The bulk request for one chunk of ids; `sample` is the first item of the group. */
	bulkRequest: (this: IExecuteFunctions, ids: string[], sample: { req: BuiltRequest; itemIndex: number }) => PaginateOptions;
	/** The id a returned record belongs to. */
	idOf: (record: IDataObject) => string | undefined;
	/** What an item gets for one record (default: the record). */
	shape?: (record: IDataObject) => IDataObject;
	/** Whether an id missing from Gong's answer is an error for this item (default: always). */
	missingIsError?: (req: BuiltRequest, itemIndex: number) => boolean;
	/** How a missing id is named in the "not found" error ("Call 123"). */
	notFoundLabel: (id: string) => string;
	/** Extra sentence for "not found" errors (e.g. transcripts can lag the call). */
	notFoundHint?: string;
	/**
	 * When Gong refuses the bulk request with 403 (the credential lacks the bulk endpoint's
	 * scope), answer those items one by one with the operation's own request instead.
	 */
	fallbackOn403?: boolean;
	/** Apply the item's Return All / Limit to its records (paginated operations). */
	limit?: boolean;
	/**
	 * The output items of one input item from its records, instead of one JSON item per record
	 * (e.g. items with binary data). Runs after postReceive; `values` are the item's validated
	 * parameters (empty for items answered by the operation's own request). The batcher sets
	 * pairedItem; a throw fails only this item (an error item with continueOnFail).
	 */
	toItems?: (
		this: IExecuteFunctions,
		records: IDataObject[],
		itemIndex: number,
		values: IDataObject,
	) => Promise<Array<{ json: IDataObject; binary?: IBinaryKeyData }>>;
	/**
	 * Called once with every record fetched for all items, before each item's postReceive runs,
	 * so per-item post-processing can share one round of follow-up requests.
	 */
	beforeReceive?: (this: IExecuteFunctions, records: IDataObject[]) => Promise<void>;
}

type ItemState =
	| { kind: 'standard' }
	| { kind: 'error'; error: unknown }
	| { kind: 'batched'; req: BuiltRequest; ids: string[]; group: string };

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** The ids a Gong 404 named as unknown ("The following userIds were not found: …"), see transport/errors.ts. */
function missingIdsNamed(error: unknown): string[] {
	const ids = (error as { context?: { missingIds?: unknown } })?.context?.missingIds;
	return Array.isArray(ids) ? ids.map(String) : [];
}

/** Whether an error is Gong's 403 (missing scope / not allowed). */
function isForbidden(error: unknown): boolean {
	return String((error as { httpCode?: unknown })?.httpCode ?? '') === '403';
}

/**
 * Builds an `executeAll` that batches the operation's items through a bulk endpoint.
 * Every input item is validated before the first request; validation errors name the item.
 */
export function batchedExecute(spec: BatchSpec) {
	const size = spec.size ?? 100;
	return async function executeAll(this: IExecuteFunctions, def: OperationDef): Promise<INodeExecutionData[]> {
		const items = this.getInputData();
		const continueOnFail = this.continueOnFail();
		const node = this.getNode();
		const states: ItemState[] = [];

		if (items.length === 1 && spec.singleItemStandard !== false) {
			states.push({ kind: 'standard' });
		} else {
			// 1. Validate every item and read its ids, before any request.
			for (let i = 0; i < items.length; i++) {
				try {
					const req = await buildRequest(this, def, i);
					const key = spec.keyOf.call(this, req, i);
					if (spec.limit && key) {
						const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
						if (!returnAll) checkLimit(node, this.getNodeParameter('limit', i, 50), i);
					}
					states.push(key ? { kind: 'batched', req, ids: key.ids, group: key.group } : { kind: 'standard' });
				} catch (error) {
					if (!continueOnFail) throw withItemIndex(this, error, i);
					states.push({ kind: 'error', error });
				}
			}
		}

		// 2. One bulk request (following its pages) per chunk of distinct ids of each group.
		const groups = new Map<string, number[]>();
		states.forEach((state, i) => {
			if (state.kind !== 'batched') return;
			groups.set(state.group, [...(groups.get(state.group) ?? []), i]);
		});
		const found = new Map<string, Map<string, IDataObject[]>>();
		/** `group|id` of ids Gong named as unknown in a 404, with that error (its message, requestId). */
		const gongMissing = new Map<string, NodeApiError>();
		const lastResponse = new Map<string, IDataObject>();
		for (const [group, members] of groups) {
			const byId = new Map<string, IDataObject[]>();
			found.set(group, byId);
			const idsOf = new Map(members.map((i) => [i, (states[i] as { ids: string[] }).ids]));
			const first = members[0];
			const sample = { req: (states[first] as { req: BuiltRequest }).req, itemIndex: first };
			const distinct = [...new Set(members.flatMap((i) => idsOf.get(i) ?? []))];
			for (const chunkIds of chunk(distinct, size)) {
				const wanted = new Set(chunkIds);
				const affected = members.filter((i) => (idsOf.get(i) ?? []).some((id) => wanted.has(id)));
				try {
					// Gong may refuse the whole chunk with a 404 naming the ids it does not know: those ids
					// fail their items, the rest is asked again (each round removes at least one id).
					let ids = chunkIds;
					while (ids.length) {
						const pending = new Set(ids);
						let named: string[] = [];
						try {
							const options = spec.bulkRequest.call(this, ids, sample);
							const { records, responses } = await gongApiPaginate.call(this, { ...options, itemIndex: affected[0] });
							if (responses.length) lastResponse.set(group, responses[responses.length - 1]);
							for (const record of records) {
								const id = spec.idOf(record);
								if (id === undefined || !wanted.has(id)) continue;
								byId.set(id, [...(byId.get(id) ?? []), record]);
							}
							break;
						} catch (error) {
							named = missingIdsNamed(error).filter((id) => pending.has(id));
							if (!named.length) throw asNodeError(node, error);
							for (const id of named) gongMissing.set(`${group}|${id}`, error as NodeApiError);
						}
						ids = ids.filter((id) => !named.includes(id));
					}
				} catch (error) {
					if (spec.fallbackOn403 && isForbidden(error)) {
						for (const i of affected) states[i] = { kind: 'standard' };
						continue;
					}
					if (!continueOnFail) throw withItemIndex(this, error, affected[0]);
					for (const i of affected) if (states[i].kind === 'batched') states[i] = { kind: 'error', error };
				}
			}
		}

		if (spec.beforeReceive) {
			const all = [...found.values()].flatMap((byId) => [...byId.values()].flat());
			if (all.length) await spec.beforeReceive.call(this, all);
		}

		// 3. Each item's records, in input order, paired to the item.
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < states.length; i++) {
			const state = states[i];
			try {
				let records: IDataObject[];
				if (state.kind === 'error') throw state.error;
				if (state.kind === 'standard') {
					records = await runItem(this, def, i);
				} else {
					const byId = found.get(state.group) ?? new Map<string, IDataObject[]>();
					const missing = state.ids.filter((id) => !byId.has(id));
					const named = state.ids.filter((id) => gongMissing.has(`${state.group}|${id}`));
					if (named.length) {
						// Gong's own 404 named this item's ids: fail it with Gong's message and request ID.
						const labels = named.map((id) => spec.notFoundLabel(id));
						const gongError = gongMissing.get(`${state.group}|${named[0]}`);
						throw gongApiError(
							node,
							{
								status: 404,
								errors: (gongError?.context.gongErrors as string[] | undefined) ?? [],
								requestId: gongError?.context.requestId as string | undefined,
								fromGong: true,
							},
							{ scope: def.scope },
							i,
							`${labels.join(', ')} ${named.length === 1 ? 'was' : 'were'} not found in Gong`,
						);
					}
					if (missing.length && (spec.missingIsError?.(state.req, i) ?? true)) {
						const labels = missing.map((id) => spec.notFoundLabel(id));
						const response = lastResponse.get(state.group);
						throw gongApiError(
							node,
							{
								status: 404,
								errors: [`${labels.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found`],
								requestId: typeof response?.requestId === 'string' ? response.requestId : undefined,
								fromGong: true,
							},
							{ notFoundLabel: labels.join(', '), scope: def.scope },
							i,
							`${labels.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found in Gong${spec.notFoundHint ? ` (${spec.notFoundHint})` : ''}`,
						);
					}
					records = state.ids.flatMap((id) => byId.get(id) ?? []).map((r) => (spec.shape ? spec.shape(r) : r));
					// An id asked for twice by the same item is answered once.
					// Items asking for the same record get their own copies.
					records = [...new Set(records)].map((r) => deepCopy(r));
					if (spec.limit && !(this.getNodeParameter('returnAll', i, false) as boolean)) {
						records = records.slice(0, checkLimit(node, this.getNodeParameter('limit', i, 50), i));
					}
					if (def.postReceive) records = await def.postReceive.call(this, records, i, lastResponse.get(state.group) ?? {});
				}
				if (spec.toItems) {
					const values = state.kind === 'batched' ? state.req.values : {};
					for (const item of await spec.toItems.call(this, records, i, values)) out.push({ ...item, pairedItem: { item: i } });
				} else {
					for (const json of records) out.push({ json, pairedItem: { item: i } });
				}
			} catch (error) {
				if (continueOnFail) {
					out.push({ json: errorJson(error), pairedItem: { item: i } });
					continue;
				}
				throw withItemIndex(this, error, i);
			}
		}
		return out;
	};
}
