import type { IDataObject } from 'n8n-workflow';

/**
 * Gong types task, user, flow, step and priority ids as int64 JSON numbers. The transport
 * keeps ids longer than 15 digits exact as strings; this turns the shorter ones into strings
 * too, so every id of a task is a string whatever its length.
 */
export function idsAsStrings(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((v) => idsAsStrings(v));
	if (value === null || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		out[key] = (key === 'id' || key.endsWith('Id')) && typeof v === 'number' && Number.isInteger(v) ? String(v) : (idsAsStrings(v) as IDataObject[string]);
	}
	return out;
}

/** One item per task, ids as strings, with the response's crmType on each. */
export function taskItems(records: IDataObject[], response: IDataObject): IDataObject[] {
	return records.map((t) => {
		const task = idsAsStrings(t) as IDataObject;
		if (response.crmType !== undefined && task.crmType === undefined) task.crmType = response.crmType;
		return task;
	});
}
