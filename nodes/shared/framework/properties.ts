import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FieldDef, FieldGroup, LocatorKind, OperationDef, ResourceDef } from './types';

const GROUPS: Record<FieldGroup, { displayName: string; placeholder: string }> = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
};

/** Where a field's value goes when the definition does not say. */
export function targetOf(def: OperationDef, field: FieldDef) {
	if (field.target) return field.target;
	return def.method === 'GET' || def.method === 'DELETE' ? 'query' : 'body';
}

/** The list-search method and URL pattern behind each resource locator. */
export const LOCATORS: Record<LocatorKind, { search: string; label: string; url?: { regex: string; validation: string; placeholder: string } }> = {
	call: {
		search: 'searchCalls',
		label: 'call',
		url: {
			// Both anchored, and every quantified class stops at a character it cannot match, so each
			// runs in one pass (linear). The id must end after at most 20 digits: a longer id is
			// refused, not cut to its first 20 digits.
			// Extraction (n8n runs it unanchored): the id query parameter, anywhere in the query.
			regex: '^\\s*https://[^/?#\\s]*gong\\.io/call\\?(?:[^#\\s]*&)?id=(\\d{1,20})(?:[&#\\s]|$)',
			// Validation (n8n wraps it in ^…$): id as the last query parameter, as Gong links it.
			validation: '\\s*https://[^/?#\\s]*gong\\.io/call\\?(?:[^#\\s]*&)?id=\\d{1,20}(?:#\\S*)?\\s*',
			placeholder: 'https://us-12345.app.gong.io/call?id=1234567890123456789',
		},
	},
	user: { search: 'searchUsers', label: 'user' },
	workspace: { search: 'searchWorkspaces', label: 'workspace' },
	libraryFolder: { search: 'searchLibraryFolders', label: 'library folder' },
	scorecard: { search: 'searchScorecards', label: 'scorecard' },
	tracker: { search: 'searchTrackers', label: 'tracker' },
	brief: { search: 'searchBriefs', label: 'brief' },
	flow: { search: 'searchFlows', label: 'flow' },
	flowFolder: { search: 'searchFlowFolders', label: 'flow folder' },
	permissionProfile: { search: 'searchPermissionProfiles', label: 'permission profile' },
	crmIntegration: { search: 'searchCrmIntegrations', label: 'CRM integration' },
	target: { search: 'searchTargets', label: 'target' },
};

function isListKind(field: FieldDef) {
	return field.kind === 'ids' || field.kind === 'emails' || field.kind === 'strings';
}

/** The n8n parameter for one field (without displayOptions). */
export function fieldProperty(field: FieldDef): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: field.name,
		description: field.description,
		hint: field.hint,
		placeholder: field.placeholder,
		required: field.required ? true : undefined,
	};
	let prop: INodeProperties;
	if (field.locator) {
		const loc = LOCATORS[field.locator];
		const idPattern = '^\\s*\\d{1,20}\\s*$';
		prop = {
			...base,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: loc.search, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: '1234567890123456789',
					validation: [
						{
							type: 'regex',
							properties: { regex: idPattern, errorMessage: `Not a valid ${loc.label} ID (digits only, up to 20)` },
						},
					],
				},
				...(loc.url
					? [
							{
								displayName: 'By URL',
								name: 'url',
								type: 'string' as const,
								placeholder: loc.url.placeholder,
								extractValue: { type: 'regex' as const, regex: loc.url.regex },
								validation: [
									{
										type: 'regex' as const,
										properties: { regex: loc.url.validation, errorMessage: `Not a Gong ${loc.label} URL (…/call?id= and up to 20 digits)` },
									},
								],
							},
						]
					: []),
			],
		};
	} else if (field.loadOptionsMethod) {
		const list = isListKind(field) || field.kind === 'multiOptions';
		prop = {
			...base,
			type: list ? 'multiOptions' : 'options',
			typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
			default: list ? [] : '',
		};
		prop.description = `${field.description ?? ''} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`.trim();
	} else {
		switch (field.kind) {
			case 'ids':
			case 'emails':
			case 'strings':
				prop = {
					...base,
					type: 'string',
					default: [],
					typeOptions: {
						multipleValues: true,
						multipleValueButtonText: field.kind === 'emails' ? 'Add Email' : field.kind === 'ids' ? 'Add ID' : 'Add Value',
					},
				};
				break;
			case 'dateTime':
			case 'date':
				prop = { ...base, type: 'dateTime', default: '' };
				break;
			case 'boolean':
				prop = { ...base, type: 'boolean', default: false };
				break;
			case 'number':
				prop = {
					...base,
					type: 'number',
					default: 0,
					typeOptions: { minValue: field.min, maxValue: field.max },
				};
				break;
			case 'options':
				prop = { ...base, type: 'options', options: field.options ?? [], default: '' };
				break;
			case 'multiOptions':
				prop = { ...base, type: 'multiOptions', options: field.options ?? [], default: [] };
				break;
			case 'json':
				prop = { ...base, type: 'json', default: '' };
				break;
			case 'fixedCollection':
				prop = {
					...base,
					type: 'fixedCollection',
					default: {},
					typeOptions: { multipleValues: true },
					options: [{ name: 'values', displayName: field.displayName, values: (field.subFields ?? []).map(fieldProperty) }],
				};
				break;
			case 'text':
				prop = { ...base, type: 'string', default: '', typeOptions: { rows: 4 } };
				break;
			default:
				prop = { ...base, type: 'string', default: '' };
		}
	}
	if (field.default !== undefined) prop.default = field.default as INodeProperties['default'];
	if (field.typeOptions) prop.typeOptions = { ...(prop.typeOptions ?? {}), ...field.typeOptions };
	for (const key of Object.keys(prop) as Array<keyof INodeProperties>) {
		if (prop[key] === undefined) delete prop[key];
	}
	return prop;
}

