import type { ResourceDef } from '../../../shared/framework/types';
import { getManyAuditLogs } from './getMany.operation';

export const auditLogResource: ResourceDef = {
	value: 'auditLog',
	name: 'Audit Log',
	description: 'Gong\'s audit logs: logins, user activity, call plays, external shares',
	operations: [getManyAuditLogs],
};
