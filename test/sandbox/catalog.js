'use strict';
/**
 * Gong sandbox — catalog loading, routing and request validation.
 *
 * The rules come from the vendored catalog (test/sandbox/gong-api/catalog.json):
 * path/query parameters and top-level body fields are read directly, nested body
 * fields are parsed from each field's `notes` ("Fields (*=required): a string, b
 * array<object> {c* string enum[X|Y]}…"). Where the catalog is ambiguous or stops
 * one level too early, a small overlay (taken from Gong's official OpenAPI) fills
 * the gap; see OVERLAYS and the "Documented ambiguities" note below.
 */

const fs = require('fs');
const path = require('path');

const CATALOG_FILE = path.join(__dirname, 'gong-api', 'catalog.json');
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

// ---------------------------------------------------------------------------
// Exact JSON parsing: integers beyond Number.MAX_SAFE_INTEGER become BigInt.
// ---------------------------------------------------------------------------

const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Parses JSON text; unsafe integers are returned as BigInt so no digit is lost. */
function parseJsonExact(text) {
	let i = 0;
	const fail = (msg) => {
		throw new SyntaxError(`${msg} at position ${i}`);
	};
	const ws = () => {
		while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
	};
	const value = () => {
		ws();
		const ch = text[i];
		if (ch === '{') return object();
		if (ch === '[') return array();
		if (ch === '"') return string();
		if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
		for (const [word, val] of [['true', true], ['false', false], ['null', null]]) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return val;
			}
		}
		return fail(ch === undefined ? 'Unexpected end of JSON input' : `Unexpected character '${ch}'`);
	};
	const string = () => {
		STRING_RE.lastIndex = i;
		const m = STRING_RE.exec(text);
		if (!m) fail('Invalid string');
		i += m[0].length;
		return JSON.parse(m[0]);
	};
	const number = () => {
		NUMBER_RE.lastIndex = i;
		const m = NUMBER_RE.exec(text);
		if (!m) fail('Invalid number');
		i += m[0].length;
		if (m[1] === undefined && m[2] === undefined) {
			const n = Number(m[0]);
			return Number.isSafeInteger(n) ? n : BigInt(m[0]);
		}
		return Number(m[0]);
	};
	const array = () => {
		i++;
		const out = [];
		ws();
		if (text[i] === ']') {
			i++;
			return out;
		}
		for (;;) {
			out.push(value());
			ws();
			if (text[i] === ',') {
				i++;
				continue;
			}
			if (text[i] === ']') {
				i++;
				return out;
			}
			fail("Expected ',' or ']'");
		}
	};
	const object = () => {
		i++;
		const out = {};
		ws();
		if (text[i] === '}') {
			i++;
			return out;
		}
		for (;;) {
			ws();
			if (text[i] !== '"') fail('Expected a property name');
			const key = string();
			ws();
			if (text[i] !== ':') fail("Expected ':'");
			i++;
			// defineProperty keeps "__proto__" an ordinary key
			Object.defineProperty(out, key, { value: value(), enumerable: true, writable: true, configurable: true });
			ws();
			if (text[i] === ',') {
				i++;
				continue;
			}
			if (text[i] === '}') {
				i++;
				return out;
			}
			fail("Expected ',' or '}'");
		}
	};
	const result = value();
	ws();
	if (i < text.length) fail('Unexpected data after JSON value');
	return result;
}

// ---------------------------------------------------------------------------
// multipart/form-data parsing
// ---------------------------------------------------------------------------

