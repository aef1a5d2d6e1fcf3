import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fetchExtended, fetchTranscripts } from '../shared/calls/byIds';
import { readableTranscript, readableTranscripts } from '../shared/calls/transcript.readable';
import { BASIC_CREDENTIAL, GONG_APP_CREDENTIAL } from '../shared/transport/credentials';

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
		const extended = await fetchExtended(ctx, ids, { include: opts.include, context: opts.context });
		for (const item of out) {
			const id = callIdOf(item.json);
			const record = id ? extended.get(id) : undefined;
			if (record) item.json = { ...item.json, ...record, isTest: item.json.isTest };
			else item.json.extendedDataMissing = true;
		}
	}

	if (opts.transcript) {
		const transcripts = ids.length ? await fetchTranscripts(ctx, ids) : new Map<string, IDataObject[]>();
		const needParties: IDataObject[] = [];
		for (const item of out) {
			const id = callIdOf(item.json);
			const monologues = (id ? transcripts.get(id) : undefined) ?? [];
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
