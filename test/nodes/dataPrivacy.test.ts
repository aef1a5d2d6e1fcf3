import { useGong } from '../helpers';

const { Gong } = require('../../nodes/Gong/Gong.node');

describe('Data Privacy resource', () => {
	const gong = useGong({ seed: { calls: 60, users: 10 } });

	/** An external contact that is a party of at least one call (by email and by phone). */
	const contactOnCalls = () => {
		for (const account of gong.sandbox.state.accounts) {
			for (const contact of account.contacts) {
				if (contact.erased) continue;
				const calls = gong.sandbox.state.calls.filter((c: any) => c.parties.some((p: any) => p.emailAddress === contact.email));
				if (calls.length) return { contact, calls };
			}
		}
		throw new Error('sandbox seed has no contact on a call');
	};

	test('Get Data for Email Address: GET with emailAddress in the query → one item listing the calls and CRM data', async () => {
		const { contact, calls } = contactOnCalls();
		const result = await gong.run({ parameters: { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: ` ${contact.email} ` } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/data-privacy/data-for-email-address');
		expect(req.query).toEqual({ emailAddress: contact.email });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const data = result.json[0] as any;
		expect(data.calls.map((c: any) => c.id).sort()).toEqual(calls.map((c: any) => c.id).sort());
		expect(data.customerData[0].objects.map((o: any) => o.id)).toEqual([contact.crmId]);
		expect(typeof data.calls[0].id).toBe('string');
	});

	test('Get Data for Email Address: not an email → refused before sending', async () => {
		const result = await gong.run({ parameters: { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: 'wren.larsen' } });
		expect(result.error!.message).toMatch(/Parameter "Email Address" \(emailAddress\): "wren.larsen" is not an email address/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Get Data for Phone Number: GET with phoneNumber in the query → matching numbers and emails', async () => {
		const { contact } = contactOnCalls();
		const result = await gong.run({ parameters: { resource: 'dataPrivacy', operation: 'getDataForPhone', phoneNumber: contact.phoneNumber } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('GET');
		expect(req.path).toBe('/v2/data-privacy/data-for-phone-number');
		expect(req.query).toEqual({ phoneNumber: contact.phoneNumber });
		expect(result.items).toHaveLength(1);
		expect(result.json[0]).toEqual(
			expect.objectContaining({ suppliedPhoneNumber: contact.phoneNumber, matchingPhoneNumbers: expect.arrayContaining([contact.phoneNumber]), emailAddresses: [contact.email] }),
		);
	});

	test('Get Data for Phone Number: a number without + and country code is refused before sending', async () => {
		const result = await gong.run({ parameters: { resource: 'dataPrivacy', operation: 'getDataForPhone', phoneNumber: '4155550100' } });
		expect(result.error!.message).toMatch(/Parameter "Phone Number" \(phoneNumber\): "4155550100" is not valid — start with \+ and the country code/);
		expect(gong.requests()).toHaveLength(0);
	});

	test('Erase Data for Email Address: POST with the address in the query and no body; returns requestId and the address', async () => {
		const { contact } = contactOnCalls();
		const result = await gong.run({ parameters: { resource: 'dataPrivacy', operation: 'eraseDataForEmail', emailAddress: contact.email } });
		expect(result.error).toBeUndefined();
		const req = gong.lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/v2/data-privacy/erase-data-for-email-address');
		expect(req.query).toEqual({ emailAddress: contact.email });
		expect(req.rawBody).toBe('');
		expect(result.json).toEqual([{ requestId: expect.any(String), emailAddress: contact.email }]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(gong.sandbox.state.erasures).toEqual([expect.objectContaining({ type: 'email', value: contact.email })]);
		const after = await gong.run({ parameters: { resource: 'dataPrivacy', operation: 'getDataForEmail', emailAddress: contact.email } });
		expect(after.json[0].calls).toEqual([]);
		expect(after.json[0].customerData).toEqual([]);
	});

	test('Erase Data for Phone Number: POST with phoneNumber in the query; one erasure per input item', async () => {
		const contacts = gong.sandbox.state.accounts
			.flatMap((a: any) => a.contacts)
			.filter((c: any) => !c.erased)
			.slice(0, 2);
		expect(contacts).toHaveLength(2);
		const result = await gong.run({
			input: contacts.map((c: any) => ({ json: { phone: c.phoneNumber } })),
			parameters: { resource: 'dataPrivacy', operation: 'eraseDataForPhone', phoneNumber: '={{ $json.phone }}' },
		});
		expect(result.error).toBeUndefined();
		const reqs = gong.requests();
		expect(reqs.map((r: any) => [r.method, r.path, r.query.phoneNumber, r.rawBody])).toEqual(
			contacts.map((c: any) => ['POST', '/v2/data-privacy/erase-data-for-phone-number', c.phoneNumber, '']),
		);
		expect(result.json).toEqual(contacts.map((c: any) => ({ requestId: expect.any(String), phoneNumber: c.phoneNumber })));
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(contacts.every((c: any) => c.erased)).toBe(true);
	});

	test('erasures are destructive and say so in the operation description', () => {
		const node = new Gong();
		const ops = node.description.properties.find((p: any) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('dataPrivacy'));
		const describe = (value: string) => ops.options.find((o: any) => o.value === value).description;
		expect(describe('eraseDataForEmail')).toMatch(/^Permanently erases all data Gong holds for an email address/);
		expect(describe('eraseDataForPhone')).toMatch(/^Permanently erases all data Gong holds for a phone number/);
		expect(describe('eraseDataForEmail')).toMatch(/Irreversible/);
	});
});