/** Splits a multipart body into parts: [{ name, fileName, contentType, data: Buffer }]. Throws on malformed input. */
function parseMultipart(raw, contentType) {
	const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType || '');
	if (!m) throw new Error('missing multipart boundary');
	const boundary = Buffer.from(`--${m[1] || m[2]}`);
	const parts = [];
	let pos = raw.indexOf(boundary);
	if (pos < 0) throw new Error('multipart boundary not found in body');
	for (;;) {
		pos += boundary.length;
		if (raw.slice(pos, pos + 2).toString() === '--') break; // closing boundary
		if (raw.slice(pos, pos + 2).toString() !== '\r\n') throw new Error('malformed multipart boundary line');
		pos += 2;
		const headerEnd = raw.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new Error('malformed multipart part headers');
		const headers = {};
		for (const line of raw.slice(pos, headerEnd).toString('utf8').split('\r\n')) {
			const idx = line.indexOf(':');
			if (idx > 0) headers[line.slice(0, idx).trim().toLowerCase()] = line.slice(idx + 1).trim();
		}
		const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), boundary]), headerEnd + 4);
		if (next < 0) throw new Error('multipart body is not terminated by the closing boundary');
		const disposition = headers['content-disposition'] || '';
		const name = /\bname="([^"]*)"/i.exec(disposition);
		const fileName = /\bfilename="([^"]*)"/i.exec(disposition);
		if (!/^form-data/i.test(disposition) || !name) throw new Error('multipart part without a form-data name');
		parts.push({
			name: name[1],
			fileName: fileName ? fileName[1] : null,
			contentType: headers['content-type'] || null,
			data: raw.slice(headerEnd + 4, next),
		});
		pos = next + 2;
	}
	return parts;
}

// ---------------------------------------------------------------------------
// "Fields (*=required): …" mini-language → field descriptors
// ---------------------------------------------------------------------------

/**
 * A descriptor: { type, required, enum?: string[], fields?: Map<name, descriptor>,
 * items?: descriptor, format?: 'date-time'|'date' }.
 * type ∈ string|integer|int64|number|boolean|object|array|any|file.
 */
function typeDescriptor(typeText) {
	const t = typeText.trim();
	const arr = /^array<(.+)>$/.exec(t);
	if (arr) return { type: 'array', items: typeDescriptor(arr[1]) };
	if (t === 'integer(int64)') return { type: 'int64' };
	if (t.startsWith('integer')) return { type: 'integer' };
	if (t.startsWith('number')) return { type: 'number' };
	if (t === 'boolean') return { type: 'boolean' };
	if (t === 'object') return { type: 'object' };
	if (t.startsWith('file')) return { type: 'file' };
	if (t === 'any') return { type: 'any' };
	if (t === 'string(date-time)') return { type: 'string', format: 'date-time' };
	return { type: 'string' };
}

/**
 * Splits enum text: "A|B|C" or "a, b, c" (the spec's single value "number, string, url, date" is
 * really four values). Odd spec values such as "all / own / none" are kept but hidden from messages.
 */
function enumValues(text) {
	const sep = text.includes('|') ? '|' : ',';
	return text.split(sep).map((s) => s.trim()).filter(Boolean);
}

/** Parses a field list ("a* string, b array<object> {…}") into a Map of descriptors. */
function parseFieldList(src) {
	let i = 0;
	const fields = new Map();
	const skipWs = () => {
		while (i < src.length && /\s/.test(src[i])) i++;
	};
	const readBracketed = (open, close) => {
		// src[i] === open; returns inner text, moves past the closing bracket
		let depth = 0;
		const start = i;
		for (; i < src.length; i++) {
			if (src[i] === open) depth++;
			else if (src[i] === close && --depth === 0) {
				i++;
				return src.slice(start + 1, i - 1);
			}
		}
		throw new Error(`unbalanced ${open}${close} in: ${src}`);
	};
	while (i < src.length) {
		skipWs();
		const nameMatch = /^([A-Za-z_$][\w$-]*)(\*?)\s+/.exec(src.slice(i));
		if (!nameMatch) break;
		i += nameMatch[0].length;
		const typeMatch = /^[A-Za-z]+(?:<[A-Za-z]+>)?(?:\([\w-]+\))?/.exec(src.slice(i));
		if (!typeMatch) throw new Error(`no type for field ${nameMatch[1]} in: ${src}`);
		i += typeMatch[0].length;
		const desc = { ...typeDescriptor(typeMatch[0]), required: nameMatch[2] === '*' };
		skipWs();
		if (src.startsWith('enum[', i)) {
			i += 4;
			const values = enumValues(readBracketed('[', ']'));
			if (desc.type === 'array') desc.items.enum = values;
			else desc.enum = values;
			skipWs();
		}
		if (src[i] === '{') {
			const nested = parseFieldList(readBracketed('{', '}'));
			if (desc.type === 'array') desc.items = { type: 'object', fields: nested };
			else desc.fields = nested;
			skipWs();
		}
		fields.set(nameMatch[1], desc);
		if (src[i] === ',') i++;
		else break;
	}
	return fields;
}

