import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import type { TopicPolarityMap } from '../schema/comments.ts';

/** An open-text answer of a response changed since the last run. */
export interface ChangedComment {
  answerId: number;
  surveyId: string;
  responseId: string;
  text: string | null;
  /** The response's NPS (or eNPS) score, null when it has none. */
  npsScore: number | null;
  /** Completed, not a test, and some text: worth an analysis. Otherwise any old analysis goes. */
  qualifies: boolean;
  /** responses.updated_at as PostgreSQL prints it (full precision), for the keyset and the watermark. */
  updatedAt: string;
}

export interface CommentScanCursor {
  updatedAt: string;
  answerId: number;
}

export async function listCommentTenants(q: Queryable, tenantId?: string): Promise<string[]> {
  const only = tenantId ? sql`where id = ${tenantId}` : sql``;
  const { rows } = await q.execute<{ id: string }>(sql`select id from tenants ${only} order by id`);
  return rows.map((r) => r.id);
}

/** Locks the tenant's comment watermark for the transaction (creating it on first use); returns how far the job has read, as text. */
export async function lockCommentWatermark(q: Queryable, tenantId: string): Promise<string | null> {
  await q.execute(sql`insert into comment_watermarks (tenant_id, seen_through) values (${tenantId}, null) on conflict (tenant_id) do nothing`);
  const { rows } = await q.execute<{ seen_through: string | null }>(
    sql`select seen_through::text as seen_through from comment_watermarks where tenant_id = ${tenantId} for update`,
  );
  return rows[0]?.seen_through ?? null;
}

/** Moves the watermark forward (never back) to `seenThrough`. */
export async function advanceCommentWatermark(q: Queryable, tenantId: string, seenThrough: string | null, ranAt: Date): Promise<void> {
  await q.execute(sql`
    update comment_watermarks
       set seen_through = greatest(seen_through, ${seenThrough}::timestamptz), ran_at = ${ranAt}
     where tenant_id = ${tenantId}`);
}

/**
 * One batch of open-text answers whose response changed after `since` (all
 * when null), in (updated_at, answer id) order after `after`.
 */
export async function findChangedComments(
  q: Queryable,
  tenantId: string,
  opts: { since: string | null; lookBackMs: number; after: CommentScanCursor | null; limit: number },
): Promise<ChangedComment[]> {
  const since = opts.since ? sql`and r.updated_at > ${opts.since}::timestamptz - make_interval(secs => ${opts.lookBackMs / 1000})` : sql``;
  // The plain bound on updated_at lets the (tenant_id, updated_at) index start at the cursor; the row
  // comparison alone cannot, and each batch would read the tenant's responses from the start again.
  const after = opts.after
    ? sql`and r.updated_at >= ${opts.after.updatedAt}::timestamptz and (r.updated_at, a.id) > (${opts.after.updatedAt}::timestamptz, ${opts.after.answerId}::bigint)`
    : sql``;
  const { rows } = await q.execute<{
    answer_id: string | number;
    survey_id: string;
    response_id: string;
    text: string | null;
    nps_score: number | null;
    qualifies: boolean;
    updated_at: string;
  }>(sql`
    select a.id as answer_id, r.survey_id, r.id as response_id, a.text,
           (select n.score from answers n
             where n.tenant_id = r.tenant_id and n.response_id = r.id and n.metric_key in ('nps', 'enps') and n.score is not null
             order by n.metric_key <> 'nps', n.id limit 1) as nps_score,
           (r.status = 'completed' and not r.test and coalesce(btrim(a.text), '') <> '') as qualifies,
           r.updated_at::text as updated_at
      from responses r
      join answers a on a.tenant_id = r.tenant_id and a.response_id = r.id and a.question_type = 'open_text'
     where r.tenant_id = ${tenantId} ${since} ${after}
     order by r.updated_at, a.id
     limit ${opts.limit}`);
  return rows.map((r) => ({
    answerId: Number(r.answer_id),
    surveyId: r.survey_id,
    responseId: r.response_id,
    text: r.text,
    npsScore: r.nps_score === null ? null : Number(r.nps_score),
    qualifies: r.qualifies,
    updatedAt: r.updated_at,
  }));
}

export interface CommentAnalysisInsert {
  answerId: number;
  surveyId: string;
  responseId: string;
  language: string;
  text: string;
  topics: string[];
  topicPolarity: TopicPolarityMap;
  npsScore: number | null;
  sentimentScore: number;
  sentimentLabel: string;
  finalLabel: string;
  disagreement: boolean;
  taxonomyVersion: number;
}

