import { sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';

/**
 * What a tenant teaches its comment engine: its topic lexicon, its analysts'
 * corrections, the classifier learnt from them, and the analyses that an
 * older engine produced (to re-analyse). Every call is tenant-scoped in SQL.
 */

export interface TopicLexiconRow {
  taxonomy: unknown;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export async function findTopicLexicon(q: Queryable, tenantId: string): Promise<TopicLexiconRow | null> {
  const { rows } = await q.execute<{ taxonomy: unknown; version: number; updated_at: Date | string; updated_by: string | null }>(
    sql`select taxonomy, version, updated_at, updated_by from topic_lexicons where tenant_id = ${tenantId}`,
  );
  const r = rows[0];
  return r ? { taxonomy: r.taxonomy, version: Number(r.version), updatedAt: new Date(r.updated_at), updatedBy: r.updated_by } : null;
}

/**
 * Saves the lexicon and bumps its version in one statement: the first save
 * follows `baseVersion` (the starter's), later ones the stored version, so
 * versions only grow even under concurrent saves. Returns the new version.
 */
export async function saveTopicLexicon(
  q: Queryable,
  tenantId: string,
  row: { taxonomy: unknown; baseVersion: number; updatedBy: string | null; at: Date },
): Promise<number> {
  const { rows } = await q.execute<{ version: number }>(sql`
    insert into topic_lexicons as l (tenant_id, taxonomy, version, updated_at, updated_by)
    values (${tenantId}, ${JSON.stringify(row.taxonomy)}::jsonb, ${row.baseVersion + 1}, ${row.at}, ${row.updatedBy})
    on conflict (tenant_id) do update set taxonomy = excluded.taxonomy, version = greatest(l.version, ${row.baseVersion}) + 1,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by
    returning version`);
  return Number(rows[0]!.version);
}

// ---------------------------------------------------------------- corrections

export interface CommentCorrectionRow {
  answerId: number;
  topics: string[];
  sentiment: 'negative' | 'neutral' | 'positive';
  correctedAt: Date;
}

export async function upsertCommentCorrection(
  q: Queryable,
  tenantId: string,
  c: { answerId: number; topics: string[]; sentiment: string; correctedBy: string | null; at: Date },
): Promise<void> {
  await q.execute(sql`
    insert into comment_corrections as k (answer_id, tenant_id, topics, sentiment, corrected_by, corrected_at)
    values (${c.answerId}, ${tenantId}, ${sql.param(c.topics)}::text[], ${c.sentiment}, ${c.correctedBy}, ${c.at})
    on conflict (answer_id) do update set topics = excluded.topics, sentiment = excluded.sentiment,
           corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at
     where k.tenant_id = excluded.tenant_id`);
}

export async function deleteCommentCorrection(q: Queryable, tenantId: string, answerId: number): Promise<boolean> {
  const result = await q.execute(sql`delete from comment_corrections where tenant_id = ${tenantId} and answer_id = ${answerId}`);
  return (result.rowCount ?? 0) > 0;
}

export async function findCommentCorrections(q: Queryable, tenantId: string, answerIds: number[]): Promise<Map<number, CommentCorrectionRow>> {
  if (answerIds.length === 0) return new Map();
  const { rows } = await q.execute<{ answer_id: string | number; topics: string[]; sentiment: CommentCorrectionRow['sentiment']; corrected_at: Date | string }>(sql`
    select answer_id, topics, sentiment, corrected_at from comment_corrections
     where tenant_id = ${tenantId} and answer_id = any(${sql.param(answerIds)}::bigint[])`);
  return new Map(rows.map((r) => [Number(r.answer_id), { answerId: Number(r.answer_id), topics: r.topics, sentiment: r.sentiment, correctedAt: new Date(r.corrected_at) }]));
}

/** Corrected comments with their text, newest correction first: the classifier's training set. */
export async function correctionExamples(q: Queryable, tenantId: string, limit: number): Promise<Array<{ text: string; topics: string[]; sentiment: CommentCorrectionRow['sentiment'] }>> {
  const { rows } = await q.execute<{ text: string; topics: string[]; sentiment: CommentCorrectionRow['sentiment'] }>(sql`
    select c.text, k.topics, k.sentiment
      from comment_corrections k
      join comment_analyses c on c.answer_id = k.answer_id and c.tenant_id = k.tenant_id
     where k.tenant_id = ${tenantId}
     order by k.corrected_at desc, k.answer_id desc
     limit ${limit}`);
  return rows;
}

// ---------------------------------------------------------------- classifier

export interface CommentClassifierRow {
  model: unknown;
  examples: number;
  trainedAt: Date;
}

export async function findCommentClassifier(q: Queryable, tenantId: string): Promise<CommentClassifierRow | null> {
  const { rows } = await q.execute<{ model: unknown; examples: number; trained_at: Date | string }>(
    sql`select model, examples, trained_at from comment_classifiers where tenant_id = ${tenantId}`,
  );
  const r = rows[0];
  return r ? { model: r.model, examples: Number(r.examples), trainedAt: new Date(r.trained_at) } : null;
}

export async function saveCommentClassifier(q: Queryable, tenantId: string, row: { model: unknown; examples: number; at: Date }): Promise<void> {
  await q.execute(sql`
    insert into comment_classifiers (tenant_id, model, examples, trained_at)
    values (${tenantId}, ${JSON.stringify(row.model)}::jsonb, ${row.examples}, ${row.at})
    on conflict (tenant_id) do update set model = excluded.model, examples = excluded.examples, trained_at = excluded.trained_at`);
}

/** One training run per tenant at a time, for the rest of the transaction. */
export async function lockClassifierTraining(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`comments.train:${tenantId}`}))`);
}

// ---------------------------------------------------------------- re-analysis

/** A stored analysis, with what is needed to analyse its comment again. */
export interface StoredComment {
  answerId: number;
  surveyId: string;
  responseId: string;
  text: string;
  npsScore: number | null;
}

const storedColumns = sql`c.answer_id, c.survey_id, c.response_id, c.text, c.nps_score`;
const toStored = (r: { answer_id: string | number; survey_id: string; response_id: string; text: string; nps_score: number | null }): StoredComment => ({
  answerId: Number(r.answer_id), surveyId: r.survey_id, responseId: r.response_id, text: r.text, npsScore: r.nps_score === null ? null : Number(r.nps_score),
});

// "≠ version" spelt as two ranges, so an index on (tenant_id, taxonomy_version) can serve it.
const staleCondition = (version: number) => sql`(c.taxonomy_version < ${version} or c.taxonomy_version > ${version})`;

/**
 * Analyses made by another engine version than `version`, in answer id order
 * after `afterAnswerId`, locked for the transaction: a correction saved
 * meanwhile waits, so a re-analysis never overwrites it with the engine's view.
 */
export async function findStaleAnalyses(q: Queryable, tenantId: string, version: number, afterAnswerId: number, limit: number): Promise<StoredComment[]> {
  const { rows } = await q.execute<Parameters<typeof toStored>[0]>(sql`
    select ${storedColumns} from comment_analyses c
     where c.tenant_id = ${tenantId} and ${staleCondition(version)} and c.answer_id > ${afterAnswerId}
     order by c.answer_id limit ${limit}
       for update`);
  return rows.map(toStored);
}

export async function countStaleAnalyses(q: Queryable, tenantId: string, version: number): Promise<number> {
  const { rows } = await q.execute<{ n: number }>(sql`select count(*)::int as n from comment_analyses c where c.tenant_id = ${tenantId} and ${staleCondition(version)}`);
  return Number(rows[0]?.n ?? 0);
}

/** Locks the stored analyses of these answers (in answer id order) before their corrections are read: see findStaleAnalyses. */
export async function lockCommentAnalyses(q: Queryable, tenantId: string, answerIds: number[]): Promise<void> {
  if (answerIds.length === 0) return;
  await q.execute(sql`
    select answer_id from comment_analyses
     where tenant_id = ${tenantId} and answer_id = any(${sql.param(answerIds)}::bigint[])
     order by answer_id for update`);
}

export async function findStoredComment(q: Queryable, tenantId: string, answerId: number): Promise<StoredComment | null> {
  const { rows } = await q.execute<Parameters<typeof toStored>[0]>(sql`
    select ${storedColumns} from comment_analyses c where c.tenant_id = ${tenantId} and c.answer_id = ${answerId} for update`);
  return rows[0] ? toStored(rows[0]) : null;
}