/** Reads the nested-field list out of a catalog `notes` string (null when none). */
function fieldsFromNotes(notes) {
	const idx = (notes || '').indexOf('Fields (*=required):');
	if (idx < 0) return null;
	return parseFieldList(notes.slice(idx + 'Fields (*=required):'.length).trim().replace(/\.$/, ''));
}

// ---------------------------------------------------------------------------
// Overlays and hand fixes (from the official OpenAPI where the catalog is silent)
// ---------------------------------------------------------------------------

/** CRM context objects (calls.add parties/context, engagement contexts): one level deeper than the catalog notes go. */
const CRM_CONTEXT_OBJECT =
	'objectType* string enum[Opportunity|Account|Lead|Contact|User|Opportunity,Account|Lead,Contact], objectId* string, fields array<object> {name string, value any}';

/** Per-operation overlays: dotted field path → field list (same mini-language). */
const OVERLAYS = {
	'calls.listExtensive': {
		'contentSelector.exposedFields.content':
			'structure boolean, topics boolean, trackers boolean, trackerOccurrences boolean, pointsOfInterest boolean, brief boolean, outline boolean, highlights boolean, callOutcome boolean, keyPoints boolean',
		'contentSelector.exposedFields.interaction': 'speakers boolean, video boolean, personInteractionStats boolean, questions boolean',
		'contentSelector.exposedFields.collaboration': 'publicComments boolean',
	},
	'digitalInteractions.add': {
		'person.company.companyBusinessContexts': 'objectType* string enum[ACCOUNT|OPPORTUNITY], objectId* string, systemName string',
	},
};

/** Names of string fields that carry an ISO-8601 date-time / a YYYY-MM-DD date. */
const DATE_TIME_NAME = /(DateTime|Timestamp)$|^(startTime|endTime|timestamp|actualStart|scheduledStart|scheduledEnd|dueDate)$/;
const DATE_NAME = /^(fromDate|toDate|callFromDate|callToDate|reviewFromDate|reviewToDate)$/;

/**
 * Documented ambiguities and how the sandbox resolves them (see also the handlers):
 * - crm.getObjects: ids may come as a JSON array body (per the description) or as repeated /
 *   comma-separated `objectsCrmIds` query parameters (per the formal parameter); one is required.
 * - coaching.listMetrics `from`/`to`: ISO-8601 date-times (per the catalog notes).
 * - Top-level "Enum: A, B." sentences in notes become enums (direction, agentPlatform, device,
 *   aggregationPeriod, tasks status, schema field type).
 * - Spec-formal `required` flags win over descriptions (calls.list from/toDateTime, crm.listSchemaFields objectType).
 */
const QUERY_FORMATS = { 'coaching.listMetrics': { from: 'date-time', to: 'date-time' } };

function applyOverlay(fields, dottedPath, listText) {
	const parts = dottedPath.split('.');
	let cur = { fields };
	for (const p of parts) {
		let d = cur.fields && cur.fields.get(p);
		if (!d) throw new Error(`overlay path not found: ${dottedPath}`);
		if (d.type === 'array') d = d.items;
		cur = d;
	}
	cur.type = 'object';
	cur.fields = parseFieldList(listText);
}

