/**
 * Sends a campaign's due attempts, batch by batch:
 *
 * 1. claim — one transaction locks due `scheduled` rows (SKIP LOCKED, so two
 *    dispatchers never take the same row), applies the rules to each and
 *    writes the verdicts: `sending` (claimed), a later `due_at` (contact hours,
 *    send window), `skipped`, `cancelled`;
 * 2. send — outside any transaction, through the channel's port;
 * 3. record — one transaction writes each result and schedules what follows.
 *
 * A crash between 1 and 3 leaves rows in `sending`; the ticker
 * (abandoned.ts) returns those never handed to the channel to the queue and
 * turns the others into `in_doubt` after the lease, and they are never sent again: a possibly
 * missing message is better than a second one (the test kills a real worker
 * to prove it).
 */
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Mailer } from '../../channels/email/port.ts';
import { MailSendError } from '../../channels/email/errors.ts';
import { SmsSendError, type SmsSender } from '../../channels/sms/port.ts';
import { verpAddress } from '../../domain/bounces/verp.ts';
import { nextAttempt, type Channel, type NextAttempt } from '../../domain/campaigns/plan.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { findCampaignById, type CampaignRow } from '../../store/repos/campaigns.ts';
import { emitEvent } from '../webhooks/emitEvent.ts';
import type { AppContext } from '../context.ts';
import { insertFollowing } from './attempts.ts';
import { claimBatch, type Claimed } from './claim.ts';
import { renderAttemptMessage } from './render.ts';
import { senderSettings, type SenderSettings } from './senderSettings.ts';

const MINUTE_MS = 60_000;
/** Retries of a temporary failure (throttled, connection lost): after 1, 5, 15, 60 minutes, then it fails. */
const RETRY_DELAYS_MIN = [1, 5, 15, 60];
/**
 * Attempts claimed per batch. Claiming many at once keeps the database work per
 * message small; it costs nothing at a crash, because a claimed attempt is only
 * in doubt once it has been marked as handed to the channel (handed_at), and the
 * rest go back to the queue.
 */
export const DISPATCH_BATCH = 500;

/**
 * Messages handed to a channel at once: what the channel really has in flight
 * (twice the SMTP pool, so a connection never waits for us; the SMPP window),
 * since everything handed and unrecorded is in doubt after a crash.
 */
function inFlightFor(ctx: AppContext, channel: Channel): number {
  if (channel === 'email') return 2 * (ctx.config.mail.smtp?.maxConnections ?? 5);
  if (channel === 'sms') return ctx.config.sms.smpp?.windowSize ?? 10;
  return 1;
}

export interface DispatchChannels {
  mailer: Mailer;
  sms: SmsSender | undefined;
}

export interface DispatchResult {
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
  /** More due work is waiting (the time budget ran out, or a rate limit held some back). */
  more: boolean;
}


type SendOutcome =
  | { kind: 'sent'; providerIds: string[]; parts: number }
  | { kind: 'failed'; code: string; error: string }
  | { kind: 'retry'; code: string; error: string };

/** The advisory lock key of a campaign's dispatcher; settleAbandoned spells the same in SQL. */
const dispatchLockKey = (campaignId: string) => `campaign-dispatch:${campaignId}`;

/**
 * One dispatcher per campaign at a time, in every process: a session advisory
 * lock, which PostgreSQL drops by itself when the holder's connection dies. The
 * job key alone does not ensure it: while a dispatch job runs, enqueuing one with
 * its key (the ticker does, every tick) makes a second job that runs beside it,
 * and each one more batch claimed that a crash would leave in doubt. Another
 * dispatcher holding the lock: nothing is done now, and `more` asks for a look later.
 */
export async function dispatchCampaign(ctx: AppContext, channels: DispatchChannels, campaignId: string, opts: { timeBudgetMs?: number; batch?: number } = {}): Promise<DispatchResult> {
  const key = dispatchLockKey(campaignId);
  // The pool the database handle was opened on (store/db.ts); the lock needs one connection of its own.
  const client = await (ctx.db as typeof ctx.db & { $client: Pool }).$client.connect();
  let broken: Error | undefined;
  try {
    const lock = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [key]);
    if (!lock.rows[0]?.locked) return { sent: 0, failed: 0, skipped: 0, deferred: 0, more: true };
    try {
      return await dispatchLocked(ctx, channels, campaignId, opts);
    } finally {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((err: Error) => {
        broken = err; // the connection is dropped below, and the lock with it
      });
    }
  } finally {
    client.release(broken);
  }
}

