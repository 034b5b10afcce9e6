/**
 * Materialises a list campaign: one invitation and one first attempt per
 * person of the audience, chunk by chunk, in set-based SQL (no row passes
 * through Node). Each chunk and the cursor after it commit together, and the
 * invitation's external key (`campaign:<id>:<contact>`) makes a re-run after a
 * crash add nothing twice: only invitations inserted by this statement get a first
 * attempt, so that insert needs no ON CONFLICT of its own (the unique
 * (invitation, step, attempt) still stands guard).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CampaignAudience } from '../../domain/campaigns/plan.ts';
import { DIMENSION_KEY_PATTERN, DIMENSION_VALUE_MAX_LENGTH } from '../../domain/surveys/dimensions.ts';
import type { Tx } from '../../store/db.ts';
import { findCampaignById, type CampaignRow } from '../../store/repos/campaigns.ts';
import { findSurveyWithCurrentVersion } from '../../store/repos/invitations.ts';
import type { AppContext } from '../context.ts';
import { tokenHashSql } from './links.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
export const PLAN_CHUNK = 20_000;

export type PlanProgress = { done: boolean; planned: number };

/** A slice of the audience: contacts whose id's last byte is `index` modulo `of`. */
export interface PlanPartition {
  index: number;
  of: number;
}

/**
 * Partitions planned side by side: the work is PostgreSQL's (index inserts and
 * foreign-key checks), and one statement uses one core; two use both of a
 * small machine.
 */
export const PLAN_PARTITIONS = 2;

/**
 * Plans the next chunk of one partition of a running (or paused) list
 * campaign. Call until `done` for every partition. The campaign row is only
 * locked by the final update, so partitions do not wait for each other's inserts.
 */
export async function planNextChunk(ctx: AppContext, campaignId: string, chunk = PLAN_CHUNK, part: PlanPartition = { index: 0, of: 1 }): Promise<PlanProgress> {
  return ctx.db.transaction(async (tx) => {
    const campaign = await findCampaignById(tx, campaignId);
    if (!campaign || campaign.planStatus === 'done' || campaign.status === 'cancelled' || campaign.status === 'draft') {
      return { done: true, planned: campaign?.planned ?? 0 };
    }
    if (campaign.audience.kind !== 'contacts') {
      await tx.execute(sql`update campaigns set plan_status = 'done' where id = ${campaign.id}`);
      return { done: true, planned: campaign.planned };
    }
    const key = `${part.index}/${part.of}`;
    const cursor = campaign.planCursors[key];
    if (cursor === 'done') return { done: true, planned: campaign.planned };
    const found = await findSurveyWithCurrentVersion(tx, campaign.tenantId, campaign.surveyId);
    if (!found?.version) throw new Error(`campaign ${campaign.id}: its survey has no launched version`);
    const now = ctx.clock.now();
    const { picked, made, last } = await insertChunk(tx, ctx.config.secretKey, campaign, found.version, campaign.audience, chunk, now, cursor ?? null, part);
    const done = picked < chunk;
    const result = await tx.execute<{ planned: number; finished: boolean }>(sql`
      update campaigns set
        plan_cursors = jsonb_set(plan_cursors, array[${key}], to_jsonb(${done ? 'done' : (last ?? cursor ?? null)}::text), true),
        planned = planned + ${made},
        plan_status = 'planning',
        updated_at = ${now}
      where id = ${campaign.id}
      returning planned, (select count(*) from jsonb_each_text(plan_cursors) e where e.value = 'done') >= ${part.of} as finished`);
    const row = result.rows[0]!;
    // Every partition of this plan is done: the whole campaign is planned.
    if (done && row.finished) await tx.execute(sql`update campaigns set plan_status = 'done' where id = ${campaign.id}`);
    return { done, planned: row.planned };
  });
}

