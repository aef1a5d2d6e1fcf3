import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * What a catch block re-throws: an error that already is a NodeApiError / NodeOperationError
 * unchanged (same object, same HTTP context), anything else wrapped in a NodeOperationError so
 * n8n shows it like every other node error.
 */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const description = (error as { description?: unknown } | null)?.description;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		description: typeof description === 'string' ? description : undefined,
	});
}
