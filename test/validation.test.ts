/**
 * Input validation before any request: every bad input the node is expected to refuse, as a
 * table of [what is wrong, operation parameters, expected message]. Each row runs through the
 * engine; the run must fail with a NodeOperationError for item 0 whose message names the
 * parameter, and the sandbox must not have received a single request.
 * Rows whose operation does not exist (yet) in resources.ts are reported and skipped.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { byId, useGong } from './helpers';
import { allOperations } from '../nodes/Gong/actions/resources';

const today = DateTime.utc().toFormat('yyyy-MM-dd');
const tomorrow = DateTime.utc().plus({ days: 1 }).toFormat('yyyy-MM-dd');
const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));
const emails = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);
const binary = (mimeType: string, fileName: string, data = 'hello'): INodeExecutionData[] => [
	{ json: {}, binary: { data: { data: Buffer.from(data).toString('base64'), mimeType, fileName } } } as INodeExecutionData,
];

interface Row {
	/** What is wrong with the input. */
	bad: string;
	params: IDataObject;
	expected: RegExp;
	input?: INodeExecutionData[];
	/** The message comes from an operation's own check, without the "nothing was sent" hint. */
	noHint?: boolean;
}

const ok = { fromDateTime: '2024-01-01T00:00:00Z', toDateTime: '2024-02-01T00:00:00Z' };
const meeting = { organizerEmail: 'boss@example.com', startTime: '2030-01-01T10:00:00Z', endTime: '2030-01-01T11:00:00Z', invitees: { values: [{ email: 'guest@example.com' }] } };
const callBody = { actualStart: '2024-05-01T10:00:00Z', direction: 'Outbound', primaryUser: byId('234599484848423'), parties: '[{"userId":"234599484848423"}]' };

