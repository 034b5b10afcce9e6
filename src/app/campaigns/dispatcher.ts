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
 * A crash between 1 and 3 leaves rows in `sending`; the ticker turns them
 * into `in_doubt` after the lease, and they are never sent again: a possibly
 * missing message is better than a second one (the test kills a real worker
 * to prove it).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Mailer } from '../../channels/email/port.ts';
import { MailSendError } from '../../channels/email/errors.ts';
import { SmsSendError, type SmsSender } from '../../channels/sms/port.ts';
import { verpAddress } from '../../domain/bounces/verp.ts';
import { nextAttempt, type Channel, type NextAttempt } from '../../domain/campaigns/plan.ts';
import { decide, type AttemptFacts, type RuleSettings, type Verdict } from '../../domain/campaigns/rules.ts';
import { DEFAULT_QUIET_HOURS, isValidTimeZone } from '../../domain/campaigns/schedule.ts';
import { renderInvitationEmail } from '../../domain/invitations/email.ts';
import { renderInvitationSms } from '../../domain/invitations/sms.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { localize } from '../../domain/surveys/localizedText.ts';
import type { Tx } from '../../store/db.ts';
import { findCampaignById, type CampaignRow } from '../../store/repos/campaigns.ts';
import { emitEvent } from '../webhooks/emitEvent.ts';
import type { AppContext } from '../context.ts';
import { invitationToken, unsubscribeToken } from './links.ts';
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

interface Claimed {
  id: string;
  invitationId: string;
  contactId: string | null;
  step: number;
  attempt: number;
  channel: Channel;
  tries: number;
  language: string;
  surveyVersionId: string;
  address: string;
  recipientName: string | null;
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

interface ClaimResult {
  claimed: Claimed[];
  /** Rows looked at (claimed, deferred, skipped or cancelled). */
  decided: number;
  skipped: number;
  deferred: number;
  limited: boolean;
}

async function claimBatch(ctx: AppContext, campaign: CampaignRow, channel: Channel, sender: SenderSettings, batch: number): Promise<ClaimResult> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const allowance = await allowanceOf(tx, campaign, channel, now);
    if (allowance.budgetSpent) {
      await tx.execute(sql`update campaigns set status = 'paused', pause_reason = 'budget', updated_at = ${now} where id = ${campaign.id} and status = 'running'`);
      return { claimed: [], decided: 0, skipped: 0, deferred: 0, limited: false };
    }
    const limit = Math.min(batch, allowance.remaining);
    if (limit <= 0) return { claimed: [], decided: 0, skipped: 0, deferred: 0, limited: true };
    const rows = await loadDue(tx, campaign, channel, now, limit);
    const settings: RuleSettings = {
      tenantZone: sender.tenantZone,
      contactHours: sender.contactHours ?? DEFAULT_QUIET_HOURS,
      sendWindow: campaign.sendWindow ?? null,
      tenantFrequencyCapDays: sender.frequencyCapDays,
      requireConsent: campaign.limits.requireConsent ?? [],
    };
    const claimed: Claimed[] = [];
    const updates: Array<{ id: string; status: string; dueAt: Date | null; reason: string | null; address: string | null }> = [];
    const follow: Array<{ row: DueRow; next: NextAttempt }> = [];
    let skipped = 0;
    let deferred = 0;
    for (const row of rows) {
      const verdict: Verdict = decide(factsOf(row), settings, now);
      switch (verdict.kind) {
        case 'send':
          updates.push({ id: row.id, status: 'sending', dueAt: null, reason: null, address: verdict.address });
          claimed.push({
            id: row.id,
            invitationId: row.invitation_id,
            contactId: row.contact_id,
            step: row.step,
            attempt: row.attempt,
            channel,
            tries: row.tries,
            language: row.language ?? 'ru',
            surveyVersionId: row.survey_version_id,
            address: verdict.address,
            recipientName: row.first_name ?? row.full_name,
          });
          break;
        case 'wait':
          deferred += 1;
          updates.push({ id: row.id, status: 'scheduled', dueAt: verdict.until, reason: null, address: null });
          break;
        case 'skip': {
          skipped += 1;
          updates.push({ id: row.id, status: 'skipped', dueAt: null, reason: verdict.reason, address: null });
          const next = verdict.chain ? nextAttempt(campaign.plan, row.step, row.attempt, 'unreachable', now) : null;
          if (next) follow.push({ row, next });
          break;
        }
        case 'cancel':
          updates.push({ id: row.id, status: 'cancelled', dueAt: null, reason: verdict.reason, address: null });
          break;
      }
    }
    await applyUpdates(tx, updates, now);
    await insertFollowing(tx, campaign, follow, now);
    if (claimed.length > 0) await tx.execute(sql`update campaigns set spent = spent + ${claimed.length} where id = ${campaign.id}`);
    return { claimed, decided: rows.length, skipped, deferred, limited: rows.length === limit && limit < batch };
  });
}