async function dispatchLocked(ctx: AppContext, channels: DispatchChannels, campaignId: string, opts: { timeBudgetMs?: number; batch?: number }): Promise<DispatchResult> {
  const started = Date.now();
  const total: DispatchResult = { sent: 0, failed: 0, skipped: 0, deferred: 0, more: false };
  const definitions = new Map<string, SurveyDefinition>();
  for (;;) {
    const campaign = await findCampaignById(ctx.db, campaignId);
    if (!campaign || campaign.status !== 'running') return total;
    const sender = await senderSettings(ctx, campaign.tenantId);
    let progressed = false;
    for (const channel of channelsOf(campaign)) {
      const claim = await claimBatch(ctx, campaign, channel, sender, opts.batch ?? DISPATCH_BATCH);
      total.skipped += claim.skipped;
      total.deferred += claim.deferred;
      if (claim.limited) total.more = true;
      if (claim.decided > 0) progressed = true;
      if (claim.claimed.length === 0) continue;
      const recorded = await sendAndRecord(ctx, channels, campaign, sender, claim.claimed, definitions);
      total.sent += recorded.sent;
      total.failed += recorded.failed;
    }
    if (!progressed) return total;
    if (Date.now() - started > (opts.timeBudgetMs ?? 20_000)) return { ...total, more: true };
  }
}

const channelsOf = (campaign: CampaignRow): Channel[] => [...new Set(campaign.plan.steps.map((s) => s.channel))];

/**
 * Sends the claimed attempts, at most the channel's in-flight number at once,
 * and records results in small groups as they come (each group one
 * transaction), so that at any moment only a few handed messages are
 * unrecorded: what a crash would leave in doubt is bounded by about three times
 * the in-flight number, not by the batch.
 */
async function sendAndRecord(
  ctx: AppContext,
  channels: DispatchChannels,
  campaign: CampaignRow,
  sender: SenderSettings,
  claimed: Claimed[],
  definitions: Map<string, SurveyDefinition>,
): Promise<{ sent: number; failed: number }> {
  await loadDefinitions(ctx, claimed, definitions);
  const inFlight = inFlightFor(ctx, claimed[0]!.channel);
  const totals = { sent: 0, failed: 0 };
  let pending: Array<{ attempt: Claimed; outcome: SendOutcome }> = [];
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    const group = pending;
    if (group.length === 0) return flushing;
    pending = [];
    flushing = flushing.then(async () => {
      const recorded = await recordOutcomes(ctx, campaign, group.map((g) => g.attempt), group.map((g) => g.outcome));
      totals.sent += recorded.sent;
      totals.failed += recorded.failed;
    });
    return flushing;
  };
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const attempt = claimed[next++]!;
      const outcome = await sendOne(ctx, channels, campaign, sender, attempt, definitions.get(attempt.surveyVersionId)!);
      pending.push({ attempt, outcome });
      // Back-pressure: while a group is being written, senders wait for it rather than pile up unrecorded results.
      if (pending.length >= inFlight) await flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, claimed.length) }, worker));
  if (pending.length > 0) await flush();
  await flushing;
  return totals;
}

async function loadDefinitions(ctx: AppContext, claimed: Claimed[], definitions: Map<string, SurveyDefinition>) {
  const missing = [...new Set(claimed.map((c) => c.surveyVersionId))].filter((id) => !definitions.has(id));
  if (missing.length === 0) return;
  const result = await ctx.db.execute<{ id: string; definition: SurveyDefinition }>(sql`select id, definition from survey_versions where id = any(${sql.param(missing)}::uuid[])`);
  for (const row of result.rows) definitions.set(row.id, row.definition);
}

async function sendOne(ctx: AppContext, channels: DispatchChannels, campaign: CampaignRow, sender: SenderSettings, c: Claimed, definition: SurveyDefinition): Promise<SendOutcome> {
  const message = renderAttemptMessage(ctx, campaign, sender, c, definition);
  // Committed before the channel sees the message: from here on, a crash makes it in doubt instead of unsent.
  const handed = await ctx.db.execute(sql`update campaign_attempts set handed_at = ${ctx.clock.now()} where id = ${c.id} and status = 'sending'`);
  if ((handed.rowCount ?? 0) === 0) return { kind: 'retry', code: 'claim_lost', error: 'The attempt was no longer claimed by this dispatcher' };
  try {
    if (message.channel === 'email') {
      const { messageId } = await channels.mailer.send(
        {
          to: c.address,
          subject: message.subject,
          text: message.text,
          html: message.html,
          idempotencyKey: `attempt:${c.id}`,
          listUnsubscribe: { url: message.unsubscribeUrl },
          headers: { 'X-Voxpop-Attempt': c.id },
          ...(sender.bounceAddress ? { envelopeFrom: verpAddress(sender.bounceAddress, c.id) } : {}),
          ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
        },
        sender.emailFrom,
      );
      return { kind: 'sent', providerIds: [messageId], parts: 1 };
    }
    if (message.channel === 'sms') {
      if (!channels.sms) return { kind: 'retry', code: 'sms_unavailable', error: 'No SMS connection in this process' };
      const result = await channels.sms.send({ to: c.address, from: sender.smsFrom, text: message.text, idempotencyKey: `attempt:${c.id}` });
      return { kind: 'sent', providerIds: result.messageIds, parts: result.parts };
    }
    return { kind: 'failed', code: 'channel_unavailable', error: 'Voice calls are not available in this version' };
  } catch (err) {
    if (err instanceof MailSendError) {
      const code = err.responseCode ? `smtp_${err.responseCode}` : (err.code ?? 'smtp_error').toLowerCase();
      return err.permanent ? { kind: 'failed', code, error: err.message } : { kind: 'retry', code, error: err.message };
    }
    if (err instanceof SmsSendError) return err.temporary ? { kind: 'retry', code: err.code, error: err.message } : { kind: 'failed', code: err.code, error: err.message };
    return { kind: 'retry', code: 'error', error: err instanceof Error ? err.message : String(err) };
  }
}