/** The table: [operation params, expected message]. */
const TABLE: Row[] = [
	// ---- ids (digits only, ≤ 20, strings) ----
	{ bad: 'id with letters', params: { resource: 'call', operation: 'get', callId: byId('={{ "abc" }}') }, expected: /^Parameter "Call" \(callId\): "abc" is not a Gong ID — use digits only, at most 20$/ },
	{ bad: 'id of 21 digits', params: { resource: 'call', operation: 'get', callId: byId('={{ "123456789012345678901" }}') }, expected: /Parameter "Call" \(callId\): "123456789012345678901" is not a Gong ID/ },
	{ bad: 'negative id', params: { resource: 'call', operation: 'get', callId: byId('={{ "-5" }}') }, expected: /Parameter "Call" \(callId\): "-5" is not a Gong ID/ },
	{ bad: 'id as an inexact JS number (17 digits)', params: { resource: 'call', operation: 'get', callId: byId('={{ 12345678901234567 }}') }, expected: /Parameter "Call" \(callId\): 12345678901234568 is not an exact Gong ID — pass IDs as text/ },
	{ bad: 'id as a fraction', params: { resource: 'call', operation: 'get', callId: byId('={{ 12.5 }}') }, expected: /Parameter "Call" \(callId\): 12\.5 is not an exact Gong ID/ },
	{ bad: 'id as an object', params: { resource: 'call', operation: 'get', callId: byId('={{ { id: 1 } }}') }, expected: /Parameter "Call" \(callId\): expected a Gong ID, got \{"id":1\}/ },
	{ bad: 'empty required id', params: { resource: 'call', operation: 'get', callId: byId('={{ "" }}') }, expected: /^Parameter "Call" \(callId\): is required$/ },
	{ bad: 'call URL that is not a Gong call URL', params: { resource: 'call', operation: 'get', callId: { __rl: true, mode: 'url', value: '={{ "https://example.com/call/5" }}' } }, expected: /Parameter "Call" \(callId\): "https:\/\/example\.com\/call\/5" is not a Gong ID/ },
	{ bad: 'user id with letters', params: { resource: 'user', operation: 'get', userId: byId('={{ "me" }}') }, expected: /Parameter "User" \(userId\): "me" is not a Gong ID/ },
	{ bad: 'user id in settings history', params: { resource: 'user', operation: 'getSettingsHistory', userId: byId('={{ "12a" }}') }, expected: /Parameter "User" \(userId\): "12a" is not a Gong ID/ },
	{ bad: 'workspace filter not an id', params: { resource: 'call', operation: 'getMany', ...ok, filters: { workspaceId: byId('ws-1') } }, expected: /Parameter "Workspace" \(workspaceId\): "ws-1" is not a Gong ID/ },
	{ bad: 'one bad id in a list', params: { resource: 'call', operation: 'getManyExtensive', filters: { callIds: ['1', 'x'] } }, expected: /Parameter "Call IDs" \(callIds\): "x" is not a Gong ID/ },
	{ bad: 'bad id in comma-separated text', params: { resource: 'call', operation: 'getManyExtensive', filters: { primaryUserIds: '1, 2, abc' } }, expected: /Parameter "Primary User IDs" \(primaryUserIds\): "abc" is not a Gong ID/ },
	{ bad: 'transcript call ids with letters', params: { resource: 'call', operation: 'getTranscripts', filters: { callIds: 'a,b' } }, expected: /Parameter "Call IDs" \(callIds\): "a" is not a Gong ID/ },
	{ bad: 'user ids of 21 digits', params: { resource: 'user', operation: 'getManyExtensive', filters: { userIds: ['123456789012345678901'] } }, expected: /Parameter "User IDs" \(userIds\): "123456789012345678901" is not a Gong ID/ },
	{ bad: 'meeting id with letters', params: { resource: 'meeting', operation: 'update', meetingId: 'abc', ...meeting }, expected: /Parameter "Meeting ID" \(meetingId\): "abc" is not a Gong ID/ },
	{ bad: 'coaching manager not an id', params: { resource: 'coaching', operation: 'getMetrics', workspaceId: byId('1'), managerId: byId('={{ "boss" }}'), ...ok }, expected: /Parameter "Manager" \(managerId\): "boss" is not a Gong ID/ },
	{ bad: 'stats user ids with letters', params: { resource: 'stats', operation: 'getInteraction', fromDate: '2024-01-01', toDate: '2024-02-01', filters: { userIds: 'u1' } }, expected: /Parameter "User IDs" \(userIds\): "u1" is not a Gong ID/ },

	// ---- ISO date-times ----
	{ bad: 'unparsable date-time', params: { resource: 'call', operation: 'getMany', fromDateTime: 'yesterday-ish', toDateTime: ok.toDateTime }, expected: /^Parameter "From" \(fromDateTime\): "yesterday-ish" is not a date-time — use ISO-8601, e.g\. 2024-05-01T09:00:00Z$/ },
	{ bad: 'month 13', params: { resource: 'call', operation: 'getMany', fromDateTime: ok.fromDateTime, toDateTime: '2024-13-01T00:00:00Z' }, expected: /Parameter "To" \(toDateTime\): "2024-13-01T00:00:00Z" is not a date-time/ },
	{ bad: 'February 30th', params: { resource: 'call', operation: 'getMany', fromDateTime: '2024-02-30T00:00:00Z', toDateTime: ok.toDateTime }, expected: /Parameter "From" \(fromDateTime\): "2024-02-30T00:00:00Z" is not a date-time/ },
	{ bad: 'US date format', params: { resource: 'call', operation: 'getMany', fromDateTime: '01/02/2024', toDateTime: ok.toDateTime }, expected: /Parameter "From" \(fromDateTime\): "01\/02\/2024" is not a date-time/ },
	{ bad: 'from after to', params: { resource: 'call', operation: 'getMany', fromDateTime: '2024-02-01T00:00:00Z', toDateTime: '2024-01-01T00:00:00Z' }, expected: /Parameter "From" \(fromDateTime\): 2024-02-01T00:00:00Z must be before "To" \(2024-01-01T00:00:00Z\)/ },
	{ bad: 'from equal to to', params: { resource: 'call', operation: 'getMany', fromDateTime: '2024-01-01T00:00:00Z', toDateTime: '2024-01-01T00:00:00Z' }, expected: /Parameter "From" \(fromDateTime\): .* must be before "To"/ },
	{ bad: 'from after to in other zones', params: { resource: 'call', operation: 'getMany', fromDateTime: '2024-01-01T10:00:00+02:00', toDateTime: '2024-01-01T07:00:00Z' }, expected: /Parameter "From" \(fromDateTime\): .* must be before "To"/ },
	{ bad: 'missing required date-time', params: { resource: 'call', operation: 'getMany', fromDateTime: '={{ "" }}', toDateTime: ok.toDateTime }, expected: /^Parameter "From" \(fromDateTime\): is required$/ },
	{ bad: 'created range reversed (filters)', params: { resource: 'user', operation: 'getManyExtensive', filters: { createdFromDateTime: '2024-03-01T00:00:00Z', createdToDateTime: '2024-01-01T00:00:00Z' } }, expected: /Parameter "Created After" \(createdFromDateTime\): .* must be before "Created Before"/ },
	{ bad: 'meeting ends before it starts', params: { resource: 'meeting', operation: 'create', ...meeting, startTime: '2030-01-01T12:00:00Z' }, expected: /Parameter "Start Time" \(startTime\): .* must be before "End Time"/ },
	{ bad: 'task due date not a date-time', params: { resource: 'task', operation: 'update', taskId: '1', userId: byId('2'), additionalFields: { dueDate: 'next week' } }, expected: /Parameter "Due Date" \(dueDate\): "next week" is not a date-time/ },
	{ bad: 'audit log from after to', params: { resource: 'auditLog', operation: 'getMany', logType: 'AccessLog', fromDateTime: '2024-03-01T00:00:00Z', filters: { toDateTime: '2024-01-01T00:00:00Z' } }, expected: /Parameter "From" \(fromDateTime\): .* must be before "To"/ },

	// ---- YYYY-MM-DD stats dates ----
	{ bad: 'stats date with slashes', params: { resource: 'stats', operation: 'getInteraction', fromDate: '2024/01/01', toDate: '2024-02-01' }, expected: /^Parameter "From Date" \(fromDate\): "2024\/01\/01" is not a date — use YYYY-MM-DD$/ },
	{ bad: 'stats date February 30th', params: { resource: 'stats', operation: 'getActivityAggregate', fromDate: '2024-01-01', toDate: '2024-02-30' }, expected: /Parameter "To Date" \(toDate\): "2024-02-30" is not a date/ },
	{ bad: 'stats toDate in the future', params: { resource: 'stats', operation: 'getActivityDayByDay', fromDate: '2024-01-01', toDate: tomorrow }, expected: new RegExp(`Parameter "To Date" \\(toDate\\): ${tomorrow} is in the future; Gong accepts dates up to today`) },
	{ bad: 'stats from after to', params: { resource: 'stats', operation: 'getInteraction', fromDate: '2024-02-01', toDate: '2024-01-01' }, expected: /Parameter "From Date" \(fromDate\): 2024-02-01 must be before "To Date" \(2024-01-01\)/ },
	{ bad: 'stats empty period (from = to, to exclusive)', params: { resource: 'stats', operation: 'getActivityAggregate', fromDate: today, toDate: today }, expected: /Parameter "From Date" \(fromDate\): .* must be before "To Date"/ },
	{ bad: 'stats missing from date', params: { resource: 'stats', operation: 'getActivityAggregate', fromDate: '={{ "" }}', toDate: '2024-01-01' }, expected: /Parameter "From Date" \(fromDate\): is required/ },
	{ bad: 'aggregation period not offered', params: { resource: 'stats', operation: 'getActivityAggregateByPeriod', fromDate: '2024-01-01', toDate: '2024-02-01', aggregationPeriod: 'DECADE' }, expected: /Parameter "Aggregation Period" \(aggregationPeriod\): "DECADE" is not one of DAY, MONTH, QUARTER, WEEK, YEAR/ },
	{ bad: 'scorecard review range reversed', params: { resource: 'stats', operation: 'getAnsweredScorecards', filters: { reviewFromDate: '2024-03-01', reviewToDate: '2024-01-01' } }, expected: /Parameter "Review From Date" \(reviewFromDate\): .* must be before "Review To Date"/ },

	// ---- emails ----
	{ bad: 'email without domain dot', params: { resource: 'meeting', operation: 'create', ...meeting, organizerEmail: 'boss@localhost' }, expected: /^Parameter "Organizer Email" \(organizerEmail\): "boss@localhost" is not an email address$/ },
	{ bad: 'email without @', params: { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: 'bob.example.com' }, expected: /Parameter "Email Address" \(emailAddress\): "bob\.example\.com" is not an email address/ },
	{ bad: 'email with spaces', params: { resource: 'engageFlow', operation: 'getMany', flowOwnerEmail: 'a b@example.com' }, expected: /Parameter ".*" \(flowOwnerEmail\): "a b@example\.com" is not an email address/ },
	{ bad: 'bad email inside a fixed collection entry', params: { resource: 'meeting', operation: 'create', ...meeting, invitees: { values: [{ email: 'ok@example.com' }, { email: 'nope' }] } }, expected: /Parameter "Invitees 2: Email" \(invitees\[1\]\.email\): "nope" is not an email address/ },
	{ bad: 'one bad email in a list', params: { resource: 'meeting', operation: 'validateIntegrationStatus', emails: ['a@example.com', 'b@'] }, expected: /Parameter "Emails" \(emails\): "b@" is not an email address/ },

	// ---- list sizes (Gong's documented maxima) ----
	{ bad: '101 emails (max 100)', params: { resource: 'meeting', operation: 'validateIntegrationStatus', emails: emails(101) }, expected: /^Parameter "Emails" \(emails\): 101 values given, Gong accepts at most 100$/ },
	{ bad: '21 flow ids (max 20)', params: { resource: 'engageFlow', operation: 'getSteps', flowIds: ids(21) }, expected: /Parameter "Flow IDs" \(flowIds\): 21 values given, Gong accepts at most 20/ },
	{ bad: '101 prospects (max 100)', params: { resource: 'engageFlow', operation: 'assignProspects', flowId: byId('1'), flowInstanceOwnerEmail: 'a@example.com', crmProspectsIds: ids(101) }, expected: /Parameter "CRM Prospect IDs" \(crmProspectsIds\): 101 values given, Gong accepts at most 100/ },
	{ bad: '201 flow instances (max 200)', params: { resource: 'engageFlow', operation: 'unassignByInstanceId', flowInstanceIds: ids(201) }, expected: /Parameter "Flow Instance IDs" \(flowInstanceIds\): 201 values given, Gong accepts at most 200/ },
	{ bad: '101 CRM object ids (max 100)', params: { resource: 'crm', operation: 'getObjects', integrationId: '1', objectType: 'ACCOUNT', objectsCrmIds: ids(101) }, expected: /Parameter "CRM Object IDs" \(objectsCrmIds\): 101 values given, Gong accepts at most 100/ },

	// ---- options, numbers, booleans, patterns ----
	{ bad: 'direction not offered', params: { resource: 'call', operation: 'create', ...callBody, direction: 'Sideways' }, expected: /Parameter "Direction" \(direction\): "Sideways" is not one of Conference, Inbound, Outbound, Unknown/ },
	{ bad: 'content choice not offered', params: { resource: 'call', operation: 'getManyExtensive', options: { include: ['parties', 'everything'] } }, expected: /Parameter "Data to Include" \(include\): "everything" not among/ },
	{ bad: 'CRM context not offered', params: { resource: 'call', operation: 'getManyExtensive', options: { context: 'Full' } }, expected: /Parameter "CRM Context" \(context\): "Full" is not one of None, Basic, Extended/ },
	{ bad: 'log type not offered', params: { resource: 'auditLog', operation: 'getMany', logType: 'Everything', ...ok }, expected: /Parameter "Log Type" \(logType\): "Everything" is not one of/ },
	{ bad: 'negative duration', params: { resource: 'call', operation: 'create', ...callBody, additionalFields: { duration: -5 } }, expected: /Parameter "Duration \(Seconds\)" \(duration\): -5 is below the minimum 0/ },
	{ bad: 'duration not a number', params: { resource: 'call', operation: 'create', ...callBody, additionalFields: { duration: '={{ "long" }}' } }, expected: /Parameter "Duration \(Seconds\)" \(duration\): "long" is not a number/ },
	{ bad: 'purpose over 255 characters', params: { resource: 'call', operation: 'create', ...callBody, additionalFields: { purpose: 'x'.repeat(256) } }, expected: /Parameter "Purpose" \(purpose\): ".*" is not valid — at most 255 characters/ },
	{ bad: 'phone number without country code', params: { resource: 'dataPrivacy', operation: 'getDataForPhone', phoneNumber: '555-0100' }, expected: /Parameter "Phone Number" \(phoneNumber\): "555-0100" is not valid — start with \+ and the country code/ },
	{ bad: 'boolean given as text', params: { resource: 'user', operation: 'getMany', options: { includeAvatars: '={{ "yes" }}' } }, expected: /Parameter "Include Avatars" \(includeAvatars\): expected true or false, got yes$/ },
	{ bad: 'Limit of 0', params: { resource: 'call', operation: 'getMany', ...ok, returnAll: false, limit: '={{ 0 }}' }, expected: /^Parameter "Limit" \(limit\): 0 is not a whole number of at least 1$/ },
	{ bad: 'Limit not a whole number', params: { resource: 'user', operation: 'getMany', returnAll: false, limit: '={{ 2.5 }}' }, expected: /Parameter "Limit" \(limit\): 2\.5 is not a whole number of at least 1/ },
	{ bad: 'Limit as words', params: { resource: 'user', operation: 'getMany', returnAll: false, limit: '={{ "ten" }}' }, expected: /Parameter "Limit" \(limit\): "ten" is not a whole number of at least 1/ },

	// ---- JSON bodies and JSON fields ----
	{ bad: 'JSON body that does not parse', params: { resource: 'call', operation: 'create', bodyInput: 'json', jsonBody: '{ "clientUniqueId": ' }, expected: /^Parameter "JSON Body" \(jsonBody\): is not valid JSON/ },
	{ bad: 'JSON body that is an array', params: { resource: 'meeting', operation: 'create', bodyInput: 'json', jsonBody: '[1, 2]' }, expected: /Parameter "JSON Body" \(jsonBody\): must be a JSON object/ },
	{ bad: 'JSON body without a required key', params: { resource: 'call', operation: 'create', bodyInput: 'json', jsonBody: '{ "direction": "Inbound" }' }, expected: /Parameter "JSON Body" \(jsonBody\): "actualStart" is required/ },
	{ bad: 'JSON body that is a number', params: { resource: 'meeting', operation: 'create', bodyInput: 'json', jsonBody: '42' }, expected: /Parameter "JSON Body" \(jsonBody\): must be a JSON object/ },
	{ bad: 'JSON field that does not parse', params: { resource: 'call', operation: 'create', ...callBody, parties: '[{ userId: 1 }]' }, expected: /^Parameter "Parties \(JSON\)" \(parties\): is not valid JSON/ },
	{ bad: 'JSON field that is a bare number', params: { resource: 'call', operation: 'create', ...callBody, parties: '42' }, expected: /Parameter "Parties \(JSON\)" \(parties\): must be a JSON object or array, got 42$/ },
	{ bad: 'JSON field that is a string', params: { resource: 'call', operation: 'create', ...callBody, parties: '"Jane"' }, expected: /Parameter "Parties \(JSON\)" \(parties\): must be a JSON object or array/ },

	// ---- required binary property ----
	{ bad: 'no binary field of that name', params: { resource: 'call', operation: 'uploadMedia', callId: byId('123'), binaryPropertyName: 'data' }, input: [{ json: {} }], expected: /^Parameter "Input Binary Field" \(binaryPropertyName\): input item 0 has no binary field "data"$/ },
	{ bad: 'binary field under another name', params: { resource: 'call', operation: 'uploadMedia', callId: byId('123'), binaryPropertyName: 'recording' }, input: binary('audio/wav', 'a.wav'), expected: /Parameter "Input Binary Field" \(binaryPropertyName\): input item 0 has no binary field "recording"/ },
	{ bad: 'binary that is not audio or video', params: { resource: 'call', operation: 'uploadMedia', callId: byId('123'), binaryPropertyName: 'data' }, input: binary('text/plain', 'notes.txt'), expected: /Parameter "Input Binary Field" \(binaryPropertyName\): binary field "data" is text\/plain; Gong accepts audio or video/ },
	{ bad: 'target assignments without the file', params: { resource: 'target', operation: 'uploadAssignments', targetId: byId('1'), workspaceId: byId('2'), binaryPropertyName: 'data' }, input: [{ json: {} }], expected: /Parameter "Input Binary Field" \(binaryPropertyName\)/ },

	// ---- cross-field rules ----
	// (Call IDs together with a Workspace is allowed: Gong's filters are independent — test/nodes/call.test.ts.)
	{ bad: 'users created-after later than created-before', params: { resource: 'user', operation: 'getManyExtensive', filters: { createdFromDateTime: '2024-02-01T00:00:00Z', createdToDateTime: '2024-01-01T00:00:00Z' } }, expected: /Parameter "Created After" \(createdFromDateTime\).*must be before "Created Before"/ },
];