/** Walks descriptors, filling unconstrained CRM `objects` lists and date formats. */
function finishDescriptor(name, desc) {
	if (desc.type === 'string' && !desc.format) {
		if (DATE_TIME_NAME.test(name)) desc.format = 'date-time';
		else if (DATE_NAME.test(name)) desc.format = 'date';
	}
	const obj = desc.type === 'array' ? desc.items : desc;
	if (name === 'objects' && obj.type === 'object' && !obj.fields) obj.fields = parseFieldList(CRM_CONTEXT_OBJECT);
	if (obj.fields) for (const [k, d] of obj.fields) finishDescriptor(k, d);
}

/** Compiles one catalog body/query entry into a descriptor. */
function compileField(f) {
	const desc = { ...typeDescriptor(f.type), required: !!f.required };
	if (f.enum) desc.enum = f.enum.slice();
	const nested = fieldsFromNotes(f.notes);
	if (nested) {
		if (desc.type === 'array') desc.items = { type: 'object', fields: nested };
		else desc.fields = nested;
	}
	const topEnum = /Enum: ([^.]+)\./.exec(f.notes || '');
	if (topEnum && desc.type === 'string' && !desc.enum) desc.enum = enumValues(topEnum[1].replace(/,\s*/g, ','));
	// a plain string whose notes say ISO-8601 (e.g. logs fromDateTime, calls.add actualStart) is a date-time
	if (desc.type === 'string' && !desc.format && /ISO-8601/.test(f.notes || '')) desc.format = 'date-time';
	finishDescriptor(f.name, desc);
	return desc;
}

// ---------------------------------------------------------------------------
// Catalog compilation and routing
// ---------------------------------------------------------------------------

function compileEntry(entry) {
	const segments = entry.path.split('/').filter(Boolean).map((s) => {
		const m = /^\{(.+)\}$/.exec(s);
		return m ? { param: m[1] } : { literal: s };
	});
	const pathParams = new Map(entry.pathParams.map((p) => [p.name, { ...compileField(p), notes: p.notes || '' }]));
	const query = new Map(entry.query.map((q) => [q.name, compileField(q)]));
	for (const [name, format] of Object.entries(QUERY_FORMATS[entry.id] || {})) query.get(name).format = format;
	let body = null;
	if (entry.bodyKind === 'json' || entry.bodyKind === 'multipart' || entry.bodyKind === 'ldjson-file') {
		const fields = new Map();
		for (const f of entry.body) if (f.name !== '(body)') fields.set(f.name, compileField(f));
		for (const [p, text] of Object.entries(OVERLAYS[entry.id] || {})) applyOverlay(fields, p, text);
		if (entry.bodyTopLevel === 'array<object>') body = { type: 'array', required: true, items: { type: 'object', fields } };
		else if (entry.bodyTopLevel === 'array<string>') body = { type: 'array', required: true, items: { type: 'string' } };
		else body = { type: 'object', required: true, fields };
	}
	return {
		entry,
		id: entry.id,
		method: entry.method,
		segments,
		literalCount: segments.filter((s) => s.literal).length,
		pathParams,
		query,
		body,
	};
}

