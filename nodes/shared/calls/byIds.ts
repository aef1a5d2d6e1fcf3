import type { IDataObject } from 'n8n-workflow';

import { gongApiPages, type GongContext } from '../transport';
import { applyContentSelector } from './content';

/** Gong accepts at most this many call IDs per extensive / transcript request (and pages by 100). */
export const ID_BATCH = 100;

export function batches<T>(list: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += ID_BATCH) out.push(list.slice(i, i + ID_BATCH));
	return out;
}

/** POST /v2/calls/transcript by call IDs (≤100 per request): call ID → transcript monologues. */
export async function fetchTranscripts(ctx: GongContext, ids: string[], onPage?: () => void): Promise<Map<string, IDataObject[]>> {
	const out = new Map<string, IDataObject[]>();
	for (const batch of batches(ids)) {
		const pages = gongApiPages.call(ctx, {
			method: 'POST',
			path: '/v2/calls/transcript',
			body: { filter: { callIds: batch } },
			pagination: 'body',
			recordsKey: 'callTranscripts',
			emptyOn404: true,
			retrySafe: true,
			scope: 'api:calls:read:transcript',
		});
		for await (const page of pages) {
			onPage?.();
			for (const record of page.records) {
				const transcript = record.transcript;
				out.set(String(record.callId), Array.isArray(transcript) ? (transcript as IDataObject[]) : []);
			}
		}
	}
	return out;
}

export interface ExtendedOptions {
	include: string[];
	context: string;
	/** Called after every page received. */
	onPage?: () => void;
}

/** POST /v2/calls/extensive by call IDs (≤100 per request): call ID → extended record. */
export async function fetchExtended(ctx: GongContext, ids: string[], opts: ExtendedOptions): Promise<Map<string, IDataObject>> {
	const out = new Map<string, IDataObject>();
	for (const batch of batches(ids)) {
		const body: IDataObject = { filter: { callIds: batch } };
		if (opts.context && opts.context !== 'None') body.contentSelector = { context: opts.context };
		const built = applyContentSelector({ method: 'POST', path: '/v2/calls/extensive', qs: {}, body, values: { include: opts.include } });
		const pages = gongApiPages.call(ctx, {
			method: 'POST',
			path: '/v2/calls/extensive',
			body: built.body,
			pagination: 'body',
			recordsKey: 'calls',
			emptyOn404: true,
			retrySafe: true,
			scope: 'api:calls:read:extensive',
		});
		for await (const page of pages) {
			opts.onPage?.();
			for (const record of page.records) {
				const id = (record.metaData as IDataObject | undefined)?.id;
				if (id !== undefined && id !== null) out.set(String(id), record);
			}
		}
	}
	return out;
}