function showFor(def: OperationDef, extra?: IDisplayOptions['show']): IDisplayOptions {
	return { show: { resource: [def.resource], operation: [def.operation], ...(extra ?? {}) } };
}

/** Every n8n parameter of one operation, in display order. */
export function operationProperties(def: OperationDef): INodeProperties[] {
	const props: INodeProperties[] = [];
	const bodyOnlyWhenFields = def.jsonBody ? { bodyInput: ['fields'] } : {};
	if (def.jsonBody) {
		props.push({
			displayName: 'Define Body Using',
			name: 'bodyInput',
			type: 'options',
			options: [
				{ name: 'Fields Below', value: 'fields', description: 'Build the request from the fields of this node' },
				{ name: 'JSON', value: 'json', description: 'Give the whole JSON body (see Gong\'s API reference); it is validated before sending' },
			],
			default: 'fields',
			displayOptions: showFor(def),
		});
		props.push({
			displayName: 'JSON Body',
			name: 'jsonBody',
			type: 'json',
			default: '{}',
			required: true,
			description: 'The request body as JSON. Large IDs may be given as strings or numbers; they are kept exact.',
			displayOptions: showFor(def, { bodyInput: ['json'] }),
		});
	}
	const forTarget = (f: FieldDef) => (targetOf(def, f) === 'body' ? bodyOnlyWhenFields : {});
	for (const field of def.fields.filter((f) => f.required)) {
		props.push({ ...fieldProperty(field), displayOptions: showFor(def, { ...forTarget(field), ...(field.showWhen ?? {}) }) });
	}
	if (def.pagination) {
		props.push({
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(def),
		});
		props.push({
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: showFor(def, { returnAll: [false] }),
		});
	}
	const groups = new Map<FieldGroup, FieldDef[]>();
	for (const field of def.fields.filter((f) => !f.required)) {
		const group = field.collection ?? 'additionalFields';
		groups.set(group, [...(groups.get(group) ?? []), field]);
	}
	for (const [group, fields] of groups) {
		const bodyFields = fields.every((f) => targetOf(def, f) === 'body');
		props.push({
			displayName: GROUPS[group].displayName,
			name: group,
			type: 'collection',
			placeholder: GROUPS[group].placeholder,
			default: {},
			displayOptions: showFor(def, bodyFields ? bodyOnlyWhenFields : {}),
			options: fields
				.map((f) => {
					const p = fieldProperty(f);
					if (f.showWhen) p.displayOptions = { show: f.showWhen };
					return p;
				})
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	return props;
}

/** The resource dropdown, one operation dropdown per resource, and every operation's fields. */
export function nodeProperties(resources: ResourceDef[]): INodeProperties[] {
	const sorted = [...resources].sort((a, b) => a.name.localeCompare(b.name));
	const defaultResource = sorted.find((r) => r.value === 'call')?.value ?? sorted[0].value;
	const props: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: sorted.map((r) => ({ name: r.name, value: r.value, description: r.description })),
			default: defaultResource,
		},
	];
	for (const resource of sorted) {
		const ops = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
		const options: INodePropertyOptions[] = ops.map((op) => ({
			name: op.name,
			value: op.operation,
			action: op.action,
			description: op.description,
		}));
		const defaultOperation = ops.find((o) => o.operation === 'getMany')?.operation ?? ops[0].operation;
		props.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: defaultOperation,
		});
	}
	for (const resource of sorted) {
		for (const op of resource.operations) props.push(...operationProperties(op));
	}
	return props;
}
