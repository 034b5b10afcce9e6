import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/access.ts';
import type { WebhookEvent } from '../../domain/webhooks/events.ts';
import { webhookDeliverJob } from '../../jobs/definitions/webhooks.ts';
import { enqueue } from '../../jobs/queue.ts';
import {
  deleteWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookDelivery,
  type WebhookDeliveryStatus,
} from '../../store/repos/webhooks.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';

/**
 * Only http(s). Gap: production should also refuse private, loopback and
 * link-local addresses (checked at delivery time, after DNS, against
 * rebinding); tests deliver to 127.0.0.1, so that needs a setting first.
 */
function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('webhooks.invalid_url', 'The webhook address is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('webhooks.invalid_url', 'The webhook address must start with http:// or https://');
  return url.toString();
}

/** The secret is returned here and never again; it is kept in clear because every delivery is signed with it. */
export async function createWebhook(ctx: AppContext, actor: Actor, tenantId: string, input: { url: string; events: WebhookEvent[] }, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'webhooks.manage');
  const url = checkUrl(input.url);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const endpoint = await insertWebhookEndpoint(tx, { tenantId, url, secret, events: [...new Set(input.events)], createdAt: ctx.clock.now() });
    // The origin only: a receiver's URL may carry its own token in the path or query.
    await recordAudit(tx, actor, meta, { action: 'webhook.created', tenantId, targetType: 'webhook', targetId: endpoint.id, details: { origin: new URL(url).origin, events: endpoint.events } });
    return { endpoint, secret };
  });
}

export async function listWebhooks(ctx: AppContext, actor: Actor, tenantId: string) {
  requireTenantPermission(actor, tenantId, 'webhooks.manage');
  return listWebhookEndpoints(ctx.db, tenantId);
}

/** Deletes the endpoint and its delivery history; queued attempts find nothing and stop. */
export async function deleteWebhook(ctx: AppContext, actor: Actor, tenantId: string, webhookId: string, meta: RequestMeta): Promise<void> {
  requireTenantPermission(actor, tenantId, 'webhooks.manage');
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteWebhookEndpoint(tx, tenantId, webhookId))) throw notFound('Webhook');
    await recordAudit(tx, actor, meta, { action: 'webhook.deleted', tenantId, targetType: 'webhook', targetId: webhookId });
  });
}

export const DELIVERY_LIST_LIMIT = 100;

/** The latest deliveries of an endpoint; `status: 'dead'` is the dead-letter view. */
export async function listDeliveries(ctx: AppContext, actor: Actor, tenantId: string, webhookId: string, status?: WebhookDeliveryStatus) {
  requireTenantPermission(actor, tenantId, 'webhooks.manage');
  if (!(await findWebhookEndpoint(ctx.db, tenantId, webhookId))) throw notFound('Webhook');
  return listWebhookDeliveries(ctx.db, tenantId, webhookId, { status, limit: DELIVERY_LIST_LIMIT });
}

/**
 * Sends a delivery again now. One more try, not a new round: a dead delivery
 * that fails again is dead again at once, so a click cannot start hours of
 * retries against a receiver that is still down.
 */
export async function retryDelivery(ctx: AppContext, actor: Actor, tenantId: string, webhookId: string, deliveryId: string, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'webhooks.manage');
  return ctx.db.transaction(async (tx) => {
    const delivery = await findWebhookDelivery(tx, tenantId, webhookId, deliveryId);
    if (!delivery) throw notFound('Delivery');
    if (delivery.status === 'delivered') throw conflict('webhooks.already_delivered', 'This delivery has already been delivered');
    const now = ctx.clock.now();
    const updated = await updateWebhookDelivery(tx, tenantId, deliveryId, { status: 'pending', nextAttemptAt: now });
    await enqueue(tx, webhookDeliverJob, { deliveryId }, { jobKey: deliveryId });
    await recordAudit(tx, actor, meta, { action: 'webhook.delivery_retried', tenantId, targetType: 'webhook_delivery', targetId: deliveryId, details: { webhookId, event: delivery.event } });
    return updated;
  });
}