function loadCatalog(file = CATALOG_FILE) {
	const entries = JSON.parse(fs.readFileSync(file, 'utf8'));
	const compiled = entries.map(compileEntry);
	const byId = new Map(compiled.map((c) => [c.id, c]));

	/**
	 * Finds the operation for method + path. Literal segments win over {params}: if the most
	 * specific template(s) matching the path exist only for other methods, the answer is "no
	 * route" rather than falling back to a parameterised template (so GET /v2/calls/extensive
	 * is not treated as GET /v2/calls/{id}).
	 */
	function match(method, urlPath) {
		const segs = urlPath.split('/').slice(1);
		let best = -1;
		let hits = [];
		for (const c of compiled) {
			if (c.segments.length !== segs.length) continue;
			const params = {};
			let ok = true;
			for (let k = 0; k < segs.length && ok; k++) {
				const s = c.segments[k];
				if (s.literal) ok = s.literal === segs[k];
				else {
					try {
						params[s.param] = decodeURIComponent(segs[k]);
					} catch {
						params[s.param] = segs[k];
					}
					ok = segs[k] !== '';
				}
			}
			if (!ok) continue;
			if (c.literalCount > best) {
				best = c.literalCount;
				hits = [];
			}
			if (c.literalCount === best) hits.push({ op: c, params });
		}
		return hits.find((h) => h.op.method === method) || null;
	}

	return { entries, compiled, byId, match };
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** String fields that hold Gong ids: an exact JSON integer is accepted there and kept as its digit string. */
const ID_LIKE = /(^id$|Id$|Ids$|^primaryUser$)/;

/** Strict ISO-8601 date-time with seconds optional and a mandatory offset or Z (like Java's OffsetDateTime). */
function isIsoDateTime(s) {
	const m = typeof s === 'string' && ISO_DATE_TIME.exec(s);
	if (!m) return false;
	const [, y, mo, d, h, mi, sec = '0', , oh = '0', om = '0'] = m;
	const day = new Date(Date.UTC(+y, +mo - 1, +d));
	return day.getUTCMonth() === +mo - 1 && day.getUTCDate() === +d && +h < 24 && +mi < 60 && +sec < 60 && +oh <= 18 && +om < 60;
}
function isIsoDate(s) {
	if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function cleanEnum(values) {
	return values.filter((v) => !/[ ,/]/.test(v));
}

const TYPE_WORDS = {
	string: 'a string',
	integer: 'an integer',
	int64: 'an integer (int64)',
	number: 'a number',
	boolean: 'a boolean (true or false)',
	object: 'an object',
	array: 'an array',
};

/**
 * Validates a parsed JSON value against a descriptor. Returns the (lightly coerced) value and
 * pushes "<path>: <problem>" messages to `errors`. Coercions: BigInt/integer in an id-like string
 * field becomes its exact digit string (Gong's JSON binder accepts numbers for string ids);
 * int64 fields accept JSON integers or digit strings and come out as digit strings.
 */
function checkValue(value, desc, where, errors, fieldName) {
	const t = desc.type;
	if (t === 'any') return value;
	if (t === 'string') {
		let v = value;
		if (typeof v !== 'string') {
			if ((typeof v === 'bigint' || Number.isInteger(v)) && ID_LIKE.test(fieldName || '')) v = String(v);
			else {
				errors.push(`${where}: must be ${TYPE_WORDS.string}`);
				return value;
			}
		}
		if (desc.enum && !desc.enum.includes(v)) errors.push(`${where}: must be one of ${cleanEnum(desc.enum).join(', ')}`);
		else if (desc.format === 'date-time' && !isIsoDateTime(v))
			errors.push(`${where}: must be an ISO-8601 date-time with an offset or Z (e.g. 2018-02-18T08:00:00Z)`);
		else if (desc.format === 'date' && !isIsoDate(v)) errors.push(`${where}: must be a date in YYYY-MM-DD format`);
		return v;
	}
	if (t === 'int64') {
		let s = null;
		if (typeof value === 'bigint' || Number.isInteger(value)) s = String(value);
		else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) s = value;
		if (s === null) {
			errors.push(`${where}: must be ${TYPE_WORDS.int64}`);
			return value;
		}
		const b = BigInt(s);
		if (b > INT64_MAX || b < INT64_MIN) errors.push(`${where}: must fit in a signed 64-bit integer`);
		return s;
	}
	if (t === 'integer') {
		if (!(typeof value === 'bigint' || Number.isInteger(value))) errors.push(`${where}: must be ${TYPE_WORDS.integer}`);
		return value;
	}
	if (t === 'number') {
		if (typeof value !== 'number' && typeof value !== 'bigint') errors.push(`${where}: must be ${TYPE_WORDS.number}`);
		return value;
	}
	if (t === 'boolean') {
		if (typeof value !== 'boolean') errors.push(`${where}: must be ${TYPE_WORDS.boolean}`);
		return value;
	}
	if (t === 'array') {
		if (!Array.isArray(value)) {
			errors.push(`${where}: must be ${TYPE_WORDS.array}`);
			return value;
		}
		return value.map((item, k) => {
			if (item === null && desc.items.type === 'object') {
				errors.push(`${where}[${k}]: must be ${TYPE_WORDS.object}`);
				return item;
			}
			return checkValue(item, desc.items, `${where}[${k}]`, errors, fieldName);
		});
	}
	if (t === 'object') {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			errors.push(`${where}: must be ${TYPE_WORDS.object}`);
			return value;
		}
		if (!desc.fields) return value; // free-form object
		return checkObject(value, desc.fields, where, errors);
	}
	return value;
}