describe('Input validation: every bad input is refused before any request, naming the parameter', () => {
	const gong = useGong({ seed: { calls: 5, users: 4 } });
	const known = (row: Row) => allOperations.some((op) => op.resource === row.params.resource && op.operation === row.params.operation);
	const rows = TABLE.filter(known);
	const skipped = TABLE.filter((row) => !known(row));

	test('the table covers every kind of check on operations that exist', () => {
		if (skipped.length) {
			// eslint-disable-next-line no-console
			console.warn(`validation table: ${skipped.length} row(s) skipped, operation missing: ${skipped.map((r) => `${r.params.resource}.${r.params.operation}`).join(', ')}`);
		}
		expect(rows.length).toBeGreaterThanOrEqual(60);
	});

	test.each(rows.map((row) => [`${row.params.resource}.${row.params.operation}: ${row.bad}`, row] as const))('%s', async (_label, row) => {
		const result = await gong.run({ parameters: row.params, input: row.input ?? [{ json: {} }] });
		expect(result.error).toBeDefined();
		expect(result.error!.message).toMatch(row.expected);
		expect(result.error!.name).toBe('NodeOperationError');
		expect(result.error!.context?.itemIndex).toBe(0);
		if (!row.noHint) expect(result.error!.description).toMatch(/nothing was sent to Gong/i);
		expect(gong.sandbox.requests).toHaveLength(0);
	});

	test('the failing item is named: item 2 of 3 fails, continueOnFail keeps the others, paired to their inputs', async () => {
		const calls = gong.sandbox.state.calls.slice(0, 2).map((c: any) => c.id);
		const input = [{ json: { id: calls[0] } }, { json: { id: calls[1] } }, { json: { id: '12x' } }];
		const strict = await gong.run({ input, parameters: { resource: 'call', operation: 'get', callId: byId('={{ $json.id }}') } });
		expect(strict.error!.message).toMatch(/Parameter "Call" \(callId\): "12x" is not a Gong ID/);
		expect(strict.error!.context?.itemIndex).toBe(2);
		expect(gong.sandbox.requests).toHaveLength(0);
		const lenient = await gong.run({ input, continueOnFail: true, parameters: { resource: 'call', operation: 'get', callId: byId('={{ $json.id }}') } });
		expect(lenient.items).toHaveLength(3);
		expect(lenient.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(lenient.json[2].error).toMatch(/"12x" is not a Gong ID/);
		expect(lenient.json[0].id).toBe(calls[0]);
	});

	test('JSON fields keep 20-digit ids exact and leave digit runs inside strings alone (no false refusals)', async () => {
		const parties = '[{ "userId": 12345678901234567890, "name": "Ext a:12345678901234567, b" }]';
		await gong.run({ parameters: { resource: 'call', operation: 'create', ...callBody, parties } });
		const req = gong.sandbox.requests.find((r: any) => r.path === '/v2/calls');
		expect(req).toBeDefined();
		expect(req.rawBody).toContain('"name":"Ext a:12345678901234567, b"');
		expect(req.rawBody).toMatch(/"userId":"?12345678901234567890"?/);
	});

	test('stats date given as a JS date from an expression is accepted as YYYY-MM-DD (no false refusals)', async () => {
		const result = await gong.run({ parameters: { resource: 'stats', operation: 'getActivityAggregate', fromDate: '={{ $now.minus({ days: 7 }) }}', toDate: '={{ $now }}' } });
		expect(result.error?.message ?? '').not.toMatch(/Parameter/);
		const req = gong.sandbox.requests[0];
		expect(req.body.filter.toDate).toBe(today);
	});
});
