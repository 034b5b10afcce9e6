import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { eventHooks } from '../../store/schema/index.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { randomSecret, sha256 } from '../secrets.ts';

/** A secret receiver URL for systems that can POST but not set headers; the URL is shown once. */
export async function createEventHook(ctx: AppContext, actor: Actor, tenantId: string, name: string, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'events.write');
  const secret = `evh_${randomSecret(24)}`;
  return ctx.db.transaction(async (tx) => {
    const [hook] = await tx
      .insert(eventHooks)
      .values({ tenantId, name, secretHash: sha256(secret), createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, actor, meta, { action: 'event_hook.created', tenantId, targetType: 'event_hook', targetId: hook!.id, details: { name } });
    return { hook: hook!, url: `${ctx.config.http.publicUrl}/api/v1/hooks/events/${secret}` };
  });
}

export async function listEventHooks(ctx: AppContext, actor: Actor, tenantId: string) {
  requireTenantPermission(actor, tenantId, 'events.write');
  return ctx.db.select().from(eventHooks).where(eq(eventHooks.tenantId, tenantId)).orderBy(desc(eventHooks.createdAt));
}

export async function deleteEventHook(ctx: AppContext, actor: Actor, tenantId: string, hookId: string, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'events.write');
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx.delete(eventHooks).where(and(eq(eventHooks.tenantId, tenantId), eq(eventHooks.id, hookId))).returning({ id: eventHooks.id });
    if (deleted.length === 0) throw notFound('Event receiver');
    await recordAudit(tx, actor, meta, { action: 'event_hook.deleted', tenantId, targetType: 'event_hook', targetId: hookId });
  });
}