/**
 * Inserts or replaces the analyses in one statement; a row whose inputs did not change is left alone.
 * The response's completion time, attributes and channel are copied from the response as it is now
 * (what the explorer filters and sorts on), so a response changed since its analysis updates them.
 */
export async function upsertCommentAnalyses(q: Queryable, tenantId: string, rows: CommentAnalysisInsert[], analysedAt: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = JSON.stringify(
    rows.map((r) => ({
      answer_id: r.answerId, survey_id: r.surveyId, response_id: r.responseId, language: r.language, text: r.text, topics: r.topics,
      topic_polarity: r.topicPolarity, nps_score: r.npsScore, sentiment_score: r.sentimentScore, sentiment_label: r.sentimentLabel,
      final_label: r.finalLabel, disagreement: r.disagreement, taxonomy_version: r.taxonomyVersion,
    })),
  );
  const result = await q.execute(sql`
    insert into comment_analyses as c (answer_id, tenant_id, survey_id, response_id, language, text, topics, topic_polarity, nps_score,
                                       sentiment_score, sentiment_label, final_label, disagreement, taxonomy_version, analysed_at,
                                       completed_at, attributes, channel)
    select x.answer_id, ${tenantId}::uuid, x.survey_id, x.response_id, x.language, x.text,
           array(select jsonb_array_elements_text(x.topics)), x.topic_polarity, x.nps_score,
           x.sentiment_score, x.sentiment_label, x.final_label, x.disagreement, x.taxonomy_version, ${analysedAt}::timestamptz,
           r.completed_at, r.attributes, r.channel
      from jsonb_to_recordset(${payload}::jsonb) as x(
             answer_id bigint, survey_id uuid, response_id uuid, language text, text text, topics jsonb, topic_polarity jsonb,
             nps_score smallint, sentiment_score real, sentiment_label text, final_label text, disagreement boolean, taxonomy_version int)
      left join responses r on r.id = x.response_id and r.tenant_id = ${tenantId}::uuid
    on conflict (answer_id) do update set
           survey_id = excluded.survey_id, response_id = excluded.response_id, language = excluded.language, text = excluded.text,
           topics = excluded.topics, topic_polarity = excluded.topic_polarity, nps_score = excluded.nps_score,
           sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label, final_label = excluded.final_label,
           disagreement = excluded.disagreement, taxonomy_version = excluded.taxonomy_version, analysed_at = excluded.analysed_at,
           completed_at = excluded.completed_at, attributes = excluded.attributes, channel = excluded.channel
     where c.tenant_id = excluded.tenant_id
       and (c.text, c.nps_score, c.taxonomy_version, c.topics, c.topic_polarity, c.sentiment_label, c.final_label, c.language,
            c.completed_at, c.attributes, c.channel)
           is distinct from
           (excluded.text, excluded.nps_score, excluded.taxonomy_version, excluded.topics, excluded.topic_polarity, excluded.sentiment_label,
            excluded.final_label, excluded.language, excluded.completed_at, excluded.attributes, excluded.channel)`);
  return result.rowCount ?? 0;
}

export async function deleteCommentAnalyses(q: Queryable, tenantId: string, answerIds: number[]): Promise<number> {
  if (answerIds.length === 0) return 0;
  const result = await q.execute(sql`delete from comment_analyses where tenant_id = ${tenantId} and answer_id = any(${sql.param(answerIds)}::bigint[])`);
  return result.rowCount ?? 0;
}

// ---------------------------------------------------------------- explorer

export type SentimentFilter = 'negative' | 'neutral' | 'positive';

