/**
 * A campaign's monitor: per channel, how many messages were planned, sent,
 * delivered, and how many of the people they reached opened, started and
 * completed the survey; and the same per person overall. Straight from the
 * attempt and response rows, so the numbers are what happened, not estimates.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { getCampaign } from './campaigns.ts';

export interface ChannelFunnel {
  channel: string;
  /** Messages planned (everything but cancelled ones). */
  planned: number;
  /** Waiting for their time (a delay, contact hours, the send window). */
  scheduled: number;
  sent: number;
  /**
   * Email: accepted by the mail relay and not bounced (no receipt exists for email);
   * SMS: confirmed by the operator's delivery receipt.
   */
  delivered: number;
  bounced: number;
  failed: number;
  skipped: number;
  /** Possibly sent by a worker that died mid-send; never sent again. */
  inDoubt: number;
  /** People this channel reached (a message sent) who then opened the link, started, completed. */
  opened: number;
  started: number;
  completed: number;
}

export interface CampaignStats {
  /** Per person (invitation), across channels. */
  people: { planned: number; reached: number; opened: number; started: number; completed: number; stopped: number };
  channels: ChannelFunnel[];
  /** Why messages were not sent, by reason code. */
  reasons: Record<string, number>;
  at: string;
}

export async function campaignStats(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string): Promise<CampaignStats> {
  requireTenantPermission(actor, tenantId, 'campaigns.read');
  await getCampaign(ctx, actor, tenantId, campaignId);
  const channels = await ctx.db.execute<Record<string, number | string>>(sql`
    with per_channel as (
      select a.channel, a.invitation_id,
        bool_or(a.status in ('sent', 'delivered', 'bounced', 'in_doubt')) as reached
      from campaign_attempts a where a.campaign_id = ${campaignId} and a.tenant_id = ${tenantId}
      group by a.channel, a.invitation_id
    ), people as (
      select p.channel, count(*) filter (where p.reached and i.opened_at is not null) as opened,
        count(*) filter (where p.reached and r.id is not null) as started,
        count(*) filter (where p.reached and r.status = 'completed') as completed
      from per_channel p join invitations i on i.id = p.invitation_id
      left join responses r on r.invitation_id = p.invitation_id
      group by p.channel
    )
    select a.channel,
      count(*) filter (where a.status <> 'cancelled')::int as planned,
      count(*) filter (where a.status = 'scheduled')::int as scheduled,
      count(*) filter (where a.status in ('sent', 'delivered', 'bounced', 'in_doubt'))::int as sent,
      count(*) filter (where a.status = 'delivered' or (a.channel = 'email' and a.status = 'sent'))::int as delivered,
      count(*) filter (where a.status = 'bounced')::int as bounced,
      count(*) filter (where a.status = 'failed')::int as failed,
      count(*) filter (where a.status = 'skipped')::int as skipped,
      count(*) filter (where a.status = 'in_doubt')::int as in_doubt,
      coalesce(max(pp.opened), 0)::int as opened, coalesce(max(pp.started), 0)::int as started, coalesce(max(pp.completed), 0)::int as completed
    from campaign_attempts a left join people pp on pp.channel = a.channel
    where a.campaign_id = ${campaignId} and a.tenant_id = ${tenantId}
    group by a.channel order by a.channel`);
  const people = await ctx.db.execute<Record<string, number>>(sql`
    select count(*)::int as planned,
      count(*) filter (where exists (select 1 from campaign_attempts a where a.invitation_id = i.id and a.status in ('sent', 'delivered', 'bounced', 'in_doubt')))::int as reached,
      count(*) filter (where i.opened_at is not null)::int as opened,
      count(r.id)::int as started,
      count(*) filter (where r.status = 'completed')::int as completed,
      count(*) filter (where not exists (select 1 from campaign_attempts a where a.invitation_id = i.id and a.status in ('scheduled', 'sending')) and r.id is null)::int as stopped
    from invitations i left join responses r on r.invitation_id = i.id
    where i.campaign_id = ${campaignId} and i.tenant_id = ${tenantId}`);
  const reasons = await ctx.db.execute<{ reason: string; n: number }>(sql`
    select reason, count(*)::int as n from campaign_attempts
    where campaign_id = ${campaignId} and tenant_id = ${tenantId} and status in ('skipped', 'failed', 'bounced', 'cancelled', 'in_doubt') and reason is not null
    group by reason order by n desc`);
  const p = people.rows[0]!;
  return {
    people: { planned: p.planned!, reached: p.reached!, opened: p.opened!, started: p.started!, completed: p.completed!, stopped: p.stopped! },
    channels: channels.rows.map((r) => ({
      channel: String(r.channel),
      planned: Number(r.planned),
      scheduled: Number(r.scheduled),
      sent: Number(r.sent),
      delivered: Number(r.delivered),
      bounced: Number(r.bounced),
      failed: Number(r.failed),
      skipped: Number(r.skipped),
      inDoubt: Number(r.in_doubt),
      opened: Number(r.opened),
      started: Number(r.started),
      completed: Number(r.completed),
    })),
    reasons: Object.fromEntries(reasons.rows.map((r) => [r.reason, r.n])),
    at: ctx.clock.now().toISOString(),
  };
}
