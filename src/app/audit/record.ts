import type { Actor } from '../../domain/access.ts';
import type { Queryable } from '../../store/db.ts';
import { appendAuditEvent } from '../../store/repos/audit.ts';
import type { RequestMeta } from '../context.ts';

export interface AuditEntry {
  action: string;
  tenantId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Never secrets: passwords, tokens and phone numbers stay out of the audit log as they stay out of logs. */
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the change it describes. */
export async function recordAudit(q: Queryable, actor: Actor | null, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(q, {
    actorType: actor?.kind ?? 'system',
    actorId: actor?.kind === 'user' ? actor.userId : actor?.kind === 'token' ? actor.tokenId : null,
    actorLabel: actor?.label ?? null,
    action: entry.action,
    tenantId: entry.tenantId ?? (actor?.kind === 'token' ? actor.tenantId : null),
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    details: entry.details ?? {},
  });
}