type DueRow = {
  id: string;
  invitation_id: string;
  contact_id: string | null;
  step: number;
  attempt: number;
  tries: number;
  language: string | null;
  survey_version_id: string;
  expires_at: Date;
  email: string | null;
  phone: string | null;
  timezone: string | null;
  first_name: string | null;
  full_name: string | null;
  consent_email: boolean | null;
  consent_sms: boolean | null;
  consent_voice: boolean | null;
  last_invited_at: Date | null;
  frequency_cap_days: number | null;
  erased_at: Date | null;
  has_contact: boolean;
  answered: boolean;
  dnc: boolean;
  channel: Channel;
};

async function loadDue(tx: Tx, campaign: CampaignRow, channel: Channel, now: Date, limit: number): Promise<DueRow[]> {
  const dncKind = channel === 'email' ? 'email' : 'phone';
  const result = await tx.execute<DueRow>(sql`
    select a.id, a.invitation_id, a.contact_id, a.step, a.attempt, a.tries, a.channel,
           i.language, i.survey_version_id, i.expires_at,
           c.email, c.phone, c.timezone, c.first_name, c.full_name, c.consent_email, c.consent_sms, c.consent_voice,
           c.last_invited_at, c.frequency_cap_days, c.erased_at, c.id is not null as has_contact,
           exists (select 1 from responses r where r.invitation_id = a.invitation_id) as answered,
           exists (select 1 from do_not_contact d where d.tenant_id = a.tenant_id and d.kind = ${dncKind}
                   and d.value = ${channel === 'email' ? sql`c.email` : sql`c.phone`}) as dnc
    from campaign_attempts a
    join invitations i on i.id = a.invitation_id
    left join contacts c on c.id = a.contact_id
    where a.campaign_id = ${campaign.id} and a.channel = ${channel} and a.status = 'scheduled' and a.due_at <= ${now}
    order by a.due_at
    limit ${limit}
    for update of a skip locked`);
  return result.rows.map((r) => ({ ...r, expires_at: new Date(r.expires_at), last_invited_at: r.last_invited_at && new Date(r.last_invited_at), erased_at: r.erased_at && new Date(r.erased_at) }));
}

const zoneValidity = new Map<string, boolean>();
function knownZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = isValidTimeZone(zone);
    if (zoneValidity.size < 10_000) zoneValidity.set(zone, valid);
  }
  return valid;
}

function factsOf(row: DueRow): AttemptFacts {
  return {
    channel: row.channel,
    step: row.step,
    attempt: row.attempt,
    answered: row.answered,
    invitationExpiresAt: row.expires_at,
    contact: row.has_contact
      ? {
          erased: row.erased_at !== null,
          email: row.email,
          phone: row.phone,
          // A zone the time library cannot read (typed by hand long ago): the organisation's zone decides.
          timezone: row.timezone && knownZone(row.timezone) ? row.timezone : null,
          consent: { email: row.consent_email, sms: row.consent_sms, voice: row.consent_voice },
          lastInvitedAt: row.last_invited_at,
          frequencyCapDays: row.frequency_cap_days,
        }
      : null,
    doNotContact: row.dnc,
  };
}

