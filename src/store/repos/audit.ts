import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { auditEvents } from '../schema/index.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = Omit<typeof auditEvents.$inferInsert, 'id' | 'at'>;

export async function appendAuditEvent(q: Queryable, event: NewAuditEvent): Promise<void> {
  await q.insert(auditEvents).values(event);
}

export async function listAuditEvents(
  q: Queryable,
  filter: { tenantId?: string; beforeId?: number; limit: number },
): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [];
  if (filter.tenantId) conditions.push(eq(auditEvents.tenantId, filter.tenantId));
  if (filter.beforeId) conditions.push(lt(auditEvents.id, filter.beforeId));
  return q
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}
