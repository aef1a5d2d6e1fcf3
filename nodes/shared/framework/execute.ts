import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { gongApiPaginate, gongApiRequest, type GongRequestOptions } from '../transport';
import { buildRequest } from './request';
import type { BuiltRequest, OperationDef } from './types';

/** The JSON of an error item for continueOnFail: the message plus what helps to act on it. */
export function errorJson(error: unknown): IDataObject {
	const e = error as NodeApiError & { context?: IDataObject };
	const json: IDataObject = { error: e.message ?? String(error) };
	if (e.description) json.description = e.description;
	if ((e as NodeApiError).httpCode) json.httpCode = (e as NodeApiError).httpCode;
	if (e.context?.requestId) json.requestId = e.context.requestId as string;
	if (Array.isArray(e.context?.gongErrors) && (e.context?.gongErrors as string[]).length) json.gongErrors = e.context?.gongErrors as string[];
	return json;
}

/** Makes sure a thrown error is an n8n error that names the item. */
export function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** The request options for the transport from a built request and its definition. */
export function transportOptions(def: OperationDef, req: BuiltRequest, itemIndex: number): GongRequestOptions {
	return {
		method: req.method,
		path: req.path,
		qs: req.qs,
		body: req.rawBody ? undefined : req.body,
		rawBody: req.rawBody,
		headers: req.headers,
		itemIndex,
		retrySafe: def.consumesCredits ? false : def.retrySafe,
		notRepeatedBecause: def.consumesCredits ? 'it consumes Gong AI credits' : undefined,
		emptyOn404: def.emptyOn404,
		scope: def.scope,
		notFoundLabel: notFoundLabel(def, req),
	};
}

function notFoundLabel(def: OperationDef, req: BuiltRequest): string | undefined {
	const pathField = def.fields.find((f) => f.target === 'path');
	if (!pathField) return undefined;
	return `${pathField.displayName.replace(/ ID$/, '')} ${String(req.values[pathField.name] ?? '')}`.trim();
}

/** Turns one Gong answer into output records, as the definition says. */
export function shapeOutput(def: OperationDef, response: IDataObject | null): IDataObject[] {
	if (response === null) return [];
	const mode = def.output ?? (def.recordsKey && def.pagination ? 'records' : 'response');
	if (mode === 'response' || !def.recordsKey) return [response];
	const value = response[def.recordsKey];
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? (v as IDataObject) : { value: v }));
	if (typeof value === 'object') return [value as IDataObject];
	return [{ [def.recordsKey]: value }];
}

/** Runs one item of a standard operation: build, send (following pages), shape. */
export async function runItem(ctx: IExecuteFunctions, def: OperationDef, itemIndex: number): Promise<IDataObject[]> {
	const req = await buildRequest(ctx, def, itemIndex);
	const options = transportOptions(def, req, itemIndex);
	let records: IDataObject[];
	let last: IDataObject = {};
	if (def.pagination && def.recordsKey) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
		const { records: recs, responses } = await gongApiPaginate.call(
			ctx,
			{ ...options, pagination: def.pagination, recordsKey: def.recordsKey, retrySafe: def.retrySafe ?? true },
			limit,
		);
		records = recs;
		last = responses[responses.length - 1] ?? {};
	} else {
		const response = await gongApiRequest.call(ctx, options);
		records = shapeOutput(def, response);
		last = response ?? {};
	}
	return def.postReceive ? await def.postReceive.call(ctx, records, itemIndex, last) : records;
}

/** Runs an operation over every input item, honouring continueOnFail and pairing each output. */
export async function executeOperation(ctx: IExecuteFunctions, def: OperationDef): Promise<INodeExecutionData[]> {
	if (def.executeAll) return await def.executeAll.call(ctx, def);
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const records = await runItem(ctx, def, i);
			for (const json of records) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push({ json: errorJson(error), pairedItem: { item: i } });
				continue;
			}
			throw withItemIndex(ctx, error, i);
		}
	}
	return out;
}
