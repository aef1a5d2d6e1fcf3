import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { applyContentSelector } from '../shared/calls/content';
import { readableTranscript, readableTranscripts } from '../shared/calls/transcript.readable';
import { gongApiPages } from '../shared/transport';
import { BASIC_CREDENTIAL, GONG_APP_CREDENTIAL } from '../shared/transport/credentials';

/** Gong accepts at most this many call IDs per transcript / extensive request. */
const ID_BATCH = 100;

export interface EnrichOptions {
	transcript: boolean;
	readable: boolean;
	extended: boolean;
	include: string[];
	context: string;
}

export function enrichOptionsOf(options: IDataObject): EnrichOptions {
	return {
		transcript: options.addTranscript === true,
		readable: options.readableTranscript === true,
		extended: options.addExtendedData === true,
		include: Array.isArray(options.dataToInclude) ? (options.dataToInclude as string[]) : [],
		context: typeof options.crmContext === 'string' ? options.crmContext : 'None',
	};
}

function callIdOf(json: IDataObject): string | undefined {
	const id = (json.metaData as IDataObject | undefined)?.id;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}

function batches<T>(list: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += ID_BATCH) out.push(list.slice(i, i + ID_BATCH));
	return out;
}

async function transcriptsOf(ctx: IExecuteFunctions, ids: string[]): Promise<Map<string, IDataObject>> {
	const out = new Map<string, IDataObject>();
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
			for (const record of page.records) out.set(String(record.callId), record);
		}
	}
	return out;
}

async function extendedOf(ctx: IExecuteFunctions, ids: string[], opts: EnrichOptions): Promise<Map<string, IDataObject>> {
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
			for (const record of page.records) {
				const id = callIdOf(record);
				if (id) out.set(id, record);
			}
		}
	}
	return out;
}

/**
 * Adds extended data and transcripts to the delivered calls (runs in the execution, after n8n
 * has answered Gong). Items of test deliveries are enriched too; their sample call usually does
 * not exist, which shows as transcriptMissing / extendedDataMissing.
 */
export async function enrichItems(ctx: IExecuteFunctions, items: INodeExecutionData[], opts: EnrichOptions): Promise<INodeExecutionData[]> {
	const out = items.map((item, index) => ({ json: { ...item.json }, pairedItem: { item: index } }) as INodeExecutionData);
	if (!opts.transcript && !opts.extended) return out;
	const node = ctx.getNode();
	if (!node.credentials?.[BASIC_CREDENTIAL] && !node.credentials?.[GONG_APP_CREDENTIAL]) {
		throw new NodeOperationError(node, 'Add Transcript / Add Extended Call Data need a Gong credential', {
			description: 'Choose a Gong credential on the node (Gong API Authentication), or turn these options off.',
		});
	}
	const ids = [...new Set(out.map((i) => callIdOf(i.json)).filter((id): id is string => id !== undefined))];

	if (opts.extended && ids.length) {
		const extended = await extendedOf(ctx, ids, opts);
		for (const item of out) {
			const id = callIdOf(item.json);
			const record = id ? extended.get(id) : undefined;
			if (record) item.json = { ...item.json, ...record, isTest: item.json.isTest };
			else item.json.extendedDataMissing = true;
		}
	}

	if (opts.transcript) {
		const transcripts = ids.length ? await transcriptsOf(ctx, ids) : new Map<string, IDataObject>();
		const needParties: IDataObject[] = [];
		for (const item of out) {
			const id = callIdOf(item.json);
			const record = id ? transcripts.get(id) : undefined;
			const monologues = Array.isArray(record?.transcript) ? (record!.transcript as IDataObject[]) : [];
			if (!monologues.length) item.json.transcriptMissing = true;
			if (!opts.readable) {
				item.json.transcript = monologues;
				continue;
			}
			const full: IDataObject = { callId: id ?? null, transcript: monologues };
			const parties = item.json.parties;
			if (Array.isArray(parties) && parties.length) {
				item.json.transcript = readableTranscript(full, { parties: parties as IDataObject[], metaData: item.json.metaData as IDataObject });
			} else {
				needParties.push(full);
				item.json.transcript = full;
			}
		}
		if (needParties.length) {
			// The delivery had no participants: read them from Gong (one request per 100 calls).
			const readable = await readableTranscripts.call(ctx, needParties);
			const byId = new Map(readable.map((r) => [String(r.callId), r]));
			for (const item of out) {
				const id = callIdOf(item.json);
				const found = id ? byId.get(id) : undefined;
				if (found && (item.json.transcript as IDataObject).callId === id && !(item.json.transcript as IDataObject).text) item.json.transcript = found;
			}
		}
	}
	return out;
}
