/**
 * Stand-ins for the few n8n built-in nodes (n8n-nodes-base, not installed here) that the workflows
 * in examples/ use, so a whole example runs through n8n-core's WorkflowExecute with the real Gong
 * nodes. Each does what the real node does for the parameters the examples use — and refuses
 * anything else with an error naming the parameter, so an example that starts using a feature a
 * stand-in lacks fails loudly instead of passing by accident. Expressions in their parameters are
 * resolved by n8n-workflow's real expression engine (getNodeParameter / getWorkflowDataProxy).
 * The real nodes run when `npm run dev` imports the examples into real n8n.
 */
const vm = require('vm');

const description = (name, displayName, { trigger = false, version = 1, properties = [] } = {}) => ({
	displayName,
	name,
	group: trigger ? ['trigger'] : ['transform'],
	version,
	description: `Test stand-in for n8n's ${displayName} node`,
	defaults: { name: displayName },
	inputs: trigger ? [] : ['main'],
	outputs: ['main'],
	// n8n keeps only the parameters a node type declares: declare the ones the examples use
	properties,
});
const prop = (name, type, def, extra = {}) => ({ displayName: name, name, type, default: def, ...extra });

/** Manual Trigger: one empty item. */
class ManualTrigger {
	constructor() {
		this.description = description('manualTrigger', 'Manual Trigger', { trigger: true });
	}

	async execute() {
		return [[{ json: {} }]];
	}
}

/** Schedule Trigger, run by hand: one item describing "now", as n8n's schedule trigger emits. */
class ScheduleTrigger {
	constructor() {
		this.description = description('scheduleTrigger', 'Schedule Trigger', { trigger: true, version: [1, 1.1, 1.2], properties: [prop('rule', 'json', {})] });
	}

	async execute() {
		const now = new Date();
		return [[{ json: { timestamp: now.toISOString(), 'Day of week': now.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }), Timezone: 'UTC' } }]];
	}
}

/** Sticky notes are never executed; the type only has to exist. */
class StickyNote {
	constructor() {
		this.description = { ...description('stickyNote', 'Sticky Note', { version: 1 }), inputs: [], outputs: [], group: ['input'] };
	}
}

const SET_TYPES = {
	string: (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
	number: (v) => Number(v),
	boolean: (v) => v === true || v === 'true',
	array: (v) => (Array.isArray(v) ? v : JSON.parse(String(v))),
	object: (v) => (typeof v === 'object' && v !== null ? v : JSON.parse(String(v))),
};

/** Edit Fields (Set) 3.x in "manual mapping" mode: each item becomes the assigned fields only. */
class SetNode {
	constructor() {
		this.description = description('set', 'Edit Fields (Set)', {
			version: [3, 3.1, 3.2, 3.3, 3.4],
			properties: [prop('mode', 'string', 'manual'), prop('includeOtherFields', 'boolean', false), prop('assignments', 'assignmentCollection', {}), prop('options', 'json', {})],
		});
	}

	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const params = this.getNode().parameters;
			if (params.mode !== 'manual') throw new Error(`stand-in Set node: mode "${params.mode}" is not supported`);
			if (params.includeOtherFields) throw new Error('stand-in Set node: "includeOtherFields" is not supported');
			if (params.options && Object.keys(params.options).length) throw new Error('stand-in Set node: "options" are not supported');
			const assignments = this.getNodeParameter('assignments.assignments', i, []);
			const json = {};
			for (const a of assignments) {
				const convert = SET_TYPES[a.type || 'string'];
				if (!convert) throw new Error(`stand-in Set node: assignment type "${a.type}" is not supported`);
				json[a.name] = convert(a.value);
			}
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}

/** Code node (JavaScript, "Run Once for All Items"): the code runs with n8n's workflow data proxy ($input, $(…), $now …). */
class CodeNode {
	constructor() {
		this.description = description('code', 'Code', {
			version: [1, 2],
			properties: [prop('mode', 'string', 'runOnceForAllItems'), prop('language', 'string', 'javaScript'), prop('jsCode', 'string', '')],
		});
	}

	async execute() {
		const params = this.getNode().parameters;
		if ((params.mode ?? 'runOnceForAllItems') !== 'runOnceForAllItems') throw new Error(`stand-in Code node: mode "${params.mode}" is not supported`);
		if ((params.language ?? 'javaScript') !== 'javaScript') throw new Error(`stand-in Code node: language "${params.language}" is not supported`);
		const proxy = this.getWorkflowDataProxy(0);
		const context = vm.createContext({ ...proxy, console });
		const script = new vm.Script(`(async () => {\n${params.jsCode}\n})()`, { filename: `${this.getNode().name}.js` });
		const result = await script.runInContext(context, { timeout: 5000 });
		const list = Array.isArray(result) ? result : [result];
		return [
			list.map((entry, i) => {
				const item = entry && typeof entry === 'object' && 'json' in entry ? entry : { json: entry };
				return { ...item, pairedItem: item.pairedItem ?? { item: Math.min(i, this.getInputData().length - 1) } };
			}),
		];
	}
}

/**
 * Convert to File: one file from all items' rows. The real node writes the spreadsheet format;
 * this stand-in writes the rows as CSV (header = every key seen) under the configured file name.
 */
class ConvertToFile {
	constructor() {
		this.description = description('convertToFile', 'Convert to File', { version: [1, 1.1], properties: [prop('operation', 'string', 'csv'), prop('options', 'json', {})] });
	}

	async execute() {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0);
		if (!['csv', 'xlsx'].includes(operation)) throw new Error(`stand-in Convert to File node: operation "${operation}" is not supported`);
		const options = this.getNodeParameter('options', 0, {});
		const keys = [...new Set(items.flatMap((it) => Object.keys(it.json)))];
		const cell = (v) => {
			const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
			return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
		};
		const csv = [keys.join(','), ...items.map((it) => keys.map((k) => cell(it.json[k])).join(','))].join('\n');
		const binary = await this.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), options.fileName || `file.${operation}`, 'text/csv');
		return [[{ json: { rows: items.length, columns: keys, sheetName: options.sheetName ?? 'Sheet' }, binary: { data: binary }, pairedItem: items.map((_, i) => ({ item: i })) }]];
	}
}

/** type name → stand-in instance */
function baseNodeTypes() {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		'n8n-nodes-base.scheduleTrigger': new ScheduleTrigger(),
		'n8n-nodes-base.stickyNote': new StickyNote(),
		'n8n-nodes-base.set': new SetNode(),
		'n8n-nodes-base.code': new CodeNode(),
		'n8n-nodes-base.convertToFile': new ConvertToFile(),
	};
}

module.exports = { baseNodeTypes };
