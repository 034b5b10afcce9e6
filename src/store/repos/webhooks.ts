import { and, arrayContains, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { webhookDeliveries, webhookEndpoints } from '../schema/index.ts';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dead';

export async function insertWebhookEndpoint(q: Queryable, row: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpointRow> {
  return (await q.insert(webhookEndpoints).values(row).returning())[0]!;
}

export async function listWebhookEndpoints(q: Queryable, tenantId: string): Promise<WebhookEndpointRow[]> {
  return q.select().from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, tenantId)).orderBy(desc(webhookEndpoints.createdAt));
}

export async function findWebhookEndpoint(q: Queryable, tenantId: string, endpointId: string): Promise<WebhookEndpointRow | null> {
  const rows = await q
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteWebhookEndpoint(q: Queryable, tenantId: string, endpointId: string): Promise<boolean> {
  const rows = await q
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** The tenant's active endpoints that asked for this event. */
export async function subscribedEndpoints(q: Queryable, tenantId: string, event: string): Promise<Array<{ id: string }>> {
  return q
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.active, true), arrayContains(webhookEndpoints.events, [event])));
}

/** Inserts deliveries; an (endpoint, event id) pair already there is skipped. Returns only the new ones. */
export async function insertWebhookDeliveries(q: Queryable, rows: Array<typeof webhookDeliveries.$inferInsert>): Promise<Array<{ id: string }>> {
  if (rows.length === 0) return [];
  return q
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] })
    .returning({ id: webhookDeliveries.id });
}

export async function listWebhookDeliveries(
  q: Queryable,
  tenantId: string,
  endpointId: string,
  opts: { status?: WebhookDeliveryStatus | undefined; limit: number },
): Promise<WebhookDeliveryRow[]> {
  return q
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.endpointId, endpointId),
        opts.status ? eq(webhookDeliveries.status, opts.status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(opts.limit);
}

export async function findWebhookDelivery(q: Queryable, tenantId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryRow | null> {
  const rows = await q
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, deliveryId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The delivery and its endpoint, row-locked for the attempt. Not tenant-scoped
 * by a caller's tenant: the job names the delivery by id (it carries the
 * tenant in the row). SKIP LOCKED: if another worker holds it, that worker is
 * sending it right now, and this run has nothing to do.
 */
export async function lockDeliveryForAttempt(q: Queryable, deliveryId: string): Promise<{ delivery: WebhookDeliveryRow; endpoint: WebhookEndpointRow } | null | 'busy'> {
  const locked = await q.execute<{ id: string }>(sql`select id from webhook_deliveries where id = ${deliveryId} for update skip locked`);
  if (locked.rows.length === 0) {
    const exists = await q.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).limit(1);
    return exists.length > 0 ? 'busy' : null;
  }
  const rows = await q
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId)))
    .where(eq(webhookDeliveries.id, deliveryId))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateWebhookDelivery(q: Queryable, tenantId: string, deliveryId: string, change: Partial<typeof webhookDeliveries.$inferInsert>): Promise<WebhookDeliveryRow> {
  const rows = await q
    .update(webhookDeliveries)
    .set(change)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId)))
    .returning();
  return rows[0]!;
}
