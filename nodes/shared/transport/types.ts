import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

/** Every n8n context a Gong request can be sent from. */
export type GongContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;