async function insertChunk(
  tx: Tx,
  secretKey: string,
  campaign: CampaignRow,
  version: { id: string; definition: { languages: string[]; defaultLanguage: string } },
  audience: Extract<CampaignAudience, { kind: 'contacts' }>,
  chunk: number,
  now: Date,
  cursor: string | null,
  part: PlanPartition,
): Promise<{ picked: number; made: number; last: string | null }> {
  const firstStep = campaign.plan.steps[0]!;
  const launchedAt = campaign.launchedAt ?? now;
  const dueAt = new Date(Math.max(now.getTime(), launchedAt.getTime() + firstStep.delayMinutes * MINUTE_MS));
  const expiresAt = new Date(now.getTime() + campaign.expiresInDays * DAY_MS);
  const { languages, defaultLanguage } = version.definition;
  const keyPattern = DIMENSION_KEY_PATTERN.source;
  const result = await tx.execute<{ picked: number; made: number; last: string | null }>(sql`
    with picked as (
      select c.id as contact_id, c.language, c.attributes, ${timeOrderedUuidSql} as invitation_id
      from contacts c
      where c.tenant_id = ${campaign.tenantId} and c.erased_at is null
        ${cursor ? sql`and c.id > ${cursor}::uuid` : sql``}
        ${part.of > 1 ? sql`and get_byte(uuid_send(c.id), 15) % ${part.of} = ${part.index}` : sql``}
        ${audienceFilter(audience)}
      order by c.id
      limit ${chunk}
    ), made as (
      insert into invitations (id, tenant_id, survey_id, survey_version_id, contact_id, token_hash, channel, language,
                               attributes, external_key, campaign_id, expires_at, created_at)
      select p.invitation_id, ${campaign.tenantId}, ${campaign.surveyId}, ${version.id}, p.contact_id,
             ${tokenHashSql(secretKey, sql`p.invitation_id`)}, ${firstStep.channel},
             case when p.language = any(${sql.param(languages)}::text[]) then p.language else ${defaultLanguage} end,
             (select coalesce(jsonb_object_agg(key, btrim(value)), '{}'::jsonb) from jsonb_each_text(p.attributes)
               where key ~ ${keyPattern} and length(btrim(value)) between 1 and ${DIMENSION_VALUE_MAX_LENGTH}),
             'campaign:' || ${campaign.id} || ':' || p.contact_id, ${campaign.id}, ${expiresAt}, ${now}
      from picked p
      on conflict (tenant_id, external_key) where external_key is not null do nothing
      returning id, contact_id
    ), attempts as (
      insert into campaign_attempts (id, tenant_id, campaign_id, invitation_id, contact_id, step, attempt, channel, status, due_at, updated_at)
      select ${attemptIdSql(sql`m.id`, 0, 1)}, ${campaign.tenantId}, ${campaign.id}, m.id, m.contact_id, 0, 1, ${firstStep.channel}, 'scheduled', ${dueAt}, ${now}
      from made m
      returning 1
    )
    select (select count(*) from picked)::int as picked, (select count(*) from attempts)::int as made,
           (select contact_id::text from picked order by contact_id desc limit 1) as last`);
  return result.rows[0]!;
}

function audienceFilter(audience: Extract<CampaignAudience, { kind: 'contacts' }>): SQL {
  const parts: SQL[] = [];
  const { attributes, regions, languages } = audience.filter;
  for (const [key, values] of Object.entries(attributes ?? {})) parts.push(sql`and c.attributes->>${key} = any(${sql.param(values)}::text[])`);
  if (regions?.length) parts.push(sql`and c.region = any(${sql.param(regions)}::text[])`);
  if (languages?.length) parts.push(sql`and c.language = any(${sql.param(languages)}::text[])`);
  return sql.join(parts, sql` `);
}

/**
 * A new invitation's id: the clock's milliseconds in the first 48 bits, random after
 * (UUIDv7 layout, as imported contacts get), so a million new invitations are appended at
 * the right edge of their primary key and of the attempts' (invitation, step, attempt)
 * key instead of touching random pages of both. The link's secret does not depend on it
 * being unguessable: it is an HMAC of the id under the installation's key.
 */
const timeOrderedUuidSql = sql`(lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid`;

/** The attempt's deterministic id, the same in SQL and in Node: md5 of `<invitation>:<step>:<attempt>` read as a UUID. */
export const attemptIdSql = (invitationId: SQL, step: number, attempt: number) => sql`md5(${invitationId}::text || ${`:${step}:${attempt}`})::uuid`;
