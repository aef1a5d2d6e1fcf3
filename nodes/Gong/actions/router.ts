import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executeOperation } from '../../shared/framework/execute';
import { allOperations } from './resources';

/** Finds the chosen operation's definition and runs it over the input items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const def = allOperations.find((d) => d.resource === resource && d.operation === operation);
	if (!def) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not known to this version of the Gong node`);
	}
	return [await executeOperation(this, def)];
}
