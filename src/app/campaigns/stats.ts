/**
 * A campaign's monitor: per channel, how many messages were planned, sent,
 * delivered, and how many of the people they reached opened, started and
 * completed the survey; and the same per person overall. Straight from the
 * attempt and response rows, so the numbers are what happened, not estimates.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { channelFunnels, type ChannelFunnelCounts } from '../../store/repos/campaignFunnel.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { getCampaign } from './campaigns.ts';

/** Per channel: planned, scheduled, sent, delivered … and the people reached who opened, started, completed (see store/repos/campaignFunnel.ts). */
export type ChannelFunnel = ChannelFunnelCounts;

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
  const channels = await channelFunnels(ctx.db, { tenantId, campaignId });
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
    channels,
    reasons: Object.fromEntries(reasons.rows.map((r) => [r.reason, r.n])),
    at: ctx.clock.now().toISOString(),
  };
}
