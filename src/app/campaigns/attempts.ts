/** The attempt rows' shared pieces: the deterministic id and scheduling the next ones. */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { NextAttempt } from '../../domain/campaigns/plan.ts';
import type { Tx } from '../../store/db.ts';
import type { CampaignRow } from '../../store/repos/campaigns.ts';

/** The deterministic id of an attempt, the same as the planner's SQL: md5 of `<invitation>:<step>:<attempt>` as a UUID. */
export function attemptId(invitationId: string, step: number, attempt: number): string {
  const h = createHash('md5').update(`${invitationId}:${step}:${attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Schedules what follows a batch of attempts (the chain's next message); repeats add nothing. */
export async function insertFollowing(tx: Tx, campaign: CampaignRow, follow: Array<{ row: { invitation_id: string; contact_id: string | null }; next: NextAttempt }>, now: Date) {
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
