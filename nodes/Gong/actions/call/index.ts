import type { ResourceDef } from '../../framework/types';
import { getCall } from './get.operation';
import { getManyCalls } from './getMany.operation';
import { getManyExtensiveCalls } from './getManyExtensive.operation';
import { getCallTranscripts } from './getTranscripts.operation';

export const callResource: ResourceDef = {
	value: 'call',
	name: 'Call',
	description: 'Recorded calls: list, details, transcripts',
	operations: [getCall, getManyCalls, getManyExtensiveCalls, getCallTranscripts],
};