/** How many more this channel may send now: the campaign's per-minute limit and its budget. */
async function allowanceOf(tx: Tx, campaign: CampaignRow, channel: Channel, now: Date): Promise<{ remaining: number; budgetSpent: boolean }> {
  let remaining = Number.POSITIVE_INFINITY;
  const perMinute = channel === 'voice' ? undefined : campaign.limits.perMinute?.[channel];
  if (perMinute) {
    const result = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from campaign_attempts
      where campaign_id = ${campaign.id} and channel = ${channel} and claimed_at > ${new Date(now.getTime() - MINUTE_MS)}`);
    remaining = Math.max(0, perMinute - result.rows[0]!.n);
  }
  const max = campaign.limits.maxMessages;
  if (max) {
    // The counter, read under the campaign's row lock, so two dispatchers cannot both spend the last message.
    const result = await tx.execute<{ spent: number }>(sql`select spent from campaigns where id = ${campaign.id} for update`);
    const left = max - result.rows[0]!.spent;
    if (left <= 0) return { remaining: 0, budgetSpent: true };
    remaining = Math.min(remaining, left);
  }
  return { remaining, budgetSpent: false };
}

async function applyUpdates(tx: Tx, updates: Array<{ id: string; status: string; dueAt: Date | null; reason: string | null; address: string | null }>, now: Date) {
  if (updates.length === 0) return;
  await tx.execute(sql`
    update campaign_attempts a set
      status = v.status,
      due_at = coalesce(v.due_at, a.due_at),
      reason = v.reason,
      address = coalesce(v.address, a.address),
      claimed_at = case when v.status = 'sending' then ${now}::timestamptz else a.claimed_at end,
      updated_at = ${now}
    from (select unnest(${sql.param(updates.map((u) => u.id))}::uuid[]) as id, unnest(${sql.param(updates.map((u) => u.status))}::text[]) as status,
                 unnest(${sql.param(updates.map((u) => u.dueAt?.toISOString() ?? null))}::timestamptz[]) as due_at,
                 unnest(${sql.param(updates.map((u) => u.reason))}::text[]) as reason, unnest(${sql.param(updates.map((u) => u.address))}::text[]) as address) v
    where a.id = v.id`);
}

/** The deterministic id of an attempt, the same as the planner's SQL: md5 of `<invitation>:<step>:<attempt>` as a UUID. */
export function attemptId(invitationId: string, step: number, attempt: number): string {
  const h = createHash('md5').update(`${invitationId}:${step}:${attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function insertFollowing(tx: Tx, campaign: CampaignRow, follow: Array<{ row: { invitation_id: string; contact_id: string | null }; next: NextAttempt }>, now: Date) {
  if (follow.length === 0) return;
  await tx.execute(sql`
    insert into campaign_attempts (id, tenant_id, campaign_id, invitation_id, contact_id, step, attempt, channel, status, due_at, updated_at)
    select v.id, ${campaign.tenantId}, ${campaign.id}, v.invitation_id, v.contact_id, v.step, v.attempt, v.channel, 'scheduled', v.due_at, ${now}
    from (select unnest(${sql.param(follow.map((f) => attemptId(f.row.invitation_id, f.next.step, f.next.attempt)))}::uuid[]) as id,
                 unnest(${sql.param(follow.map((f) => f.row.invitation_id))}::uuid[]) as invitation_id,
                 unnest(${sql.param(follow.map((f) => f.row.contact_id))}::uuid[]) as contact_id,
                 unnest(${sql.param(follow.map((f) => f.next.step))}::smallint[]) as step,
                 unnest(${sql.param(follow.map((f) => f.next.attempt))}::smallint[]) as attempt,
                 unnest(${sql.param(follow.map((f) => f.next.channel))}::text[]) as channel,
                 unnest(${sql.param(follow.map((f) => f.next.dueAt.toISOString()))}::timestamptz[]) as due_at) v
    on conflict do nothing`);
}

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

/** The message of an attempt, as it will be (or was) sent: also what "preview" and "test send" show. */
export function renderAttemptMessage(
  ctx: AppContext,
  campaign: CampaignRow,
  sender: SenderSettings,
  attempt: { invitationId: string; step: number; channel: Channel; language: string; recipientName: string | null },
  definition: SurveyDefinition,
): { channel: 'email'; subject: string; text: string; html: string; unsubscribeUrl: string } | { channel: 'sms'; text: string } | { channel: 'voice' } {
  const base = ctx.config.http.publicUrl;
  const url = `${base}/s/${invitationToken(ctx.config.secretKey, attempt.invitationId)}`;
  const template = campaign.plan.steps[attempt.step]?.template ?? {};
  const lang = definition.languages.includes(attempt.language) ? attempt.language : definition.defaultLanguage;
  const words = (text: { ru?: string | undefined; en?: string | undefined } | undefined) =>
    text ? (localize(text as Record<string, string>, lang, definition.defaultLanguage) ?? undefined) : undefined;
  if (attempt.channel === 'email') {
    const unsubscribeUrl = `${base}/u/${unsubscribeToken(ctx.config.secretKey, attempt.invitationId)}`;
    const email = renderInvitationEmail({
      definition,
      language: lang,
      respondentUrl: url,
      unsubscribeUrl,
      brand: { name: sender.brandName },
      ...(attempt.recipientName ? { recipientName: attempt.recipientName } : {}),
      ...(words(template.subject) ? { subject: words(template.subject)! } : {}),
      ...(words(template.intro) ? { intro: words(template.intro)! } : {}),
    });
    return { channel: 'email', subject: email.subject, text: email.text, html: email.html, unsubscribeUrl };
  }
  if (attempt.channel === 'sms') {
    const intro = words(template.intro);
    return { channel: 'sms', text: renderInvitationSms({ language: lang, brandName: sender.brandName, url, ...(intro ? { intro } : {}) }) };
  }
  return { channel: 'voice' };
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

/**
 * Attempts left `sending` longer than the lease by a worker that died. Those it
 * had not yet handed to the channel go back to the queue (nothing left us);
 * those it had are in doubt and never sent again, and the chain goes on.
 * Not while the campaign's dispatcher lock is held: that dispatcher is alive
 * and will record its attempts itself (a slow relay, a loaded machine).
 */
export async function settleAbandoned(ctx: AppContext, leaseMs: number): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const result = await tx.execute<{ id: string; campaign_id: string; invitation_id: string; contact_id: string | null; step: number; attempt: number; handed: boolean }>(sql`
      with stale as materialized (
        select id, campaign_id from campaign_attempts where status = 'sending' and claimed_at < ${new Date(now.getTime() - leaseMs)} for update skip locked
      )
      update campaign_attempts set
        status = case when handed_at is null then 'scheduled' else 'in_doubt' end,
        reason = case when handed_at is null then reason else 'worker_lost' end,
        claimed_at = case when handed_at is null then null else claimed_at end,
        updated_at = ${now}
      where id in (select id from stale where pg_try_advisory_xact_lock(hashtextextended('campaign-dispatch:' || campaign_id::text, 0)))
      returning id, campaign_id, invitation_id, contact_id, step, attempt, handed_at is not null as handed`);
    const byCampaign = new Map<string, typeof result.rows>();
    for (const row of result.rows) byCampaign.set(row.campaign_id, [...(byCampaign.get(row.campaign_id) ?? []), row]);
    for (const [campaignId, rows] of byCampaign) {
      const campaign = await findCampaignById(tx, campaignId);
      if (!campaign) continue;
      const returned = rows.filter((row) => !row.handed).length;
      // The budget counted them at the claim; they were never sent.
      if (returned > 0) await tx.execute(sql`update campaigns set spent = greatest(0, spent - ${returned}) where id = ${campaignId}`);
      const follow = rows.flatMap((row) => {
        const next = row.handed ? nextAttempt(campaign.plan, row.step, row.attempt, 'sent', now) : null;
        return next ? [{ row, next }] : [];
      });
      await insertFollowing(tx, campaign, follow, now);
    }
    return result.rows.filter((row) => row.handed).length;
  });
}