function checkObject(obj, fields, prefix, errors) {
	const out = {};
	const at = (k) => (prefix ? `${prefix}.${k}` : k);
	for (const key of Object.keys(obj)) {
		if (!fields.has(key)) errors.push(`${at(key)}: unknown field`);
	}
	for (const [key, desc] of fields) {
		const v = obj[key];
		if (v === undefined || v === null) {
			if (desc.required) errors.push(`${at(key)}: is required`);
			if (v === null) out[key] = null;
			continue;
		}
		out[key] = checkValue(v, desc, at(key), errors, key);
	}
	return out;
}

/** Validates and coerces one query/path string value. */
function checkParamString(raw, desc, name, errors, isPath) {
	if (desc.type === 'boolean') {
		if (raw !== 'true' && raw !== 'false') {
			errors.push(`${name}: must be true or false`);
			return raw;
		}
		return raw === 'true';
	}
	if (desc.type === 'int64' || desc.type === 'integer') {
		if (!/^-?\d{1,20}$/.test(raw)) {
			errors.push(`${name}: must be ${TYPE_WORDS[desc.type]}`);
			return raw;
		}
		const b = BigInt(raw);
		if (b > INT64_MAX || b < INT64_MIN) errors.push(`${name}: must fit in a signed 64-bit integer`);
		return raw;
	}
	if (isPath && /numeric identifier/i.test(desc.notes || '') && !/^\d{1,20}$/.test(raw)) {
		errors.push(`${name}: must be a numeric id of up to 20 digits`);
		return raw;
	}
	return checkValue(raw, { ...desc, type: 'string' }, name, errors, name);
}

/**
 * Validates a request against its compiled operation.
 * input: { params, query (object; arrays for repeated keys), headers, rawBody (Buffer) }
 * returns { errors: [...], params, query, body, multipart }
 */