async function recordOutcomes(ctx: AppContext, campaign: CampaignRow, claimed: Claimed[], outcomes: SendOutcome[]): Promise<{ sent: number; failed: number }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const sentIds: string[] = [];
    const sentProviders: string[] = [];
    const sentParts: number[] = [];
    const firstContacts: string[] = [];
    const follow: Array<{ row: { invitation_id: string; contact_id: string | null }; next: NextAttempt }> = [];
    let failed = 0;
    /** The claim counted one message each: add the extra SMS parts, take back what did not go out. */
    let spentCorrection = 0;
    for (const [i, c] of claimed.entries()) {
      const outcome = outcomes[i]!;
      const row = { invitation_id: c.invitationId, contact_id: c.contactId };
      if (outcome.kind === 'sent') {
        sentIds.push(c.id);
        sentProviders.push(JSON.stringify(outcome.providerIds));
        sentParts.push(outcome.parts);
        spentCorrection += outcome.parts - 1;
        if (c.step === 0 && c.attempt === 1 && c.contactId) firstContacts.push(c.contactId);
        const next = nextAttempt(campaign.plan, c.step, c.attempt, 'sent', now);
        if (next) follow.push({ row, next });
      } else if (outcome.kind === 'retry' && c.tries < RETRY_DELAYS_MIN.length) {
        spentCorrection -= 1;
        await tx.execute(sql`
          update campaign_attempts set status = 'scheduled', tries = tries + 1, due_at = ${new Date(now.getTime() + RETRY_DELAYS_MIN[c.tries]! * MINUTE_MS)},
            reason = ${outcome.code}, error = ${outcome.error.slice(0, 500)}, claimed_at = null, handed_at = null, updated_at = ${now}
          where id = ${c.id} and status = 'sending'`);
      } else {
        failed += 1;
        spentCorrection -= 1;
        await tx.execute(sql`
          update campaign_attempts set status = 'failed', failed_at = ${now}, reason = ${outcome.code}, error = ${outcome.error.slice(0, 500)}, updated_at = ${now}
          where id = ${c.id} and status = 'sending'`);
        await emitEvent(tx, campaign.tenantId, 'invitation.failed', `invitation.failed:${c.id}`, failedEventData(campaign, c, outcome.code), now);
        const next = nextAttempt(campaign.plan, c.step, c.attempt, 'unreachable', now);
        if (next) follow.push({ row, next });
      }
    }
    if (sentIds.length > 0) {
      await tx.execute(sql`
        update campaign_attempts a set status = 'sent', sent_at = ${now}, parts = v.parts,
          provider_ids = array(select jsonb_array_elements_text(v.providers)), updated_at = ${now}
        from (select unnest(${sql.param(sentIds)}::uuid[]) as id, unnest(${sql.param(sentParts)}::smallint[]) as parts, unnest(${sql.param(sentProviders)}::jsonb[]) as providers) v
        where a.id = v.id and a.status = 'sending'`);
    }
    if (firstContacts.length > 0) {
      await tx.execute(sql`update contacts set last_invited_at = ${now} where id = any(${sql.param(firstContacts)}::uuid[])`);
    }
    await insertFollowing(tx, campaign, follow, now);
    if (spentCorrection !== 0) await tx.execute(sql`update campaigns set spent = spent + ${spentCorrection} where id = ${campaign.id}`);
    return { sent: sentIds.length, failed };
  });
}

const failedEventData = (campaign: CampaignRow, c: { id: string; invitationId: string; contactId: string | null; step: number; attempt: number; channel: Channel }, code: string) => ({
  campaignId: campaign.id,
  attemptId: c.id,
  invitationId: c.invitationId,
  contactId: c.contactId,
  step: c.step,
  attempt: c.attempt,
  channel: c.channel,
  reason: code,
});
