import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { SurveyDefinition } from '../../domain/surveys/index.ts';
import type { Queryable } from '../db.ts';
import { surveys, surveyVersions } from '../schema/index.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyVersionRow = typeof surveyVersions.$inferSelect;
export type SurveyStatus = 'draft' | 'active' | 'paused' | 'closed';
export type NewSurvey = Pick<typeof surveys.$inferInsert, 'name' | 'templateId' | 'draft' | 'createdBy'>;
export type SurveyPatch = Partial<Pick<SurveyRow, 'name' | 'draft' | 'currentVersionId' | 'archivedAt'>> & { status?: SurveyStatus };

/** A version without its definition, for lists. */
export interface SurveyVersionSummary {
  id: string;
  version: number;
  fingerprint: string;
  launchedAt: Date;
  questionCount: number;
}

const live = (tenantId: string, surveyId: string) => and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId), isNull(surveys.archivedAt));

export async function insertSurvey(q: Queryable, tenantId: string, input: NewSurvey): Promise<SurveyRow> {
  const rows = await q
    .insert(surveys)
    .values({ ...input, tenantId })
    .returning();
  return rows[0]!;
}

/**
 * A survey that is not archived. `forUpdate` takes a row lock until the
 * transaction ends, so launches and status changes of one survey run one at a time.
 */
export async function findSurvey(q: Queryable, tenantId: string, surveyId: string, opts: { forUpdate?: boolean } = {}): Promise<SurveyRow | null> {
  const query = q.select().from(surveys).where(live(tenantId, surveyId)).limit(1);
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** Surveys of a tenant that are not archived, newest first, with the number of their current version. */
export async function listSurveys(q: Queryable, tenantId: string): Promise<Array<{ survey: SurveyRow; currentVersion: number | null }>> {
  const rows = await q
    .select({ survey: surveys, currentVersion: surveyVersions.version })
    .from(surveys)
    .leftJoin(surveyVersions, and(eq(surveyVersions.id, surveys.currentVersionId), eq(surveyVersions.tenantId, tenantId)))
    .where(and(eq(surveys.tenantId, tenantId), isNull(surveys.archivedAt)))
    .orderBy(desc(surveys.createdAt), desc(surveys.id));
  return rows.map((row) => ({ survey: row.survey, currentVersion: row.currentVersion ?? null }));
}

export async function updateSurvey(q: Queryable, tenantId: string, surveyId: string, patch: SurveyPatch, now: Date): Promise<SurveyRow | null> {
  const rows = await q
    .update(surveys)
    .set({ ...patch, updatedAt: now })
    .where(live(tenantId, surveyId))
    .returning();
  return rows[0] ?? null;
}

export async function findSurveyVersionById(q: Queryable, tenantId: string, versionId: string): Promise<SurveyVersionRow | null> {
  const rows = await q
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.id, versionId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findSurveyVersion(q: Queryable, tenantId: string, surveyId: string, version: number): Promise<SurveyVersionRow | null> {
  const rows = await q
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)))
    .limit(1);
  return rows[0] ?? null;
}

/** Newest first. The question count is read in SQL so the definitions stay in the database. */
export async function listSurveyVersions(q: Queryable, tenantId: string, surveyId: string): Promise<SurveyVersionSummary[]> {
  return q
    .select({
      id: surveyVersions.id,
      version: surveyVersions.version,
      fingerprint: surveyVersions.fingerprint,
      launchedAt: surveyVersions.launchedAt,
      questionCount: sql<number>`coalesce(jsonb_array_length(${surveyVersions.definition} -> 'questions'), 0)::int`,
    })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId)))
    .orderBy(desc(surveyVersions.version));
}

/**
 * Freezes a definition as the survey's next version (highest + 1). Callers hold
 * the survey's row lock, so two launches cannot pick the same number; the
 * unique index on (survey_id, version) backs that up.
 */
export async function insertSurveyVersion(
  q: Queryable,
  tenantId: string,
  surveyId: string,
  input: { definition: SurveyDefinition; fingerprint: string; launchedBy: string | null; launchedAt: Date },
): Promise<SurveyVersionRow> {
  const next = sql<number>`(select coalesce(max(${surveyVersions.version}), 0) + 1 from ${surveyVersions} where ${surveyVersions.tenantId} = ${tenantId} and ${surveyVersions.surveyId} = ${surveyId})`;
  const rows = await q
    .insert(surveyVersions)
    .values({ tenantId, surveyId, version: next, ...input })
    .returning();
  return rows[0]!;
}
