import type { FieldDef } from '../../../shared/framework/types';

export const emailAddressField: FieldDef = {
	name: 'emailAddress',
	displayName: 'Email Address',
	kind: 'email',
	required: true,
	target: 'query',
	placeholder: 'name@email.com',
	description: 'The email address of the person',
};

export const phoneNumberField: FieldDef = {
	name: 'phoneNumber',
	displayName: 'Phone Number',
	kind: 'string',
	required: true,
	target: 'query',
	placeholder: '+14155550100',
	pattern: /^\+\d[\d\s().-]{5,}$/,
	patternHint: 'start with + and the country code, e.g. +14155550100',
	description: 'The phone number in international format: + and the country code, e.g. +14155550100',
};
