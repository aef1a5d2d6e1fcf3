import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	NodeParameterValueType,
} from 'n8n-workflow';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/**
 * What a field holds. The kind decides the n8n parameter type, how the value is validated
 * before any request, and how it is written into the request.
 */
export type FieldKind =
	| 'string' // free text, sent as is (trimmed)
	| 'text' // multi-line text
	| 'id' // Gong id: digits only, up to 20, always kept as a string
	| 'ids' // list of Gong ids (multiple values or comma-separated)
	| 'int64' // an id Gong types as int64 in JSON: validated like 'id', sent as an exact JSON number
	| 'email'
	| 'emails'
	| 'strings' // list of free-text values
	| 'dateTime' // ISO-8601 date-time with offset
	| 'date' // YYYY-MM-DD (stats)
	| 'boolean'
	| 'number'
	| 'options'
	| 'multiOptions'
	| 'json' // any JSON value (object or array), parsed and validated before sending
	| 'fixedCollection'; // list of objects, each built from `subFields` (n8n fixedCollection, multiple values)

export type FieldTarget = 'path' | 'query' | 'body' | 'none';

/** Optional fields are grouped into one collection per group. */
export type FieldGroup = 'additionalFields' | 'filters' | 'options';

export interface FieldDef {
	/** n8n parameter name; unique within the operation. */
	name: string;
	displayName: string;
	kind: FieldKind;
	/** Where the value goes. Default: 'body' for JSON-body operations, else 'query'. */
	target?: FieldTarget;
	/** Dotted key inside the target (e.g. `filter.callIds`). Default: `name`. */
	key?: string;
	/** Required fields are top-level parameters; optional ones go into `group`. */
	required?: boolean;
	collection?: FieldGroup;
	description?: string;
	hint?: string;
	placeholder?: string;
	default?: NodeParameterValueType;
	options?: INodePropertyOptions[];
	/** Largest number of values a list field may hold (Gong's documented limits). */
	maxItems?: number;
	/** For 'date' fields: the value may not be after today. */
	notInFuture?: boolean;
	/** For date fields: this value must be earlier than the value of the named field. */
	mustBeBefore?: string;
	/** For 'number' fields. */
	min?: number;
	max?: number;
	/** For 'string' fields: must match. */
	pattern?: RegExp;
	patternHint?: string;
	/** Name of a `methods.loadOptions` function offering the values (dropdown). */
	loadOptionsMethod?: string;
	/** Name of a `methods.listSearch` function: renders a resource locator (list / by ID / URL). */
	locator?: LocatorKind;
	/** Field only shown when another field of the same operation has one of these values. */
	showWhen?: Record<string, Array<string | boolean | number>>;
	/** Value written when the user leaves an optional boolean untouched is not sent at all. */
	sendFalse?: boolean;
	/** Extra n8n typeOptions (rows, password …). */
	typeOptions?: IDataObject;
	/**
	 * For 'fixedCollection' fields: the fields of one entry (flat `key`s; `required` means
	 * required within an entry). The value is sent as an array of objects.
	 */
	subFields?: FieldDef[];
}

export type LocatorKind =
	| 'call'
	| 'user'
	| 'workspace'
	| 'libraryFolder'
	| 'scorecard'
	| 'tracker'
	| 'brief'
	| 'flow'
	| 'flowFolder'
	| 'permissionProfile'
	| 'crmIntegration'
	| 'target';

export interface BuiltRequest {
	method: HttpMethod;
	path: string;
	qs: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Raw body already encoded (multipart, LDJSON). */
	rawBody?: Buffer;
	headers?: Record<string, string>;
	/** The validated field values by parameter name (also those with target 'none'). */
	values: IDataObject;
}

export interface OperationContext {
	ctx: IExecuteFunctions;
	itemIndex: number;
	def: OperationDef;
}

/**
 * One Gong API operation as the node offers it: its place in the UI, its fields and how
 * they become a request, and how the answer becomes items. The UI properties, the request,
 * the README row and the coverage test are all derived from this one object.
 */
export interface OperationDef {
	/** n8n resource value (e.g. `call`). */
	resource: string;
	/** n8n operation value (e.g. `getMany`). */
	operation: string;
	/** Dropdown label ("Get Many"). */
	name: string;
	/** Action label shown in the node panel ("Get many calls"). */
	action: string;
	/** Operation description: what it does and returns; read by people and AI agents. */
	description: string;
	/** `id` of the operation in gong-api/catalog.json. */
	catalogId: string;
	/** Gong OAuth scope the operation needs (named in 403 errors). */
	scope?: string;
	method: HttpMethod;
	/** Gong path, with `{name}` placeholders filled from `target: 'path'` fields. */
	path: string;
	fields: FieldDef[];
	/** Cursor pagination: in the query (GET lists) or in the JSON body (POST lists). */
	pagination?: 'query' | 'body';
	/** Response key holding the records; each record becomes one output item. */
	recordsKey?: string;
	/**
	 * How the response becomes items: 'records' → one item per element of `recordsKey`
	 * (also for non-paginated lists), 'record' → `response[recordsKey]` as one item,
	 * 'response' → the whole response body as one item (default).
	 */
	output?: 'records' | 'record' | 'response';
	/** A 404 answer means "nothing matched": return no items instead of failing. */
	emptyOn404?: boolean;
	/** Safe to retry on 5xx / network errors (reads). Default: GET → true, others → false. */
	retrySafe?: boolean;
	/**
	 * Consumes Gong credits (AI): like a write, never sent again once Gong may have processed it
	 * (a 429 is still waited out and retried).
	 */
	consumesCredits?: boolean;
	/** Writes and erasures: shown in the description; never retried after a sent request. */
	destructive?: boolean;
	/** Offer "Define Body Using: Fields / JSON" (large nested bodies). */
	jsonBody?: boolean;
	/** The operation is legacy (kept for old accounts). */
	legacy?: boolean;
	/**
	 * A second operation on the Gong endpoint of another one (the catalog lists each endpoint
	 * once): `operation` names the catalog entry's own node operation ("call/getManyExtensive"),
	 * `reason` says what this one adds. The coverage test counts it once, under its owner.
	 */
	sharesEndpointWith?: { operation: string; reason: string };
	/** Adjust the built request (e.g. compute derived values, build multipart). */
	preSend?: (this: IExecuteFunctions, req: BuiltRequest, itemIndex: number) => Promise<BuiltRequest> | BuiltRequest;
	/** Reshape the output items of one input item. */
	postReceive?: (
		this: IExecuteFunctions,
		items: IDataObject[],
		itemIndex: number,
		response: IDataObject,
	) => Promise<IDataObject[]> | IDataObject[];
	/**
	 * Fully custom execution for all input items at once (e.g. batched reads). Must return
	 * one entry per output item with its pairedItem set.
	 */
	executeAll?: (this: IExecuteFunctions, def: OperationDef) => Promise<INodeExecutionData[]>;
}

export type ResourceDef = {
	value: string;
	name: string;
	description: string;
	operations: OperationDef[];
};
