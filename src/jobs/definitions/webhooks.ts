import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { WEBHOOK_MAX_ATTEMPTS, retryDelayMs } from '../../domain/webhooks/backoff.ts';
import { sign } from '../../domain/webhooks/signature.ts';
import type { Tx } from '../../store/db.ts';
import { lockDeliveryForAttempt, updateWebhookDelivery, type WebhookDeliveryRow, type WebhookEndpointRow } from '../../store/repos/webhooks.ts';
import { defineJob } from '../define.ts';
import { enqueue } from '../queue.ts';
import { privateAddressProblem } from '../../channels/http/publicAddress.ts';

const TIMEOUT_MS = 10_000;
const ERROR_MAX_LENGTH = 500;

/**
 * POSTs one webhook delivery, signed. The delivery row is the state: attempts,
 * last status, next attempt. A failed try does not throw: it records the
 * failure and enqueues this job again at `next_attempt_at` (computed from
 * ctx.clock), so our backoff and our attempt count are the ones that show in
 * the dead-letter view and tests move time instead of sleeping; graphile's own
 * retries (a throw) are left for infrastructure failures (the database).
 *
 * Safe to run twice: the row is locked for the attempt (a second worker skips
 * it), and a delivered or dead delivery is never sent. Delivery is at least
 * once: if the commit after a 2xx fails, the receiver gets it again, and
 * `Voxpop-Delivery` lets it notice.
 */
export const webhookDeliverJob = defineJob({
  id: 'webhook.deliver',
  version: 1,
  payload: z.object({ deliveryId: z.uuid() }),
  maxAttempts: 5,
  handler: async (ctx, { deliveryId }) => {
    await ctx.db.transaction(async (tx) => {
      const found = await lockDeliveryForAttempt(tx, deliveryId);
      if (found === null || found === 'busy') return;
      const { delivery, endpoint } = found;
      if (delivery.status === 'delivered' || delivery.status === 'dead' || !endpoint.active) return;
      const now = ctx.clock.now();
      if (delivery.nextAttemptAt > now) {
        // Woken early (a stale job): wait for the time the row says.
        await enqueue(tx, webhookDeliverJob, { deliveryId }, { jobKey: deliveryId, runAt: delivery.nextAttemptAt });
        return;
      }
      await attempt(ctx, tx, delivery, endpoint, now);
    });
  },
});

async function attempt(ctx: AppContext, tx: Tx, delivery: WebhookDeliveryRow, endpoint: WebhookEndpointRow, now: Date): Promise<void> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const refused = ctx.config.webhooks.allowPrivateAddresses ? null : await privateAddressProblem(new URL(endpoint.url));
    if (refused) throw new Error(refused);
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Voxpop-Webhooks/1',
        'voxpop-event': delivery.event,
        'voxpop-delivery': delivery.id,
        'voxpop-timestamp': String(timestamp),
        'voxpop-signature': await sign(endpoint.secret, timestamp, body),
      },
      body,
      // A redirect is a failure, not a hop: following it would send the signed body somewhere not configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = res.status;
    await res.body?.cancel();
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (err) {
    // undici reports "fetch failed" and puts the reason (ECONNREFUSED, a TLS error …) in `cause`.
    const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
    error = err instanceof Error ? `${err.name}: ${err.message}${cause}` : String(err);
  }
  const attempts = delivery.attempts + 1;
  const base = { attempts, lastStatusCode: statusCode, lastError: error?.slice(0, ERROR_MAX_LENGTH) ?? null };
  if (error === null) {
    await updateWebhookDelivery(tx, delivery.tenantId, delivery.id, { ...base, status: 'delivered', deliveredAt: now });
    ctx.log.info({ deliveryId: delivery.id, event: delivery.event, statusCode }, 'webhook delivered');
    return;
  }
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
    await updateWebhookDelivery(tx, delivery.tenantId, delivery.id, { ...base, status: 'dead' });
    ctx.log.warn({ deliveryId: delivery.id, event: delivery.event, statusCode, attempts }, 'webhook delivery dead');
    return;
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, Math.random()));
  await updateWebhookDelivery(tx, delivery.tenantId, delivery.id, { ...base, status: 'failed', nextAttemptAt });
  await enqueue(tx, webhookDeliverJob, { deliveryId: delivery.id }, { jobKey: delivery.id, runAt: nextAttemptAt });
  ctx.log.info({ deliveryId: delivery.id, event: delivery.event, statusCode, attempts, nextAttemptAt }, 'webhook delivery failed; will retry');
}
