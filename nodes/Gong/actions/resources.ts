import type { OperationDef, ResourceDef } from '../framework/types';
import { callResource } from './call';
import { userResource } from './user';

/** Every resource of the Gong node. Add a resource here; its operations come with it. */
export const resources: ResourceDef[] = [callResource, userResource];

/** Every operation definition, for the router, the docs generator and the coverage test. */
export const allOperations: OperationDef[] = resources.flatMap((r) => r.operations);
