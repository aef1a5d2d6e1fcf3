'use strict';
/**
 * Gong sandbox — deterministic dataset and shared helpers.
 *
 * Everything here is built from a seeded PRNG (mulberry32), never Math.random, so the same
 * options always give the same ids, names and times. Ids are numeric strings: calls have 19
 * digits (every 10th has 20), users 17–19 digits — all far above 2^53, so a client that turns
 * them into JS numbers gets them wrong. Fields the spec types as int64 (integrationId, task ids,
 * scorecard ids…) are stored as BigInt and written as exact unquoted JSON numbers by toJson().
 */

const crypto = require('crypto');

// ---------------------------------------------------------------------------
// PRNG and hashing
// ---------------------------------------------------------------------------

/** Seeded PRNG (mulberry32) with a few conveniences. */
function createRng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1)); // inclusive
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (arr) => arr[Math.floor(next() * arr.length)],
		/** n random digits; the first is 1..firstMax (firstMax 8 keeps 19-digit ids inside int64). */
		digits(n, firstMax = 9) {
			let s = String(int(1, firstMax));
			while (s.length < n) s += String(int(0, 9));
			return s;
		},
		alnum(n) {
			const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
			let s = '';
			while (s.length < n) s += chars[Math.floor(next() * chars.length)];
			return s;
		},
	};
}

/** 32-bit FNV-1a hash of a string. */
function hashString(s) {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** Unique numeric-string id generator over a PRNG. */
function createIdFactory(rng, used = new Set()) {
	return {
		used,
		/** digits: 17..20; ids of ≤19 digits stay below int64 max. */
		next(digits = 19) {
			for (;;) {
				const id = rng.digits(digits, digits >= 20 ? 1 : 8);
				if (!used.has(id)) {
					used.add(id);
					return id;
				}
			}
		},
		reserve(id) {
			used.add(String(id));
		},
	};
}

// ---------------------------------------------------------------------------
// JSON output with exact int64 numbers
// ---------------------------------------------------------------------------

/** JSON.stringify replacement: BigInt → exact unquoted integer; undefined properties skipped. */
function toJson(value) {
	switch (typeof value) {
		case 'bigint':
			return value.toString();
		case 'number':
			return Number.isFinite(value) ? String(value) : 'null';
		case 'boolean':
			return value ? 'true' : 'false';
		case 'string':
			return JSON.stringify(value);
		case 'undefined':
		case 'function':
			return 'null';
		default:
			break;
	}
	if (value === null) return 'null';
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Buffer.isBuffer(value)) return JSON.stringify(value.toString('base64'));
	if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
	const parts = [];
	for (const [k, v] of Object.entries(value)) {
		if (v === undefined || typeof v === 'function') continue;
		parts.push(`${JSON.stringify(k)}:${toJson(v)}`);
	}
	return `{${parts.join(',')}}`;
}

/** Stable (sorted-key) serialisation, used for cursor filter hashes. */
function canonical(value) {
	if (value === null || typeof value !== 'object') return toJson(value);
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	return `{${Object.keys(value)
		.sort()
		.filter((k) => value[k] !== undefined)
		.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
		.join(',')}}`;
}

// ---------------------------------------------------------------------------
// Errors, request ids, time
// ---------------------------------------------------------------------------

/** Thrown by handlers; the server turns it into Gong's {requestId, errors:[…]} body. */
class GongError extends Error {
	constructor(status, messages, headers) {
		const list = Array.isArray(messages) ? messages : [messages];
		super(list.join('; '));
		this.status = status;
		this.errors = list;
		this.headers = headers || {};
	}
}
const fail = (status, messages) => {
	throw new GongError(status, messages);
};

/** 20-char lowercase alphanumeric request id (random-looking, not part of the dataset). */
function newRequestId() {
	const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.randomBytes(20);
	let s = '';
	for (const b of bytes) s += chars[b % chars.length];
	return s;
}

const DAY_MS = 86400000;