export interface CommentFilter {
  tenantId: string;
  /** One comment only (after a correction, say). */
  answerId?: number | undefined;
  surveyId?: string | undefined;
  q?: string | undefined;
  topic?: string | undefined;
  sentiment?: SentimentFilter | undefined;
  scoreMin?: number | undefined;
  scoreMax?: number | undefined;
  dimension?: string | undefined;
  value?: string | undefined;
  /** Inclusive local dates (YYYY-MM-DD) in the tenant's time zone, on completion. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Each language searched with its own configuration, so "ожидание" and "waiting" are stemmed as their text was. */
export function searchCondition(query: string): SQL {
  const q = sql`translate(${query}::text, 'ёЁ', 'еЕ')`;
  return sql`((c.language = 'ru' and c.search @@ websearch_to_tsquery('russian', ${q}))
           or (c.language = 'en' and c.search @@ websearch_to_tsquery('english', ${q}))
           or (c.language = 'other' and c.search @@ websearch_to_tsquery('simple', ${q})))`;
}

/** Conditions on the response `r` for topic impact, whose population is every respondent in the filter, commenting or not. */
function responseConditions(f: CommentFilter): SQL[] {
  const out: SQL[] = [sql`r.tenant_id = ${f.tenantId}`, sql`r.status = 'completed'`, sql`not r.test`];
  if (f.surveyId) out.push(sql`r.survey_id = ${f.surveyId}`);
  if (f.dimension !== undefined && f.value !== undefined) {
    out.push(f.dimension === 'channel' ? sql`r.channel = ${f.value}` : sql`r.attributes @> jsonb_build_object(${f.dimension}::text, ${f.value}::text)`);
  }
  const tz = sql`(select timezone from tenants where id = ${f.tenantId})`;
  if (f.from) out.push(sql`r.completed_at >= (${f.from}::date::timestamp at time zone ${tz})`);
  if (f.to) out.push(sql`r.completed_at < ((${f.to}::date + 1)::timestamp at time zone ${tz})`);
  return out;
}

/**
 * The explorer's conditions on the analysis `c` alone: the response's survey, channel, attributes and
 * completion time as the comment job last copied them (store/schema/comments.ts), so that a page is
 * found through comment_analyses' own indexes, newest first, without visiting a response per candidate.
 * `timezone` is the tenant's, given as a value (not a subquery) so that the planner sees the period's
 * bounds and can tell a year from a day.
 */
function analysisConditions(f: CommentFilter, timezone: string | null): SQL[] {
  const out: SQL[] = [sql`c.tenant_id = ${f.tenantId}`];
  if (f.surveyId) out.push(sql`c.survey_id = ${f.surveyId}`);
  if (f.dimension !== undefined && f.value !== undefined) {
    out.push(f.dimension === 'channel' ? sql`c.channel = ${f.value}` : sql`c.attributes @> jsonb_build_object(${f.dimension}::text, ${f.value}::text)`);
  }
  if (f.from) out.push(sql`c.completed_at >= (${f.from}::date::timestamp at time zone ${timezone}::text)`);
  if (f.to) out.push(sql`c.completed_at < ((${f.to}::date + 1)::timestamp at time zone ${timezone}::text)`);
  return out;
}

async function tenantTimezone(q: Queryable, tenantId: string): Promise<string | null> {
  const { rows } = await q.execute<{ timezone: string }>(sql`select timezone from tenants where id = ${tenantId}`);
  return rows[0]?.timezone ?? null;
}

export interface CommentRow {
  answerId: number;
  surveyId: string;
  responseId: string;
  anonymous: boolean;
  contactId: string | null;
  channel: string;
  attributes: Record<string, string>;
  completedAt: Date;
  language: string;
  text: string;
  topics: string[];
  topicPolarity: TopicPolarityMap;
  npsScore: number | null;
  sentimentScore: number;
  sentimentLabel: SentimentFilter;
  finalLabel: SentimentFilter;
  disagreement: boolean;
  /** An analyst's correction decides topics and the final label. */
  corrected: boolean;
}

/** Position of a comment in the explorer's order (newest completion first), within the tenant. */
export async function commentPosition(q: Queryable, tenantId: string, answerId: number): Promise<{ completedAt: string; answerId: number } | null> {
  const { rows } = await q.execute<{ completed_at: string }>(sql`
    select c.completed_at::text as completed_at from comment_analyses c
     where c.tenant_id = ${tenantId} and c.answer_id = ${answerId} and c.completed_at is not null`);
  return rows[0] ? { completedAt: rows[0].completed_at, answerId } : null;
}

/**
 * A page of the explorer, newest completion first. Filtered and ordered on the analysis's own copy of
 * the response's completion time, attributes and channel (index comment_analyses_tenant_completed_idx);
 * the response is only read for the rows found (still completed and not a test, its anonymity and
 * contact), and the row shows the values it was filtered and ordered on.
 */
export async function listComments(
  q: Queryable,
  f: CommentFilter,
  opts: { before: { completedAt: string; answerId: number } | null; limit: number },
): Promise<CommentRow[]> {
  const where = analysisConditions(f, f.from || f.to ? await tenantTimezone(q, f.tenantId) : null);
  where.push(sql`r.status = 'completed'`, sql`not r.test`);
  if (f.answerId !== undefined) where.push(sql`c.answer_id = ${f.answerId}`);
  if (f.q) where.push(searchCondition(f.q));
  // With a search term, the text index narrows the candidates and the topic is checked on them: the same
  // test written so the topic index (a posting list of up to a third of all comments) is not read as well,
  // which the planner underprices. Without one, the topic index can find a rare topic's comments.
  if (f.topic) where.push(f.q ? sql`${f.topic}::text = any(c.topics)` : sql`c.topics @> array[${f.topic}]::text[]`);
  if (f.sentiment) where.push(sql`c.final_label = ${f.sentiment}`);
  if (f.scoreMin !== undefined) where.push(sql`c.nps_score >= ${f.scoreMin}`);
  if (f.scoreMax !== undefined) where.push(sql`c.nps_score <= ${f.scoreMax}`);
  if (opts.before) {
    where.push(sql`c.completed_at <= ${opts.before.completedAt}::timestamptz`);
    where.push(sql`(c.completed_at, c.answer_id) < (${opts.before.completedAt}::timestamptz, ${opts.before.answerId}::bigint)`);
  }
  const { rows } = await q.execute<{
    answer_id: string | number; survey_id: string; response_id: string; anonymous: boolean; contact_id: string | null; channel: string;
    attributes: Record<string, string>; completed_at: Date | string; language: string; text: string; topics: string[];
    topic_polarity: TopicPolarityMap; nps_score: number | null; sentiment_score: number; sentiment_label: SentimentFilter;
    final_label: SentimentFilter; disagreement: boolean; corrected: boolean;
  }>(sql`
    select c.answer_id, c.survey_id, c.response_id, r.anonymous, r.contact_id,
           coalesce(c.channel, r.channel) as channel, coalesce(c.attributes, r.attributes) as attributes,
           coalesce(c.completed_at, r.completed_at) as completed_at,
           c.language, c.text, c.topics, c.topic_polarity, c.nps_score, c.sentiment_score, c.sentiment_label, c.final_label, c.disagreement,
           exists (select 1 from comment_corrections k where k.answer_id = c.answer_id and k.tenant_id = c.tenant_id) as corrected
      from comment_analyses c
      join responses r on r.id = c.response_id
     where ${sql.join(where, sql` and `)}
     order by c.completed_at desc nulls last, c.answer_id desc nulls last
     limit ${opts.limit}`);
  return rows.map((r) => ({
    answerId: Number(r.answer_id), surveyId: r.survey_id, responseId: r.response_id, anonymous: r.anonymous, contactId: r.contact_id,
    channel: r.channel, attributes: r.attributes, completedAt: new Date(r.completed_at), language: r.language, text: r.text,
    topics: r.topics, topicPolarity: r.topic_polarity, npsScore: r.nps_score === null ? null : Number(r.nps_score),
    sentimentScore: Number(r.sentiment_score), sentimentLabel: r.sentiment_label, finalLabel: r.final_label, disagreement: r.disagreement,
    corrected: r.corrected,
  }));
}

export interface TopicCounts {
  /** null: every respondent with an NPS score in the filter. */
  topic: string | null;
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * NPS counts per topic over respondents (completed, non-test responses with
 * an NPS score) whose comments mention it, and over all respondents in the
 * filter. One respondent counts once per topic, however many comments.
 */
export async function topicNpsCounts(q: Queryable, f: CommentFilter): Promise<TopicCounts[]> {
  const where = responseConditions(f);
  const { rows } = await q.execute<{ topic: string | null; promoters: number; passives: number; detractors: number }>(sql`
    with pop as (
      select r.id, s.score, coalesce(ct.topics, '{}') as topics
        from responses r
        join lateral (
          select n.score from answers n
           where n.tenant_id = r.tenant_id and n.response_id = r.id and n.metric_key = 'nps' and n.score is not null
           order by n.id limit 1
        ) s on true
        left join lateral (
          select array_agg(distinct t.topic) as topics
            from comment_analyses c cross join unnest(c.topics) as t(topic)
           where c.tenant_id = r.tenant_id and c.response_id = r.id
        ) ct on true
       where ${sql.join(where, sql` and `)}
    ), mentions as (
      select t.topic, pop.score from pop cross join unnest(pop.topics) as t(topic)
      union all
      select null, pop.score from pop
    )
    select topic,
           count(*) filter (where score >= 9)::int as promoters,
           count(*) filter (where score between 7 and 8)::int as passives,
           count(*) filter (where score <= 6)::int as detractors
      from mentions group by topic order by topic nulls first`);
  return rows.map((r) => ({ topic: r.topic, promoters: Number(r.promoters), passives: Number(r.passives), detractors: Number(r.detractors) }));
}
