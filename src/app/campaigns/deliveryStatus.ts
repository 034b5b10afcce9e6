/**
 * What happens to a message after it left: SMSC delivery receipts, bounces
 * (delivery status notifications), unsubscribes and STOP replies. Each finds
 * its attempt, records the status, and when the channel turned out not to
 * reach the person, brings the chain's next step forward to now.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SmsDeliveryReceipt } from '../../channels/sms/port.ts';
import type { Tx } from '../../store/db.ts';
import { addDoNotContact } from '../../store/repos/doNotContact.ts';
import { cancelScheduledAttempts, findAttemptById, findAttemptByProviderId, type CampaignAttemptRow } from '../../store/repos/campaigns.ts';
import type { AppContext } from '../context.ts';
import { emitEvent } from '../webhooks/emitEvent.ts';

/** A bounce or failure receipt: the attempt failed, the person is told nothing more on this channel until the next step. */
async function markUndelivered(tx: Tx, attempt: CampaignAttemptRow, status: 'bounced' | 'failed', reason: string, now: Date): Promise<boolean> {
  const result = await tx.execute(sql`
    update campaign_attempts set status = ${status}, reason = ${reason}, failed_at = ${now}, updated_at = ${now}
    where id = ${attempt.id} and status in ('sent', 'delivered', 'in_doubt')`);
  if ((result.rowCount ?? 0) === 0) return false;
  // The fallback should not wait the full delay for a channel that is known not to work.
  await tx.execute(sql`
    update campaign_attempts set due_at = least(due_at, ${now}), updated_at = ${now}
    where invitation_id = ${attempt.invitationId} and status = 'scheduled' and step > ${attempt.step}`);
  await emitEvent(tx, attempt.tenantId, 'invitation.failed', `invitation.failed:${attempt.id}`, {
    campaignId: attempt.campaignId,
    attemptId: attempt.id,
    invitationId: attempt.invitationId,
    contactId: attempt.contactId,
    step: attempt.step,
    attempt: attempt.attempt,
    channel: attempt.channel,
    reason,
  }, now);
  return true;
}

export async function recordSmsReceipt(ctx: AppContext, receipt: SmsDeliveryReceipt): Promise<'recorded' | 'unknown'> {
  return ctx.db.transaction(async (tx) => {
    const attempt = await findAttemptByProviderId(tx, receipt.messageId);
    if (!attempt) return 'unknown';
    const now = ctx.clock.now();
    if (receipt.status === 'delivered') {
      await tx.execute(sql`
        update campaign_attempts set status = 'delivered', delivered_at = ${receipt.at}, updated_at = ${now}
        where id = ${attempt.id} and status in ('sent', 'in_doubt')`);
    } else if (receipt.status !== 'unknown') {
      await markUndelivered(tx, attempt, 'failed', `sms_${receipt.status}${receipt.errorCode ? `:${receipt.errorCode}` : ''}`, now);
    }
    return 'recorded';
  });
}

/**
 * Are SMS being sent right now? Message ids are written when a dispatcher
 * records its batch, so a fast SMSC's receipt can arrive before its attempt
 * knows the id: while sends are in flight, an unknown receipt should be
 * asked for again later rather than acknowledged into the void.
 */
export async function smsSendsInFlight(ctx: AppContext): Promise<boolean> {
  const result = await ctx.db.execute(sql`select 1 from campaign_attempts where channel = 'sms' and status = 'sending' limit 1`);
  return result.rows.length > 0;
}

export interface BounceInput {
  attemptIds: string[];
  recipients: Array<{ finalRecipient: string; action: string; status: string; hard: boolean }>;
}

/**
 * A delivery status notification about campaign messages. A hard bounce
 * (5.x.x) marks the attempt bounced and puts the address on do-not-contact
 * (reason `bounce`), so no later campaign tries it again; a delay is only
 * noted; a success report marks it delivered.
 */
export async function recordBounce(ctx: AppContext, input: BounceInput): Promise<{ bounced: number; delivered: number; unknown: number }> {
  const counts = { bounced: 0, delivered: 0, unknown: 0 };
  for (const attemptId of new Set(input.attemptIds)) {
    await ctx.db.transaction(async (tx) => {
      const attempt = await findAttemptById(tx, attemptId);
      if (!attempt || attempt.channel !== 'email') {
        counts.unknown += 1;
        return;
      }
      const now = ctx.clock.now();
      const about = input.recipients.find((r) => r.finalRecipient === attempt.address) ?? (input.recipients.length === 1 ? input.recipients[0] : undefined);
      if (!about) {
        counts.unknown += 1;
        return;
      }
      if (about.action === 'delivered') {
        await tx.execute(sql`update campaign_attempts set status = 'delivered', delivered_at = ${now}, updated_at = ${now} where id = ${attempt.id} and status in ('sent', 'in_doubt')`);
        counts.delivered += 1;
      } else if (about.action === 'failed' && about.hard) {
        if (await markUndelivered(tx, attempt, 'bounced', `bounced:${about.status}`, now)) counts.bounced += 1;
        if (attempt.address) await addDoNotContact(tx, { tenantId: attempt.tenantId, kind: 'email', value: attempt.address, reason: 'bounce', createdBy: null });
      }
    });
  }
  return counts;
}

/**
 * The person asked to hear no more (the email's unsubscribe link, a STOP
 * reply): the address goes on the tenant's do-not-contact list, everything
 * still waiting for them on that channel is cancelled, and the tenant's CRM
 * is told (`contact.unsubscribed`). Repeats change nothing.
 */
export async function unsubscribeAddress(
  tx: Tx,
  tenantId: string,
  kind: 'email' | 'phone',
  value: string,
  source: { via: 'email_link' | 'sms_reply'; contactId: string | null; invitationId: string | null },
  now: Date,
): Promise<void> {
  const existing = await tx.execute(sql`select 1 from do_not_contact where tenant_id = ${tenantId} and kind = ${kind} and value = ${value}`);
  await addDoNotContact(tx, { tenantId, kind, value, reason: source.via === 'email_link' ? 'unsubscribe' : 'sms_stop', createdBy: null });
  const channels = kind === 'email' ? ['email'] : ['sms', 'voice'];
  if (source.contactId) for (const channel of channels) await cancelScheduledAttempts(tx, { contactId: source.contactId, channel }, 'unsubscribed', now);
  if (existing.rows.length > 0) return;
  await emitEvent(tx, tenantId, 'contact.unsubscribed', `contact.unsubscribed:${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`, { contactId: source.contactId, invitationId: source.invitationId, kind, via: source.via }, now);
}

const STOP_LOOKBACK_DAYS = 90;

/**
 * A STOP/СТОП reply from a phone. One SMSC serves every organisation, so the
 * reply is about whoever texted this number lately: each of those
 * organisations puts the number on its do-not-contact list.
 */
export async function optOutByPhone(ctx: AppContext, phone: string): Promise<number> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - STOP_LOOKBACK_DAYS * 86_400_000);
  const senders = await ctx.db.execute<{ tenant_id: string; contact_id: string | null; invitation_id: string }>(sql`
    select distinct on (tenant_id) tenant_id, contact_id, invitation_id from campaign_attempts
    where address = ${phone} and channel = 'sms' and sent_at > ${since}
    order by tenant_id, sent_at desc`);
  for (const row of senders.rows) {
    await ctx.db.transaction((tx) => unsubscribeAddress(tx, row.tenant_id, 'phone', phone, { via: 'sms_reply', contactId: row.contact_id, invitationId: row.invitation_id }, now));
  }
  return senders.rows.length;
}
