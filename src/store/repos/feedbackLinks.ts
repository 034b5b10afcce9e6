import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { feedbackLinks, surveys, surveyVersions } from '../schema/index.ts';

export type FeedbackLinkRow = typeof feedbackLinks.$inferSelect;

export async function insertFeedbackLink(q: Queryable, row: typeof feedbackLinks.$inferInsert): Promise<FeedbackLinkRow> {
  return (await q.insert(feedbackLinks).values(row).returning())[0]!;
}

export async function listFeedbackLinks(q: Queryable, tenantId: string, surveyId: string): Promise<FeedbackLinkRow[]> {
  return q
    .select()
    .from(feedbackLinks)
    .where(and(eq(feedbackLinks.tenantId, tenantId), eq(feedbackLinks.surveyId, surveyId)))
    .orderBy(desc(feedbackLinks.createdAt));
}

export async function findFeedbackLink(q: Queryable, tenantId: string, surveyId: string, linkId: string): Promise<FeedbackLinkRow | null> {
  const rows = await q
    .select()
    .from(feedbackLinks)
    .where(and(eq(feedbackLinks.tenantId, tenantId), eq(feedbackLinks.surveyId, surveyId), eq(feedbackLinks.id, linkId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Not tenant-scoped: the public slug names its link. The version is the survey's current one (null before launch). */
export async function findFeedbackLinkBySlug(q: Queryable, slug: string) {
  const rows = await q
    .select({ link: feedbackLinks, survey: surveys, version: surveyVersions })
    .from(feedbackLinks)
    .innerJoin(surveys, and(eq(surveys.id, feedbackLinks.surveyId), eq(surveys.tenantId, feedbackLinks.tenantId)))
    .leftJoin(surveyVersions, and(eq(surveyVersions.id, surveys.currentVersionId), eq(surveyVersions.tenantId, feedbackLinks.tenantId)))
    .where(eq(feedbackLinks.slug, slug))
    .limit(1);
  return rows[0] ?? null;
}

export async function setFeedbackLinkActive(q: Queryable, tenantId: string, surveyId: string, linkId: string, active: boolean): Promise<FeedbackLinkRow | null> {
  const rows = await q
    .update(feedbackLinks)
    .set({ active })
    .where(and(eq(feedbackLinks.tenantId, tenantId), eq(feedbackLinks.surveyId, surveyId), eq(feedbackLinks.id, linkId)))
    .returning();
  return rows[0] ?? null;
}
