/**
 * The dispatcher's claim (step 1): lock due attempts with SKIP LOCKED, apply
 * the rules before a send to each (rules.ts), and write the verdicts —
 * `sending`, a later due time, skipped (with the next step scheduled at once),
 * cancelled — in one transaction, within the campaign's per-minute limit and budget.
 */
import { sql } from 'drizzle-orm';
import { nextAttempt, type Channel, type NextAttempt } from '../../domain/campaigns/plan.ts';
import { decide, type AttemptFacts, type RuleSettings, type Verdict } from '../../domain/campaigns/rules.ts';
import { DEFAULT_QUIET_HOURS, isValidTimeZone } from '../../domain/campaigns/schedule.ts';
import type { Tx } from '../../store/db.ts';
import type { CampaignRow } from '../../store/repos/campaigns.ts';
import type { AppContext } from '../context.ts';
import { insertFollowing } from './attempts.ts';
import type { SenderSettings } from './senderSettings.ts';

const MINUTE_MS = 60_000;

/** An attempt claimed for sending, with what sending it needs. */
export interface Claimed {
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

interface ClaimResult {
  claimed: Claimed[];
  /** Rows looked at (claimed, deferred, skipped or cancelled). */
  decided: number;
  skipped: number;
  deferred: number;
  limited: boolean;
}

/** Step 1: one transaction claims a batch of due attempts and writes every verdict of the rules. */
export async function claimBatch(ctx: AppContext, campaign: CampaignRow, channel: Channel, sender: SenderSettings, batch: number): Promise<ClaimResult> {
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
