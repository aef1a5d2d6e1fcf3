import type { ResourceDef } from '../../../shared/framework/types';
import { createCall } from './create.operation';
import { downloadCallMedia } from './downloadMedia.operation';
import { getCall } from './get.operation';
import { getManualCrmAssociations } from './getManualCrmAssociations.operation';
import { getManyCalls } from './getMany.operation';
import { getManyExtensiveCalls } from './getManyExtensive.operation';
import { getCallTranscripts } from './getTranscripts.operation';
import { uploadCallMedia } from './uploadMedia.operation';

export const callResource: ResourceDef = {
	value: 'call',
	name: 'Call',
	description: 'Recorded calls: list, details, transcripts, add calls, upload and download their media',
	operations: [getCall, getManyCalls, getManyExtensiveCalls, getCallTranscripts, createCall, uploadCallMedia, downloadCallMedia, getManualCrmAssociations],
};
