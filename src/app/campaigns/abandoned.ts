import { sql } from 'drizzle-orm';
import { nextAttempt } from '../../domain/campaigns/plan.ts';
import { findCampaignById } from '../../store/repos/campaigns.ts';
import type { AppContext } from '../context.ts';
import { insertFollowing } from './attempts.ts';

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