function validateRequest(op, input) {
	const errors = [];
	const entry = op.entry;

	// Path parameters
	const params = {};
	for (const [name, desc] of op.pathParams) {
		const raw = input.params[name];
		if (raw === undefined || raw === '') errors.push(`${name}: is required`);
		else params[name] = checkParamString(raw, desc, name, errors, true);
	}

	// Query parameters
	const query = {};
	for (const key of Object.keys(input.query)) {
		if (!op.query.has(key)) errors.push(`${key}: unknown query parameter`);
	}
	const getObjectsIdsInBody = entry.id === 'crm.getObjects' && input.rawBody.length > 0;
	for (const [name, desc] of op.query) {
		let raw = input.query[name];
		if (raw === undefined || raw === '') {
			const optional = entry.id === 'crm.getObjects' && name === 'objectsCrmIds'; // ids may come in the body instead
			if (desc.required && !optional) errors.push(`${name}: is required`);
			continue;
		}
		if (desc.type === 'array') {
			const list = (Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
			query[name] = list.map((s, k) => checkParamString(s, desc.items, `${name}[${k}]`, errors, false));
			continue;
		}
		if (Array.isArray(raw)) {
			errors.push(`${name}: must be given only once`);
			raw = raw[raw.length - 1];
		}
		query[name] = checkParamString(raw, desc, name, errors, false);
	}

	// Body
	let body = null;
	let multipart = null;
	const ctype = String(input.headers['content-type'] || '').toLowerCase();
	if (entry.bodyKind === 'json') {
		if (entry.id === 'crm.getObjects') {
			// GET with an optional JSON array body of CRM ids (see "Documented ambiguities" above)
			if (getObjectsIdsInBody) {
				body = parseJsonBody(input.rawBody, ctype, errors);
				if (body !== undefined) body = checkValue(body, op.body, 'body', errors, 'objectsCrmIds');
			} else if (!query.objectsCrmIds) errors.push('objectsCrmIds: is required (JSON array body or query parameter)');
		} else if (input.rawBody.length === 0) {
			errors.push('body: required request body is missing');
		} else {
			body = parseJsonBody(input.rawBody, ctype, errors);
			if (body !== undefined) {
				if (op.body.type === 'array') body = checkValue(body, op.body, 'body', errors, 'body');
				else if (body === null || typeof body !== 'object' || Array.isArray(body)) {
					errors.push('body: must be a JSON object');
				} else body = checkObject(body, op.body.fields, '', errors);
			}
		}
	} else if (entry.bodyKind === 'multipart' || entry.bodyKind === 'ldjson-file') {
		if (!ctype.startsWith('multipart/form-data')) errors.push('Content-Type: must be multipart/form-data');
		else {
			try {
				multipart = parseMultipart(input.rawBody, input.headers['content-type']);
			} catch (e) {
				errors.push(`body: malformed multipart body (${e.message})`);
			}
		}
		if (multipart) checkMultipart(multipart, op, entry, errors);
	}
	// bodyKind 'none': any body is ignored, as Gong does.

	return { errors, params, query, body: body === undefined ? null : body, multipart };
}

function parseJsonBody(raw, ctype, errors) {
	if (!/^application\/json\s*(;|$)/.test(ctype)) {
		errors.push('Content-Type: must be application/json');
		return undefined;
	}
	try {
		return parseJsonExact(raw.toString('utf8'));
	} catch (e) {
		errors.push(`body: malformed JSON (${e.message})`);
		return undefined;
	}
}

const MEDIA_TYPES = /^(audio\/|video\/|application\/octet-stream|binary\/octet-stream)/i;

function checkMultipart(parts, op, entry, errors) {
	const fields = op.body.fields;
	for (const p of parts) if (!fields.has(p.name)) errors.push(`${p.name}: unknown multipart part`);
	for (const [name, desc] of fields) {
		const found = parts.filter((p) => p.name === name);
		if (found.length === 0) {
			if (desc.required) errors.push(`${name}: is required (multipart file part)`);
			continue;
		}
		if (found.length > 1) errors.push(`${name}: must be sent only once`);
		const part = found[0];
		if (desc.type === 'file' && part.fileName === null) errors.push(`${name}: must be a file part (Content-Disposition with a filename)`);
		if (part.data.length === 0) errors.push(`${name}: file is empty`);
		if (entry.id === 'calls.uploadMedia' && part.contentType && !MEDIA_TYPES.test(part.contentType))
			errors.push(`${name}: unsupported content type ${part.contentType} (use audio/*, video/* or application/octet-stream)`);
		if (entry.bodyKind === 'ldjson-file' && part.data.length > 0) {
			const lines = part.data.toString('utf8').split(/\r?\n/);
			lines.forEach((line, k) => {
				if (!line.trim()) return;
				let v;
				try {
					v = parseJsonExact(line);
				} catch {
					v = undefined;
				}
				if (v === null || typeof v !== 'object' || Array.isArray(v)) errors.push(`${name}: line ${k + 1} is not a JSON object (LDJSON expected)`);
			});
		}
	}
}

module.exports = {
	CATALOG_FILE,
	loadCatalog,
	validateRequest,
	parseJsonExact,
	parseMultipart,
	parseFieldList,
	fieldsFromNotes,
	isIsoDateTime,
	isIsoDate,
	INT64_MAX,
};
