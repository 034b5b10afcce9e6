import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { answers, responses, surveys, surveyVersions } from '../schema/index.ts';

export type ResponseRow = typeof responses.$inferSelect;
export type AnswerRowInsert = Omit<typeof answers.$inferInsert, 'id' | 'tenantId' | 'responseId'>;

export async function findResponseByInvitation(q: Queryable, tenantId: string, invitationId: string): Promise<ResponseRow | null> {
  const rows = await q
    .select()
    .from(responses)
    .where(and(eq(responses.tenantId, tenantId), eq(responses.invitationId, invitationId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Not tenant-scoped: used with a signed handle that names the response. */
export async function findResponseById(q: Queryable, responseId: string): Promise<ResponseRow | null> {
  return (await q.select().from(responses).where(eq(responses.id, responseId)).limit(1))[0] ?? null;
}

/** Locks the row for the rest of the transaction, so two tabs saving at once apply one after the other. */
export async function lockResponse(q: Queryable, tenantId: string, responseId: string): Promise<ResponseRow | null> {
  const rows = await q
    .select()
    .from(responses)
    .where(and(eq(responses.tenantId, tenantId), eq(responses.id, responseId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts the response for an invitation, or returns null when a concurrent request made it first. */
export async function insertResponse(q: Queryable, row: typeof responses.$inferInsert): Promise<ResponseRow | null> {
  const rows = await q.insert(responses).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function updateResponse(
  q: Queryable,
  tenantId: string,
  responseId: string,
  set: Pick<ResponseRow, 'answers' | 'status' | 'language' | 'updatedAt' | 'completedAt'>,
): Promise<void> {
  await q.update(responses).set(set).where(and(eq(responses.tenantId, tenantId), eq(responses.id, responseId)));
}

/** One row per answered question: the rows are replaced whole, as the response's answers are. */
export async function replaceAnswerRows(q: Queryable, tenantId: string, responseId: string, rows: AnswerRowInsert[]): Promise<void> {
  await q.delete(answers).where(and(eq(answers.tenantId, tenantId), eq(answers.responseId, responseId)));
  if (rows.length > 0) await q.insert(answers).values(rows.map((row) => ({ ...row, tenantId, responseId })));
}

export interface ResponseCursor {
  startedAt: Date;
  id: string;
}

/** Newest first, keyset-paged on (started_at, id). */
export async function listResponses(q: Queryable, tenantId: string, surveyId: string, opts: { cursor: ResponseCursor | null; limit: number }) {
  const after = opts.cursor
    ? or(lt(responses.startedAt, opts.cursor.startedAt), and(eq(responses.startedAt, opts.cursor.startedAt), lt(responses.id, opts.cursor.id)))
    : undefined;
  return q
    .select({ response: responses, surveyVersion: surveyVersions.version })
    .from(responses)
    .innerJoin(surveyVersions, and(eq(surveyVersions.id, responses.surveyVersionId), eq(surveyVersions.tenantId, tenantId)))
    .where(and(eq(responses.tenantId, tenantId), eq(responses.surveyId, surveyId), after))
    .orderBy(desc(responses.startedAt), desc(responses.id))
    .limit(opts.limit);
}

/** Whether the tenant has this survey (archived ones too: their answers stay readable). */
export async function tenantHasSurvey(q: Queryable, tenantId: string, surveyId: string): Promise<boolean> {
  const rows = await q.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId))).limit(1);
  return rows.length > 0;
}

/** For anonymous listings: how many anonymous answers the survey has, in all and per attribute value. */
export async function anonymousGroupSizes(q: Queryable, tenantId: string, surveyId: string): Promise<{ total: number; byAttribute: Map<string, number> }> {
  const where = sql`r.tenant_id = ${tenantId} and r.survey_id = ${surveyId} and r.anonymous`;
  const total = await q.execute<{ n: number }>(sql`select count(*)::int as n from ${responses} r where ${where}`);
  const groups = await q.execute<{ key: string; value: string; n: number }>(
    sql`select a.key, a.value, count(*)::int as n from ${responses} r, jsonb_each_text(r.attributes) a where ${where} group by a.key, a.value`,
  );
  return { total: total.rows[0]?.n ?? 0, byAttribute: new Map(groups.rows.map((g) => [`${g.key}=${g.value}`, g.n])) };
}