/** Formats epoch ms as ISO-8601 without millis, in a fixed offset (0 → 'Z'). */
function formatTime(ms, offsetMinutes = 0) {
	if (ms === null || ms === undefined || Number.isNaN(ms)) return null;
	const base = new Date(ms + offsetMinutes * 60000).toISOString().slice(0, 19);
	if (!offsetMinutes) return `${base}Z`;
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
const isoUtc = (ms) => formatTime(ms, 0);
const toMs = (s) => (s === null || s === undefined ? null : typeof s === 'number' ? s : Date.parse(s));
/** YYYY-MM-DD of epoch ms shifted by an offset. */
const dateOf = (ms, offsetMinutes = 0) => new Date(ms + offsetMinutes * 60000).toISOString().slice(0, 10);
const dateMs = (ymd, offsetMinutes = 0) => Date.parse(`${ymd}T00:00:00Z`) - offsetMinutes * 60000;

/** Compares numeric id strings by value (length first, then digits). */
function compareIds(a, b) {
	const x = String(a);
	const y = String(b);
	return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

// ---------------------------------------------------------------------------
// Cursors and paging
// ---------------------------------------------------------------------------

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** Opaque, signed cursor: base64url(JSON {op, o(ffset), h(ash of filter)}) + '.' + signature. */
function makeCursor(secret, payload) {
	const body = b64url(JSON.stringify(payload));
	const sig = crypto.createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
	return `${body}.${sig}`;
}
function readCursor(secret, cursor) {
	if (typeof cursor !== 'string') return null;
	const [body, sig] = cursor.split('.');
	if (!body || !sig) return null;
	const expected = crypto.createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
	if (sig !== expected) return null;
	try {
		return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
}

/**
 * Pages `items` for a cursor list. The cursor is read from the query (cursor-query ops) or the
 * top-level body (cursor-body ops) only; it is bound to the operation and to the rest of the
 * request (filter), so a cursor from another request is rejected with 400.
 */
function paginate(sandbox, req, items) {
	const inBody = req.entry.pagination === 'cursor-body';
	const source = inBody ? req.body || {} : req.query || {};
	const { cursor, ...rest } = source;
	const hash = hashString(`${req.entry.id}|${canonical(rest)}`);
	let offset = 0;
	if (cursor !== undefined && cursor !== null && cursor !== '') {
		const c = readCursor(sandbox.cursorSecret, cursor);
		if (!c || c.op !== req.entry.id || c.h !== hash || !Number.isInteger(c.o) || c.o < 0)
			fail(400, 'cursor: invalid cursor (it must come from the previous page of this same request)');
		offset = c.o;
	}
	const size = Math.max(1, sandbox.options.pageSize);
	const page = items.slice(offset, offset + size);
	const records = {
		totalRecords: items.length,
		currentPageSize: page.length,
		currentPageNumber: Math.floor(offset / size),
	};
	if (offset + size < items.length) records.cursor = makeCursor(sandbox.cursorSecret, { op: req.entry.id, o: offset + size, h: hash });
	return { page, records };
}

// ---------------------------------------------------------------------------
// Dataset
// ---------------------------------------------------------------------------

const FIRST = ['Avery', 'Blake', 'Casey', 'Dana', 'Elliot', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noa', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Sage', 'Taylor', 'Rowan', 'Val', 'Wren', 'Alex', 'Yael', 'Zion'];
const LAST = ['Adler', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhang'];
const COMPANIES = ['Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Wonka', 'Soylent', 'Tyrell', 'Cyberdyne', 'Vandelay', 'Massive Dynamic'];
const CONTACT_TITLES = ['CTO', 'VP Engineering', 'Head of Sales Ops', 'Procurement Manager', 'Director of IT', 'CFO', 'Revenue Operations Lead'];
const WEB_SYSTEMS = [
	{ system: 'Zoom', url: (r) => `https://zoom.us/j/${r.digits(10)}` },
	{ system: 'Google Meet', url: (r) => `https://meet.google.com/${r.alnum(3).toLowerCase()}-${r.alnum(4).toLowerCase()}-${r.alnum(3).toLowerCase()}` },
	{ system: 'Microsoft Teams', url: (r) => `https://teams.microsoft.com/l/meetup-join/${r.alnum(16)}` },
	{ system: 'Webex', url: (r) => `https://acme.webex.com/meet/${r.alnum(8).toLowerCase()}` },
];
const PHONE_SYSTEMS = ['RingCentral', 'Aircall', 'Dialpad', 'Outreach'];
const PURPOSES = ['Discovery', 'Demo Call', 'Negotiation', 'QBR', 'Onboarding', 'Check-in'];
const TOPICS = ['Introduction', 'Pricing', 'Product Demo', 'Security', 'Timeline', 'Next Steps', 'Small Talk'];
const SENTENCES = [
	'Thanks everyone for joining today.',
	'Could you walk us through your current process?',
	'We are evaluating a few vendors this quarter.',
	'Pricing depends on the number of seats.',
	'Security review usually takes two weeks on our side.',
	'Let me share my screen and show you the dashboard.',
	'What would success look like for your team?',
	'We need SSO and an audit log before we sign.',
	'I will send over the proposal by Friday.',
	'Does that timeline work for your procurement team?',
	'Our biggest pain point is forecasting accuracy.',
	'Let us schedule a follow-up with your CFO.',
];
const DISPOSITIONS = ['Connected', 'Left voicemail', 'No answer', 'Got the gatekeeper', 'Meeting booked'];
const LOG_TYPES = ['AccessLog', 'UserActivityLog', 'UserCallPlay', 'ExternallySharedCallAccess', 'ExternallySharedCallPlay'];

/** Salesforce-style 18-char id with a type prefix (001 account, 003 contact, 006 opportunity, 00Q lead). */
const sfId = (rng, prefix) => `${prefix}${rng.digits(1)}${rng.alnum(14)}`.slice(0, 18);

const DEFAULTS = { calls: 150, users: 40, seed: 20250101 };
/** A fixed period: tests that want a dataset independent of today's date pass it as {from, to}. */
const FIXED_WINDOW = Object.freeze({ from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z' });
const RECENT_DAYS = 90;

/**
 * The default period: the RECENT_DAYS days before today (UTC), so "last week" and "last 24
 * hours" find calls whatever the date. `now` (epoch ms) defaults to the clock.
 */
function recentWindow(now = Date.now()) {
	const today = Math.floor(now / DAY_MS) * DAY_MS;
	return { from: isoUtc(today - RECENT_DAYS * DAY_MS), to: isoUtc(today) };
}

/** Addresses the examples in examples/ name: they exist in every dataset. */
const EXAMPLE_ORGANIZER = 'jane.doe@your-company.example';
const EXAMPLE_PERSON_TO_FORGET = 'person.to.forget@example.com';

/**
 * Builds the full dataset. opts = { calls, users, seed, from, to, now } (all optional).
 * Calls are spread over [from, to) during business hours; see buildCall() for field rules.
 * Without from/to the period is recentWindow(now) and the newest call (not private, with a
 * transcript) started 90 minutes before `now`, so a trigger's "Fetch Test Event" finds it.
 */
function buildDataset(opts = {}) {
	const given = Object.fromEntries(Object.entries(opts).filter(([k, v]) => v !== undefined && k !== 'now'));
	const recent = given.from === undefined && given.to === undefined;
	const now = opts.now === undefined ? Date.now() : opts.now;
	// one end given: the other is RECENT_DAYS away from it
	const to = given.to ?? (given.from !== undefined ? isoUtc(Date.parse(given.from) + RECENT_DAYS * DAY_MS) : recentWindow(now).to);
	const o = { ...DEFAULTS, from: isoUtc(Date.parse(to) - RECENT_DAYS * DAY_MS), ...given, to };
	const rng = createRng(o.seed);
	const ids = createIdFactory(rng);
	const company = { name: 'Acme Sandbox', domain: 'acme-sandbox.example', slug: 'acme-sandbox', timeZone: 'UTC' };

	// Workspaces: the third one has no calls (handy for "nothing found" tests)
	const workspaces = [
		{ id: ids.next(19), name: 'Sales', description: 'Default sales workspace' },
		{ id: ids.next(19), name: 'Customer Success', description: 'Post-sale team' },
		{ id: ids.next(18), name: 'Recruiting', description: 'Interviews (no calls in the seed data)' },
	];

	// Users: 0 = VP, 1-4 managers, others reps. Two Gong avatars are added on top.
	const users = [];
	const usedEmails = new Set();
	for (let i = 0; i < o.users; i++) {
		const firstName = FIRST[(i * 7 + 3) % FIRST.length];
		const lastName = LAST[(i * 11 + rng.int(0, 25)) % LAST.length];
		let email = `${firstName}.${lastName}@${company.domain}`.toLowerCase();
		for (let k = 2; usedEmails.has(email); k++) email = `${firstName}.${lastName}${k}@${company.domain}`.toLowerCase();
		usedEmails.add(email);
		const role = i === 0 ? 'vp' : i <= 4 ? 'manager' : i % 6 === 5 ? 'csm' : 'rep';
		users.push(buildUser(rng, ids, { i, firstName, lastName, email, role, company, workspaces }));
	}
	for (const u of users) {
		if (u.role === 'manager') u.managerId = users[0].id;
		else if (u.role !== 'vp') u.managerId = users[1 + (users.indexOf(u) % Math.min(4, users.length - 1))]?.id || users[0].id;
	}
	// one (the last) regular user cannot record telephony calls: POST /v2/calls answers 409
	if (users.length > 5) users[users.length - 1].settings.telephonyCallsImported = false;
	if (users.length > 6) users[users.length - 2].active = false;
	for (const [k, name] of [['Gong', 'Support'], ['Gong', 'CSM']].entries()) {
		const u = buildUser(rng, ids, {
			i: 1000 + k,
			firstName: name[0],
			lastName: name[1],
			email: `${name[1].toLowerCase()}.avatar${k}@gong.io`,
			role: 'avatar',
			company,
			workspaces,
		});
		u.isAvatar = true;
		users.push(u);
	}
	const reps = users.filter((u) => !u.isAvatar && u.active);

	// External accounts with contacts (CRM ids, emails, phones)
	const accounts = COMPANIES.map((name) => {
		const domain = `${name.toLowerCase().replace(/[^a-z]/g, '')}.example`;
		return {
			name,
			domain,
			accountCrmId: sfId(rng, '001'),
			opportunityCrmId: sfId(rng, '006'),
			opportunityName: `${name} - New Business`,
			contacts: [0, 1, 2].map((k) => {
				const first = FIRST[rng.int(0, FIRST.length - 1)];
				const last = LAST[rng.int(0, LAST.length - 1)];
				const local = `555${String(rng.int(100, 999))}${String(rng.int(1000, 9999))}`;
				return {
					crmId: sfId(rng, k === 2 ? '00Q' : '003'),
					type: k === 2 ? 'LEAD' : 'CONTACT',
					firstName: first,
					lastName: last,
					name: `${first} ${last}`,
					title: CONTACT_TITLES[rng.int(0, CONTACT_TITLES.length - 1)],
					email: `${first}.${last}@${domain}`.toLowerCase(),
					phoneNumber: `+1${local.slice(0, 10)}`,
				};
			}),
		};
	});

	// the person of examples/erase-data-for-email.json: a contact of the first account (on its calls)
	Object.assign(accounts[0].contacts[0], { email: EXAMPLE_PERSON_TO_FORGET });

	const state = {
		company,
		workspaces,
		users,
		accounts,
		calls: [],
		callAccess: {}, // callId → [userId] granted via the API
		library: { folders: [] },
		trackers: [],
		scorecards: [],
		answeredScorecards: [],
		briefs: [],
		callOutcomes: buildCallOutcomes(),
		permissionProfiles: [],
		flowFolders: [],
		flows: [],
		flowInstances: [],
		bulkAssignments: [],
		tasks: [],
		logs: [],
		targets: [],
		manualCrmAssociations: [],
		meetings: [],
		crm: { integrations: [], schemas: {}, objects: {}, requests: {} },
		engagementEvents: [],
		digitalInteractions: [],
		integrationSettings: null,
		erasures: [],
	};

	// Calls, spread over the period and sorted by start time
	const fromMs = Date.parse(o.from);
	const toMs_ = Date.parse(o.to);
	const starts = [];
	for (let i = 0; i < o.calls; i++) starts.push(fromMs + Math.floor(rng.next() * (toMs_ - fromMs)));
	starts.sort((a, b) => a - b);
	starts.forEach((t, i) => {
		state.calls.push(buildCall(rng, ids, state, { index: i, when: t, reps, accounts }));
	});
	if (recent) moveNewestCall(state, now);
	if (users.length > 1) users[1].emailAliases.push(EXAMPLE_ORGANIZER);

	buildSettingsData(rng, ids, state);
	buildFlowsAndTasks(rng, ids, state, reps, accounts);
	buildLogs(rng, state, fromMs, toMs_);
	return { state, ids, rng };
}

/** The last call that is not private and has a transcript becomes the newest: it started at now − 90 min. */
function moveNewestCall(state, now) {
	const calls = state.calls;
	let k = calls.length - 1;
	while (k >= 0 && (calls[k].isPrivate || !calls[k].transcript.length)) k--;
	if (k < 0) return;
	const [call] = calls.splice(k, 1);
	const shift = Math.floor(now / 60000) * 60000 - 90 * 60000 - Date.parse(call.started);
	call.started = isoUtc(Date.parse(call.started) + shift);
	if (call.scheduled) call.scheduled = isoUtc(Date.parse(call.scheduled) + shift);
	calls.push(call);
}

function buildUser(rng, ids, { i, firstName, lastName, email, role, company, workspaces }) {
	const id = ids.next([17, 18, 19][i % 3]);
	const titles = { vp: 'VP Sales', manager: 'Sales Manager', rep: i % 3 === 0 ? 'SDR' : 'Account Executive', csm: 'Customer Success Manager', avatar: 'Gong Support' };
	const created = Date.UTC(2020, 0, 1) + rng.int(0, 1400) * DAY_MS + rng.int(0, 86399) * 1000;
	return {
		id,
		emailAddress: email,
		created: isoUtc(created),
		active: true,
		emailAliases: i % 4 === 0 ? [`${firstName[0]}${lastName}@${company.domain}`.toLowerCase()] : [],
		trustedEmailAddress: email,
		firstName,
		lastName,
		title: titles[role],
		phoneNumber: `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
		extension: role === 'avatar' ? null : String(100 + (i % 900)),
		personalMeetingUrls: [`https://zoom.us/j/${rng.digits(10)}`],
		settings: {
			webConferencesRecorded: true,
			preventWebConferenceRecording: false,
			telephonyCallsImported: true,
			emailsImported: true,
			preventEmailImport: false,
			nonRecordedMeetingsImported: true,
			gongConnectEnabled: true,
		},
		managerId: null,
		meetingConsentPageUrl: `https://join.gong.io/${company.slug}/${firstName}.${lastName}`.toLowerCase(),
		conferencingProviders: [{ provider: 'Zoom', isDefault: true }],
		spokenLanguages: [{ language: 'en-US', primary: true }],
		// sandbox-only fields (not sent as-is)
		role,
		workspaceIds: role === 'csm' ? [workspaces[0].id, workspaces[1].id] : [workspaces[0].id],
		permissionProfileName: role === 'vp' ? 'Admin' : role === 'manager' ? 'Manager' : 'Rep',
		isAvatar: false,
	};
}

/** Picks 'Internal' vs 'External' and builds a call's parties/transcript/context. */
function buildCall(rng, ids, state, { index, when, reps, accounts }) {
	const id = ids.next(index % 10 === 9 ? 20 : 19);
	const web = rng.chance(0.7);
	const host = reps[rng.int(0, reps.length - 1)];
	const workspaceId = host.role === 'csm' && rng.chance(0.6) ? state.workspaces[1].id : state.workspaces[0].id;
	const external = web ? rng.chance(0.75) : true;
	const account = external ? accounts[rng.int(0, accounts.length - 1)] : null;
	// business hours 14:00–22:00 UTC; web conferences are scheduled on the half hour
	const day = Math.floor(when / DAY_MS) * DAY_MS;
	const slot = day + (14 * 60 + rng.int(0, 15) * 30) * 60000;
	let scheduled = null;
	let started;
	if (web) {
		scheduled = slot;
		// usually starts a few minutes late; one in ten starts much later than scheduled
		started = slot + (rng.chance(0.1) ? rng.int(40, 150) : rng.int(-2, 9)) * 60000 + rng.int(0, 59) * 1000;
	} else started = slot + rng.int(0, 29) * 60000 + rng.int(0, 59) * 1000;
	const webSys = WEB_SYSTEMS[rng.int(0, WEB_SYSTEMS.length - 1)];
	const call = {
		id,
		url: `https://app.gong.io/call?id=${id}`,
		title: external ? `${state.company.name} <> ${account.name} | ${PURPOSES[index % PURPOSES.length]}` : `Internal sync #${index + 1}`,
		scheduled: scheduled === null ? null : isoUtc(scheduled),
		started: isoUtc(started),
		duration: rng.int(180, 3600),
		primaryUserId: host.id,
		direction: web ? 'Conference' : rng.chance(0.7) ? 'Outbound' : 'Inbound',
		system: web ? webSys.system : PHONE_SYSTEMS[rng.int(0, PHONE_SYSTEMS.length - 1)],
		scope: external ? 'External' : 'Internal',
		media: web ? 'Video' : 'Audio',
		language: rng.chance(0.9) ? 'eng' : rng.pick(['spa', 'fre', 'ger']),
		workspaceId,
		sdrDisposition: web ? null : rng.pick(DISPOSITIONS),
		clientUniqueId: web ? null : `pbx-${rng.alnum(10)}`,
		customData: web ? null : 'Imported by telephony connector',
		purpose: external ? PURPOSES[index % PURPOSES.length] : null,
		meetingUrl: web ? webSys.url(rng) : null,
		isPrivate: rng.chance(0.05),
		calendarEventId: web ? `${rng.alnum(26).toLowerCase()}@google.com` : null,
		// sandbox-only fields
		isWebConference: web,
		visibleAt: 0,
		parties: [],
		transcript: [],
		context: [],
	};
	// parties: host + maybe a colleague + external contacts
	const internal = [host];
	if (rng.chance(0.4) || !external) {
		const other = reps[rng.int(0, reps.length - 1)];
		if (other !== host) internal.push(other);
	}
	for (const u of internal) call.parties.push(userParty(rng, ids, u));
	if (external) {
		const n = rng.int(1, account.contacts.length);
		for (const c of account.contacts.slice(0, n)) call.parties.push(contactParty(rng, ids, c, account, !web));
		call.context = [
			{
				system: 'Salesforce',
				objects: [
					{ objectType: 'Account', objectId: account.accountCrmId, fields: [{ name: 'Name', value: account.name }, { name: 'Website', value: `https://www.${account.domain}` }] },
					{ objectType: 'Opportunity', objectId: account.opportunityCrmId, fields: [{ name: 'Name', value: account.opportunityName }, { name: 'StageName', value: 'Discovery' }, { name: 'Amount', value: rng.int(5, 200) * 1000 }] },
				],
			},
		];
		call.accountName = account.name;
	}
	call.transcript = buildTranscript(rng, call);
	return call;
}

function userParty(rng, ids, u) {
	return {
		id: ids.next(19),
		emailAddress: u.emailAddress,
		name: `${u.firstName} ${u.lastName}`,
		title: u.title,
		userId: u.id,
		speakerId: ids.next(19),
		context: [],
		affiliation: 'Internal',
		phoneNumber: null,
		methods: ['Invitee', 'Attendee'],
	};
}

function contactParty(rng, ids, c, account, phone) {
	return {
		id: ids.next(19),
		emailAddress: c.email,
		name: c.name,
		title: c.title,
		userId: null,
		speakerId: rng.chance(0.9) ? ids.next(19) : null, // a silent attendee has no speakerId
		context: [
			{
				system: 'Salesforce',
				objects: [{ objectType: c.type === 'LEAD' ? 'Lead' : 'Contact', objectId: c.crmId, fields: [{ name: 'Email', value: c.email }, { name: 'AccountId', value: account.accountCrmId }] }],
			},
		],
		affiliation: 'External',
		phoneNumber: phone ? c.phoneNumber : null,
		methods: ['Invitee', 'Attendee'],
	};
}

/** Monologues alternating between speaking parties; start/end in ms from call start. */
function buildTranscript(rng, call) {
	const speakers = call.parties.filter((p) => p.speakerId);
	if (speakers.length === 0) return [];
	const out = [];
	let t = rng.int(500, 4000);
	const total = call.duration * 1000;
	const monologues = rng.int(4, 9);
	for (let m = 0; m < monologues && t < total; m++) {
		const speaker = speakers[m % speakers.length];
		const sentences = [];
		for (let s = rng.int(1, 3); s > 0 && t < total; s--) {
			const len = rng.int(1500, 9000);
			sentences.push({ start: t, end: Math.min(total, t + len), text: SENTENCES[rng.int(0, SENTENCES.length - 1)] });
			t += len + rng.int(100, 1500);
		}
		out.push({ speakerId: speaker.speakerId, topic: m === 0 ? 'Introduction' : rng.chance(0.6) ? TOPICS[rng.int(1, TOPICS.length - 1)] : null, sentences });
	}
	return out;
}

function buildCallOutcomes() {
	return [
		{ callOutcome: 'Connected', displayOrder: 1, connectStatus: 'CONNECTED', sentiment: 'POSITIVE', todoAction: 'COMPLETE', automation: null, category: 'ANSWERED' },
		{ callOutcome: 'Meeting booked', displayOrder: 2, connectStatus: 'CONNECTED', sentiment: 'POSITIVE', todoAction: 'COMPLETE_AND_REMOVE', automation: null, category: 'ANSWERED' },
		{ callOutcome: 'Not interested', displayOrder: 3, connectStatus: 'CONNECTED', sentiment: 'NEGATIVE', todoAction: 'COMPLETE_AND_REMOVE', automation: null, category: 'ANSWERED' },
		{ callOutcome: 'Do not call', displayOrder: 4, connectStatus: 'CONNECTED', sentiment: 'NEGATIVE', todoAction: 'COMPLETE_AND_REMOVE', automation: 'MARK_AS_OPT_OUT', category: 'ANSWERED' },
		{ callOutcome: 'Left voicemail', displayOrder: 5, connectStatus: 'NOT_CONNECTED', sentiment: 'NEUTRAL', todoAction: 'COMPLETE', automation: null, category: 'NOT_ANSWERED' },
		{ callOutcome: 'No answer', displayOrder: 6, connectStatus: 'NOT_CONNECTED', sentiment: 'NEUTRAL', todoAction: 'COMPLETE', automation: null, category: 'NOT_ANSWERED' },
	];
}

/** Library, trackers, scorecards, briefs, permission profiles, targets, manual CRM associations. */
function buildSettingsData(rng, ids, state) {
	const { workspaces, calls, users } = state;
	const admin = users[0];
	const when = (ms) => isoUtc(ms);
	const base = Date.UTC(2024, 9, 1);

	for (const ws of workspaces.slice(0, 2)) {
		const wsCalls = calls.filter((c) => c.workspaceId === ws.id);
		const mk = (name, parent, visibility) => {
			const f = { id: ids.next(19), name, parentFolderId: parent ? parent.id : null, createdBy: admin.id, updated: when(base + rng.int(0, 120) * DAY_MS), workspaceId: ws.id, visibility, calls: [] };
			const n = Math.min(wsCalls.length, rng.int(2, 6));
			for (let k = 0; k < n; k++) {
				const c = wsCalls[rng.int(0, wsCalls.length - 1)];
				if (f.calls.some((x) => x.callId === c.id)) continue;
				const from = rng.int(0, Math.max(0, c.duration - 120));
				f.calls.push({ callId: c.id, note: rng.chance(0.5) ? 'Great example of handling objections' : null, addedBy: users[1 % users.length].id, created: when(Date.parse(c.started) + 2 * DAY_MS), snippet: rng.chance(0.6) ? { fromSec: from, toSec: from + rng.int(30, 120) } : null });
			}
			state.library.folders.push(f);
			return f;
		};
		const top = mk(`${ws.name} - Best Calls`, null, 'public');
		mk('Objection Handling', top, 'public');
		mk(`${ws.name} - Onboarding`, null, 'public');
		mk('My Drafts', null, 'private');
		mk('Archived 2023', null, 'archived');
	}

	const trackerDefs = [
		['Competitors', ['Chorus', 'Clari', 'Salesloft']],
		['Pricing', ['price', 'discount', 'budget']],
		['Security', ['SOC 2', 'SSO', 'GDPR']],
		['Next Steps', ['follow up', 'next step', 'send over']],
		['Timeline', ['this quarter', 'by Friday', 'deadline']],
	];
	for (const ws of workspaces.slice(0, 2)) {
		for (const [name, keywords] of trackerDefs) {
			state.trackers.push({
				trackerId: ids.next(19),
				trackerName: name,
				workspaceId: ws.id,
				languageKeywords: [{ language: 'eng', keywords, includeRelatedForms: true }],
				affiliation: rng.pick(['Anyone', 'Company', 'NonCompany']),
				partOfQuestion: false,
				saidAt: 'Anytime',
				saidAtInterval: null,
				saidAtUnit: null,
				saidInTopics: [],
				filterQuery: null,
				created: when(base - rng.int(10, 400) * DAY_MS),
				creatorUserId: admin.id,
				updated: when(base + rng.int(0, 60) * DAY_MS),
				updaterUserId: admin.id,
			});
		}
	}

	const scorecardDefs = [
		['Discovery Scorecard', 'MANUAL', ['Identified pain points', 'Confirmed budget', 'Agreed next steps']],
		['Demo Scorecard', 'MANUAL', ['Tailored the demo', 'Handled objections', 'Overall']],
		['AI Call Review', 'AUTOMATIC', ['Asked open questions', 'Talk ratio under 60%']],
	];
	for (const [name, method, questions] of scorecardDefs) {
		state.scorecards.push({
			scorecardId: BigInt(ids.next(19)),
			scorecardName: name,
			workspaceId: BigInt(workspaces[0].id),
			enabled: true,
			updaterUserId: BigInt(admin.id),
			created: when(base - 200 * DAY_MS),
			updated: when(base - 20 * DAY_MS),
			reviewMethod: method,
			questions: questions.map((q) => ({
				questionId: BigInt(ids.next(19)),
				questionRevisionId: BigInt(ids.next(19)),
				questionText: q,
				isOverall: q === 'Overall',
				questionType: q === 'Overall' ? 'SCALE' : 'SCALE',
				answerGuide: null,
				minRange: 1,
				maxRange: 5,
				answerOptions: [],
			})),
		});
	}
	const managers = users.filter((u) => u.role === 'manager' || u.role === 'vp');
	const scorable = calls.filter((c) => c.id.length <= 19);
	for (let k = 0; k < Math.min(50, scorable.length); k++) {
		const c = scorable[rng.int(0, scorable.length - 1)];
		const sc = state.scorecards[rng.int(0, state.scorecards.length - 1)];
		const reviewer = managers[rng.int(0, managers.length - 1)];
		const reviewMs = Date.parse(c.started) + rng.int(1, 5) * DAY_MS;
		state.answeredScorecards.push({
			answeredScorecardId: BigInt(ids.next(19)),
			scorecardId: sc.scorecardId,
			scorecardName: sc.scorecardName,
			callId: BigInt(c.id),
			callStartTime: c.started,
			reviewedUserId: BigInt(c.primaryUserId),
			reviewerUserId: BigInt(reviewer.id),
			reviewMethod: sc.reviewMethod,
			editorUserId: null,
			reviewTime: isoUtc(reviewMs),
			visibilityType: 'PUBLIC',
			answers: sc.questions.map((q) => ({ questionId: q.questionId, questionRevisionId: q.questionRevisionId, isOverall: q.isOverall, score: rng.int(1, 5), answerText: null, notApplicable: false, selectedOptions: [] })),
		});
	}
	state.answeredScorecards.sort((a, b) => Date.parse(a.reviewTime) - Date.parse(b.reviewTime));

	for (const ws of workspaces) {
		for (const name of ['Account Brief', 'Deal Brief']) {
			state.briefs.push({ briefId: ids.next(19), briefName: name, workspaceId: ws.id, description: `AI-generated ${name.toLowerCase()}`, status: 'Published', creator: `${admin.firstName} ${admin.lastName}`, creatorUserId: admin.id, created: when(base), updated: when(base + 30 * DAY_MS) });
		}
	}

	for (const ws of workspaces) {
		for (const [name, level] of [['Admin', 'all'], ['Manager', 'managers-team'], ['Rep', 'own']]) {
			state.permissionProfiles.push(defaultProfile(ids.next(19), ws.id, name, level));
		}
	}
	for (const u of users) {
		if (u.isAvatar) continue;
		const p = state.permissionProfiles.find((x) => x.workspaceId === u.workspaceIds[0] && x.name === u.permissionProfileName);
		u.permissionProfileId = p ? p.id : null;
	}

	const targetDefs = [
		['Quarterly bookings', 'Bookings target per rep per quarter', 'REVENUE', 'USD'],
		['Meetings booked', 'Meetings set by SDRs per month', 'ACTIVITY', 'COUNT'],
	];
	for (const ws of workspaces.slice(0, 2)) {
		for (const [name, description, type, unit] of targetDefs) {
			state.targets.push({ id: ids.next(19), name, description, type, unit, hierarchyType: 'USER', createdDateTime: when(base), workspaceId: ws.id, assignments: [] });
		}
	}

	const external = calls.filter((c) => c.scope === 'External');
	for (let k = 0; k < Math.min(25, external.length); k++) {
		const c = external[(k * 7) % external.length];
		const obj = c.context[0] && c.context[0].objects;
		state.manualCrmAssociations.push({
			callId: c.id,
			userId: c.primaryUserId,
			created: isoUtc(Date.parse(c.started) + rng.int(1, 72) * 3600000),
			associatedCrmObjects: [{ accountCrmId: obj ? obj[0].objectId : null, dealCrmId: obj && rng.chance(0.7) ? obj[1].objectId : null }],
		});
	}
	state.manualCrmAssociations.sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
}

const BOOLEAN_PERMISSIONS = [
	'scoreCalls', 'overrideScore', 'downloadCallMedia', 'shareCallsWithCustomers', 'manuallyScheduleAndUploadCalls', 'privateCalls', 'deleteCalls', 'trimCalls', 'listenInCalls', 'deleteEmails', 'callsAndSearch', 'library', 'deals', 'createEditAndDeleteDealsBoards', 'dealsInlineEditing', 'account', 'coaching', 'usage', 'teamStats', 'initiatives', 'market', 'activity', 'forecast', 'forecastManage', 'engageManageCompanyTemplates', 'engageManageCompanySequences', 'engageCreateAndManageRulesets', 'engageSnoozeFlowToDosForOthers', 'engageAllowCrmFieldsViewChange', 'viewEngageAnalyticsActivity', 'viewEngageAnalyticsPerformance', 'viewEngageAnalyticsFlows', 'manageGeneralBusinessSettings', 'manageScorecards', 'exportCallsAndCoachingDataToCSV', 'crmDataInlineEditing', 'crmDataImport', 'viewRevenueAnalytics', 'manageRevenueAnalytics', 'engageReassignFlowToDosToOthers', 'engageAssignFlowToDosToOthers', 'dealsDataExport', 'aiBuilder', 'orchestrateCreateAndManagePlays',
];

/** A permission profile in Gong's PermissionProfileDTO shape (+ sandbox-only workspaceId). */
function defaultProfile(id, workspaceId, name, level) {
	const access = () => ({ permissionLevel: level, teamLeadIds: [] });
	const p = {
		id,
		name,
		description: `${name} permissions`,
		callsAccess: access(),
		libraryFolderAccess: { permissionLevel: level === 'own' ? 'none' : 'all', libraryFolderIds: [], managePublicFolder: level === 'all', manageStreams: level === 'all', manageFolderCalls: level !== 'own', shareFoldersAndStreams: level !== 'own' },
		dealsAccess: access(),
		forecastPermissions: { forecastAccess: access(), forecastEditSubmissions: access(), forecastEditTargets: access() },
		coachingAccess: access(),
		insightsAccess: access(),
		usageAccess: access(),
		emailsAccess: access(),
	};
	for (const k of BOOLEAN_PERMISSIONS) p[k] = level === 'all' || (level === 'managers-team' && !/^(delete|manage|engageManage|aiBuilder)/.test(k)) || /^(callsAndSearch|library|deals|account|coaching|activity|scoreCalls)$/.test(k);
	p.workspaceId = workspaceId;
	return p;
}

function buildFlowsAndTasks(rng, ids, state, reps, accounts) {
	const base = Date.UTC(2024, 10, 1);
	const owner = (k) => reps[k % reps.length];
	const ws = state.workspaces[0].id;
	const companyFolder = { id: ids.next(19), name: 'Company Flows', parentId: null, visibility: 'Company', ownerEmail: null, workspaceId: ws, creationDate: isoUtc(base) };
	const outbound = { id: ids.next(19), name: 'Outbound', parentId: companyFolder.id, visibility: 'Company', ownerEmail: null, workspaceId: ws, creationDate: isoUtc(base + DAY_MS) };
	const personal = reps.slice(0, 3).map((u, k) => ({ id: ids.next(19), name: `${u.firstName}'s flows`, parentId: null, visibility: 'Personal', ownerEmail: u.emailAddress, workspaceId: ws, creationDate: isoUtc(base + (k + 2) * DAY_MS) }));
	state.flowFolders.push(companyFolder, outbound, ...personal);

	const flowNames = ['Inbound lead follow-up', 'Cold outbound - VP', 'Event attendees', 'Re-engage closed lost', 'Trial nurture', 'Champion left', 'Webinar no-shows', 'Renewal reminder', 'Expansion play', 'Security review', 'Exec sponsor intro', 'Post-demo follow-up'];
	flowNames.forEach((name, k) => {
		const folder = k < 4 ? companyFolder : k < 8 ? outbound : personal[k % personal.length];
		const visibility = folder.visibility === 'Personal' ? (k % 2 ? 'Shared' : 'Personal') : 'Company';
		const o = folder.ownerEmail ? reps.find((u) => u.emailAddress === folder.ownerEmail) : owner(k);
		const steps = [];
		const actions = ['SEND_EMAIL', 'CALL', 'AUTO_SEND_EMAIL', 'LINKEDIN_CONNECT', 'CALL', 'SEND_EMAIL'];
		for (let s = 0; s < rng.int(3, 6); s++) {
			const action = actions[s];
			steps.push({ id: ids.next(19), stepOrder: s + 1, action, subject: action.includes('EMAIL') ? `${name} - touch ${s + 1}` : null, body: action.includes('EMAIL') ? 'Hi {{first_name}}, following up on our conversation.' : null, isReply: s > 0 && action.includes('EMAIL') });
		}
		state.flows.push({
			id: ids.next(19),
			name,
			folderId: folder.id,
			folderName: folder.name,
			visibility,
			creationDate: isoUtc(base + k * 3 * DAY_MS),
			exclusive: k % 3 === 0,
			description: `${name} sequence`,
			ownerEmail: o.emailAddress,
			sharedWith: visibility === 'Shared' ? [reps[(k + 1) % reps.length].emailAddress] : [],
			workspaceId: ws,
			steps,
		});
	});

	const contacts = accounts.flatMap((a) => a.contacts);
	const statuses = ['Pending', 'Running', 'Running', 'Paused', 'FinishedNoReply', 'FinishedResponse', 'Finished'];
	for (let k = 0; k < 30; k++) {
		const flow = state.flows[k % state.flows.length];
		const c = contacts[(k * 5) % contacts.length];
		const o = reps[k % reps.length];
		state.flowInstances.push({
			flowInstanceId: ids.next(17),
			flowId: flow.id,
			crmProspectId: c.crmId,
			ownerEmail: o.emailAddress,
			ownerFullName: `${o.firstName} ${o.lastName}`,
			createDate: isoUtc(base + rng.int(30, 120) * DAY_MS),
			status: statuses[k % statuses.length],
			workspaceId: flow.workspaceId,
			description: null,
		});
	}

	const priorities = [
		{ id: BigInt(ids.next(18)), name: 'High', weight: 3 },
		{ id: BigInt(ids.next(18)), name: 'Medium', weight: 2 },
		{ id: BigInt(ids.next(18)), name: 'Low', weight: 1 },
	];
	state.taskPriorities = priorities;
	for (let k = 0; k < 40; k++) {
		const u = reps[k % Math.min(reps.length, 8)];
		const account = accounts[k % accounts.length];
		const c = account.contacts[k % account.contacts.length];
		const isFlow = k % 3 !== 0;
		const flow = state.flows[k % state.flows.length];
		const created = base + rng.int(40, 140) * DAY_MS;
		state.tasks.push({
			id: BigInt(ids.next(19)),
			userId: BigInt(u.id),
			created: isoUtc(created),
			updated: isoUtc(created + 3600000),
			status: ['OPEN', 'OPEN', 'DONE', 'DISMISSED'][k % 4],
			type: isFlow ? 'FLOW' : 'MANUAL',
			actions: ['CALL'],
			account: { crmId: account.accountCrmId, name: account.name, crmUrl: `https://acme.my.salesforce.com/${account.accountCrmId}` },
			opportunity: { crmId: account.opportunityCrmId, name: account.opportunityName, crmUrl: `https://acme.my.salesforce.com/${account.opportunityCrmId}`, status: 'Open', stage: 'Discovery', amount: String(rng.int(5, 200) * 1000), probability: '20', closeDate: '2025-06-30' },
			dueDate: isoUtc(created + rng.int(1, 10) * DAY_MS),
			flow: isFlow ? { id: BigInt(flow.id), name: flow.name, step: { id: BigInt(flow.steps[1 % flow.steps.length].id), name: 'Call', stepNumber: 2 } } : null,
			contact: { crmId: c.crmId, type: c.type, data: { firstName: c.firstName, lastName: c.lastName, crmUrl: `https://acme.my.salesforce.com/${c.crmId}`, companyName: account.name, affiliation: 'Them', emails: [{ email: c.email }], title: c.title, timezone: 'America/New_York', phoneNumbers: [{ raw: c.phoneNumber, extension: null, countryCode: 1, normalized: c.phoneNumber, label: 'work', isVerified: true }], city: null, country: 'US', state: null, zipcode: null, optOutChannels: [], linkedinProfile: null } },
			additionalContacts: [],
			title: isFlow ? null : `Call ${c.firstName} about renewal`,
			priority: priorities[k % 3],
			workspaceId: state.workspaces[0].id,
		});
	}
}

function buildLogs(rng, state, fromMs, toMs_) {
	const users = state.users.filter((u) => !u.isAvatar);
	const calls = state.calls;
	for (const logType of LOG_TYPES) {
		const n = 40;
		for (let k = 0; k < n; k++) {
			const u = users[rng.int(0, users.length - 1)];
			const t = fromMs + Math.floor(rng.next() * (toMs_ - fromMs));
			const c = calls.length ? calls[rng.int(0, calls.length - 1)] : null;
			const logRecord = {
				AccessLog: { action: 'LOGIN', ipAddress: `10.0.${rng.int(0, 255)}.${rng.int(1, 254)}`, userAgent: 'Mozilla/5.0' },
				UserActivityLog: { activity: rng.pick(['SearchCalls', 'ViewDeal', 'ExportCsv']), details: 'Performed from the web app' },
				UserCallPlay: { callId: c && c.id, playedFromSec: rng.int(0, 300), playedToSec: rng.int(301, 900) },
				ExternallySharedCallAccess: { callId: c && c.id, sharedWith: `guest${k}@partner.example` },
				ExternallySharedCallPlay: { callId: c && c.id, viewerEmail: `guest${k}@partner.example`, playedSec: rng.int(10, 600) },
			}[logType];
			const impersonated = logType === 'AccessLog' && k % 13 === 0;
			state.logs.push({
				logType,
				userId: u.id,
				userEmailAddress: u.emailAddress,
				userFullName: `${u.firstName} ${u.lastName}`,
				impersonatorUserId: impersonated ? state.users[state.users.length - 1].id : null,
				impersonatorEmailAddress: impersonated ? state.users[state.users.length - 1].emailAddress : null,
				impersonatorFullName: impersonated ? 'Gong Support' : null,
				impersonatorCompanyId: impersonated ? '1000000000000000001' : null,
				eventTime: isoUtc(t),
				logRecord,
			});
		}
	}
	state.logs.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime));
}

// ---------------------------------------------------------------------------
// Call projections
// ---------------------------------------------------------------------------

const META_KEYS = ['id', 'url', 'title', 'scheduled', 'started', 'duration', 'primaryUserId', 'direction', 'system', 'scope', 'media', 'language', 'workspaceId', 'sdrDisposition', 'clientUniqueId', 'customData', 'purpose', 'meetingUrl', 'isPrivate', 'calendarEventId'];

/** The time GET /v2/calls filters and sorts on: scheduled for Gong-recorded web conferences, else started. */
function callFilterTime(call) {
	return call.isWebConference && call.scheduled ? toMs(call.scheduled) : toMs(call.started);
}
const isVisible = (call, now = Date.now()) => now >= (call.visibleAt || 0);

/** Call metadata as Gong returns it (times in the company offset). */
function callMeta(call, offset = 0) {
	const out = {};
	for (const k of META_KEYS) out[k] = call[k] === undefined ? null : call[k];
	out.scheduled = call.scheduled ? formatTime(toMs(call.scheduled), offset) : null;
	out.started = call.started ? formatTime(toMs(call.started), offset) : null;
	return out;
}

/** Accepts an ISO string (any offset) or epoch ms; returns a canonical UTC ISO string (null stays null). */
function normTime(v, field) {
	if (v === null || v === undefined) return null;
	const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
	if (Number.isNaN(ms)) throw new Error(`addCall: ${field} is not a valid date-time: ${v}`);
	return isoUtc(ms);
}

/**
 * Creates and stores a call from a partial description (used by sb.addCall, POST /__sandbox/calls
 * and, with `fromApi`, by POST /v2/calls). Rules:
 *  - started defaults to now; scheduled defaults to null;
 *  - isWebConference defaults to true when `scheduled` is given (GET /v2/calls then filters on
 *    scheduled), otherwise false (filters on started);
 *  - visibleAt (epoch ms) hides the call from every call endpoint until Date.now() >= visibleAt;
 *  - transcript may be monologues [{speakerId, topic, sentences:[{start,end,text}]}] or a flat
 *    list of sentences [{speakerId?, start, end, text}] (grouped by speaker).
 */
function createCall(ctx, partial = {}) {
	const { state, ids, rng } = ctx;
	const now = Date.now();
	const id = partial.id !== undefined && partial.id !== null ? String(partial.id) : ids.next(19);
	if (!/^\d{1,20}$/.test(id)) throw new Error(`addCall: id must be a numeric string, got ${id}`);
	if (state.calls.some((c) => c.id === id)) throw new Error(`addCall: a call with id ${id} already exists`);
	ids.reserve(id);
	const regular = state.users.filter((u) => !u.isAvatar && u.active);
	const host = (partial.primaryUserId && state.users.find((u) => u.id === String(partial.primaryUserId))) || regular[0] || state.users[0];
	const scheduled = normTime(partial.scheduled, 'scheduled');
	const isWebConference = partial.isWebConference !== undefined ? !!partial.isWebConference : scheduled !== null;
	const scope = partial.scope || 'External';
	const account = state.accounts[rng.int(0, state.accounts.length - 1)];
	const web = WEB_SYSTEMS[0];
	const call = {
		id,
		url: `https://app.gong.io/call?id=${id}`,
		title: partial.title !== undefined ? partial.title : scope === 'External' ? `${state.company.name} <> ${account.name}` : 'Internal meeting',
		scheduled,
		started: normTime(partial.started, 'started') || isoUtc(now),
		duration: partial.duration !== undefined ? partial.duration : 1800,
		primaryUserId: host.id,
		direction: partial.direction || (isWebConference ? 'Conference' : 'Outbound'),
		system: partial.system || (isWebConference ? web.system : 'RingCentral'),
		scope,
		media: partial.media || (isWebConference ? 'Video' : 'Audio'),
		language: partial.language || 'eng',
		workspaceId: partial.workspaceId ? String(partial.workspaceId) : host.workspaceIds[0],
		sdrDisposition: partial.sdrDisposition !== undefined ? partial.sdrDisposition : null,
		clientUniqueId: partial.clientUniqueId !== undefined ? partial.clientUniqueId : null,
		customData: partial.customData !== undefined ? partial.customData : null,
		purpose: partial.purpose !== undefined ? partial.purpose : null,
		meetingUrl: partial.meetingUrl !== undefined ? partial.meetingUrl : isWebConference ? web.url(rng) : null,
		isPrivate: !!partial.isPrivate,
		calendarEventId: partial.calendarEventId !== undefined ? partial.calendarEventId : null,
		isWebConference,
		visibleAt: partial.visibleAt === undefined || partial.visibleAt === null ? 0 : typeof partial.visibleAt === 'string' ? Date.parse(partial.visibleAt) : Number(partial.visibleAt),
		parties: [],
		transcript: [],
		context: partial.context || [],
	};
	if (Array.isArray(partial.parties)) {
		call.parties = partial.parties.map((p) => ({
			id: p.id ? String(p.id) : ids.next(19),
			emailAddress: p.emailAddress || null,
			name: p.name || null,
			title: p.title || null,
			userId: p.userId ? String(p.userId) : null,
			speakerId: p.speakerId !== undefined ? (p.speakerId === null ? null : String(p.speakerId)) : ids.next(19),
			context: p.context || [],
			affiliation: p.affiliation || (p.userId ? 'Internal' : 'External'),
			phoneNumber: p.phoneNumber || null,
			methods: p.methods || ['Invitee', 'Attendee'],
		}));
	} else {
		call.parties.push(userParty(rng, ids, host));
		if (scope === 'External') call.parties.push(contactParty(rng, ids, account.contacts[0], account, !isWebConference));
		else {
			const other = regular.find((u) => u !== host);
			if (other) call.parties.push(userParty(rng, ids, other));
		}
	}
	if (Array.isArray(partial.transcript)) {
		const speakers = call.parties.filter((p) => p.speakerId).map((p) => p.speakerId);
		if (partial.transcript.every((m) => Array.isArray(m && m.sentences))) {
			call.transcript = partial.transcript.map((m) => ({ speakerId: m.speakerId ? String(m.speakerId) : speakers[0] || null, topic: m.topic || null, sentences: m.sentences.map((s) => ({ ...s })) }));
		} else {
			// flat sentences → one monologue per change of speaker
			let t = 0;
			for (const [k, s] of partial.transcript.entries()) {
				const sentence = typeof s === 'string' ? { text: s } : s;
				const speakerId = sentence.speakerId ? String(sentence.speakerId) : speakers[k % Math.max(1, speakers.length)] || null;
				const start = sentence.start !== undefined ? sentence.start : t;
				const end = sentence.end !== undefined ? sentence.end : start + 3000;
				t = end + 500;
				const last = call.transcript[call.transcript.length - 1];
				const entry = { start, end, text: sentence.text || '' };
				if (last && last.speakerId === speakerId) last.sentences.push(entry);
				else call.transcript.push({ speakerId, topic: sentence.topic || null, sentences: [entry] });
			}
		}
	} else call.transcript = buildTranscript(rng, call);
	for (const [k, v] of Object.entries(partial)) {
		// sandbox-specific extras (e.g. accountName) are kept; known fields were handled above
		if (!(k in call)) call[k] = v;
	}
	state.calls.push(call);
	return call;
}

module.exports = {
	createRng,
	hashString,
	createIdFactory,
	toJson,
	canonical,
	GongError,
	fail,
	newRequestId,
	formatTime,
	isoUtc,
	toMs,
	dateOf,
	dateMs,
	DAY_MS,
	compareIds,
	makeCursor,
	readCursor,
	paginate,
	buildDataset,
	FIXED_WINDOW,
	recentWindow,
	EXAMPLE_ORGANIZER,
	EXAMPLE_PERSON_TO_FORGET,
	buildTranscript,
	userParty,
	contactParty,
	defaultProfile,
	BOOLEAN_PERMISSIONS,
	META_KEYS,
	callFilterTime,
	isVisible,
	callMeta,
	createCall,
	WEB_SYSTEMS,
	TOPICS,
	SENTENCES,
	sfId,
};
