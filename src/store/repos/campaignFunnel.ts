import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';

/** Which attempts a funnel counts: one campaign's, or a tenant's (of one survey) falling due in a period of local dates. */
export type FunnelScope =
  | { tenantId: string; campaignId: string }
  | { tenantId: string; surveyId?: string | undefined; from: string; to: string };

export interface ChannelFunnelCounts {
  channel: string;
  /** Messages planned (everything but cancelled ones). */
  planned: number;
  /** Waiting for their time (a delay, contact hours, the send window). */
  scheduled: number;
  /** Sent, delivered, bounced or in doubt: they left. */
  sent: number;
  /** Email: accepted by the relay and not bounced; SMS: confirmed by a delivery receipt. */
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

function attemptScope(s: FunnelScope): SQL {
  if ('campaignId' in s) return sql`a.campaign_id = ${s.campaignId} and a.tenant_id = ${s.tenantId}`;
  const tz = sql`(select timezone from tenants where id = ${s.tenantId})`;
  const survey = s.surveyId ? sql`and a.campaign_id in (select c.id from campaigns c where c.tenant_id = ${s.tenantId} and c.survey_id = ${s.surveyId})` : sql``;
  return sql`a.tenant_id = ${s.tenantId}
    and a.due_at >= (${s.from}::date::timestamp at time zone ${tz}) and a.due_at < ((${s.to}::date + 1)::timestamp at time zone ${tz}) ${survey}`;
}

/**
 * Per channel: messages planned → sent → delivered, and the people they reached
 * who opened, started and completed the survey. Straight from the attempt and
 * response rows; shared by a campaign's monitor and the dashboard's funnel.
 * With `across: true`, one row (channel 'all') over every channel, where a
 * person reached on two channels counts once.
 */
export async function channelFunnels(q: Queryable, scope: FunnelScope, opts: { across?: boolean } = {}): Promise<ChannelFunnelCounts[]> {
  const where = attemptScope(scope);
  const key = opts.across ? sql`'all'::text` : sql`a.channel`;
  const { rows } = await q.execute<Record<string, number | string>>(sql`
    with per_channel as (
      select ${key} as channel, a.invitation_id,
        bool_or(a.status in ('sent', 'delivered', 'bounced', 'in_doubt')) as reached
      from campaign_attempts a where ${where}
      group by 1, 2
    ), people as (
      select p.channel, count(*) filter (where p.reached and i.opened_at is not null) as opened,
        count(*) filter (where p.reached and r.id is not null) as started,
        count(*) filter (where p.reached and r.status = 'completed') as completed
      from per_channel p join invitations i on i.id = p.invitation_id
      left join responses r on r.invitation_id = p.invitation_id
      group by p.channel
    )
    select ${key} as channel,
      count(*) filter (where a.status <> 'cancelled')::int as planned,
      count(*) filter (where a.status = 'scheduled')::int as scheduled,
      count(*) filter (where a.status in ('sent', 'delivered', 'bounced', 'in_doubt'))::int as sent,
      count(*) filter (where a.status = 'delivered' or (a.channel = 'email' and a.status = 'sent'))::int as delivered,
      count(*) filter (where a.status = 'bounced')::int as bounced,
      count(*) filter (where a.status = 'failed')::int as failed,
      count(*) filter (where a.status = 'skipped')::int as skipped,
      count(*) filter (where a.status = 'in_doubt')::int as in_doubt,
      coalesce(max(pp.opened), 0)::int as opened, coalesce(max(pp.started), 0)::int as started, coalesce(max(pp.completed), 0)::int as completed
    from campaign_attempts a left join people pp on pp.channel = ${key}
    where ${where}
    group by 1 order by 1`);
  return rows.map((r) => ({
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
  }));
}
