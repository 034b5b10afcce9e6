import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { campaignAttempts, campaigns } from '../schema/index.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignAttemptRow = typeof campaignAttempts.$inferSelect;
export type CampaignStatus = 'draft' | 'running' | 'paused' | 'completed' | 'cancelled';

export async function insertCampaign(q: Queryable, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [created] = await q.insert(campaigns).values(row).returning();
  return created!;
}

export async function findCampaign(q: Queryable, tenantId: string, campaignId: string, opts: { forUpdate?: boolean } = {}): Promise<CampaignRow | null> {
  const query = q
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)))
    .limit(1);
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** For jobs, which carry only the campaign id. */
export async function findCampaignById(q: Queryable, campaignId: string, opts: { forUpdate?: boolean } = {}): Promise<CampaignRow | null> {
  const query = q.select().from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function listCampaigns(q: Queryable, tenantId: string, opts: { limit: number; status?: CampaignStatus }): Promise<CampaignRow[]> {
  return q
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, tenantId), opts.status ? eq(campaigns.status, opts.status) : undefined))
    .orderBy(desc(campaigns.createdAt))
    .limit(opts.limit);
}

export async function updateCampaign(q: Queryable, tenantId: string, campaignId: string, patch: Partial<typeof campaigns.$inferInsert>): Promise<CampaignRow | null> {
  const rows = await q
    .update(campaigns)
    .set(patch)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)))
    .returning();
  return rows[0] ?? null;
}

/** Running campaigns of every tenant with their earliest scheduled attempt due by `now`: what the ticker hands to dispatchers. */
export async function campaignsWithDueAttempts(q: Queryable, now: Date): Promise<Array<{ id: string }>> {
  const result = await q.execute<{ id: string }>(sql`
    select c.id from campaigns c
    where c.status = 'running'
      and exists (select 1 from campaign_attempts a where a.campaign_id = c.id and a.status = 'scheduled' and a.due_at <= ${now})`);
  return result.rows;
}

/** Running list campaigns whose planning is done and that have nothing left to send or wait for. */
export async function finishDoneCampaigns(q: Queryable, now: Date): Promise<string[]> {
  const result = await q.execute<{ id: string }>(sql`
    update campaigns c set status = 'completed', finished_at = ${now}, updated_at = ${now}
    where c.status = 'running' and c.plan_status = 'done' and c.audience->>'kind' = 'contacts'
      and not exists (select 1 from campaign_attempts a where a.campaign_id = c.id and a.status in ('scheduled', 'sending'))
    returning c.id`);
  return result.rows.map((r) => r.id);
}

/** Cancels what is still waiting: a cancelled campaign, an answered or unsubscribed person. */
export async function cancelScheduledAttempts(
  q: Queryable,
  where: { campaignId?: string; invitationId?: string; contactId?: string; channel?: string },
  reason: string,
  now: Date,
): Promise<number> {
  const conditions = [eq(campaignAttempts.status, 'scheduled')];
  if (where.campaignId) conditions.push(eq(campaignAttempts.campaignId, where.campaignId));
  if (where.invitationId) conditions.push(eq(campaignAttempts.invitationId, where.invitationId));
  if (where.contactId) conditions.push(eq(campaignAttempts.contactId, where.contactId));
  if (where.channel) conditions.push(eq(campaignAttempts.channel, where.channel));
  const rows = await q
    .update(campaignAttempts)
    .set({ status: 'cancelled', reason, updatedAt: now })
    .where(and(...conditions))
    .returning({ id: campaignAttempts.id });
  return rows.length;
}

export async function findAttempt(q: Queryable, tenantId: string, attemptId: string): Promise<CampaignAttemptRow | null> {
  const rows = await q
    .select()
    .from(campaignAttempts)
    .where(and(eq(campaignAttempts.tenantId, tenantId), eq(campaignAttempts.id, attemptId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findAttemptById(q: Queryable, attemptId: string): Promise<CampaignAttemptRow | null> {
  const rows = await q.select().from(campaignAttempts).where(eq(campaignAttempts.id, attemptId)).limit(1);
  return rows[0] ?? null;
}

/** The attempt an SMSC message id (one of its parts) belongs to. */
export async function findAttemptByProviderId(q: Queryable, providerId: string): Promise<CampaignAttemptRow | null> {
  // The inner query (fenced by OFFSET 0) finds the few rows through the GIN index; with ORDER BY and
  // LIMIT over the whole table, PostgreSQL would rather scan it all (38 ms at 40,000 rows, seconds at a million).
  const result = await q.execute<{ id: string }>(sql`
    select id from (select id, sent_at from campaign_attempts where provider_ids @> array[${providerId}]::text[] offset 0) found
    -- An SMSC may reuse ids over months (after a restart): a receipt is about the latest message.
    order by sent_at desc nulls last limit 1`);
  const id = result.rows[0]?.id;
  return id ? findAttemptById(q, id) : null;
}

export async function listAttempts(
  q: Queryable,
  tenantId: string,
  campaignId: string,
  opts: { limit: number; statuses?: string[] },
): Promise<CampaignAttemptRow[]> {
  return q
    .select()
    .from(campaignAttempts)
    .where(
      and(
        eq(campaignAttempts.tenantId, tenantId),
        eq(campaignAttempts.campaignId, campaignId),
        opts.statuses?.length ? inArray(campaignAttempts.status, opts.statuses) : undefined,
      ),
    )
    .orderBy(desc(campaignAttempts.updatedAt))
    .limit(opts.limit);
}

export async function deleteCampaignRow(q: Queryable, tenantId: string, campaignId: string): Promise<void> {
  await q.delete(campaigns).where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)));
}
