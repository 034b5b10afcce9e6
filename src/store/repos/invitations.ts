import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { contacts, invitations, surveys, surveyVersions } from '../schema/index.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyVersionRow = typeof surveyVersions.$inferSelect;

/** A survey of the tenant (not archived) with the version new invitations use (null before the first launch). */
export async function findSurveyWithCurrentVersion(
  q: Queryable,
  tenantId: string,
  surveyId: string,
): Promise<{ survey: SurveyRow; version: SurveyVersionRow | null } | null> {
  const rows = await q
    .select({ survey: surveys, version: surveyVersions })
    .from(surveys)
    .leftJoin(surveyVersions, and(eq(surveyVersions.id, surveys.currentVersionId), eq(surveyVersions.tenantId, tenantId)))
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId), isNull(surveys.archivedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** What an invitation needs from its contact: the dimensions and the language. Erased people give nothing. */
export async function findContactForInvitation(q: Queryable, tenantId: string, contactId: string) {
  const rows = await q
    .select({ id: contacts.id, language: contacts.language, attributes: contacts.attributes, erasedAt: contacts.erasedAt })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertInvitation(q: Queryable, row: typeof invitations.$inferInsert): Promise<InvitationRow | null> {
  // A concurrent twin with the same external key loses quietly; the caller reads the winner.
  const rows = await q.insert(invitations).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findInvitationByExternalKey(q: Queryable, tenantId: string, externalKey: string): Promise<InvitationRow | null> {
  const rows = await q
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.externalKey, externalKey)))
    .limit(1);
  return rows[0] ?? null;
}

/** Not tenant-scoped: the secret names its invitation, and through it the tenant. */
export async function findInvitationByTokenHash(q: Queryable, tokenHash: string) {
  const rows = await q
    .select({ invitation: invitations, survey: surveys, version: surveyVersions })
    .from(invitations)
    .innerJoin(surveys, and(eq(surveys.id, invitations.surveyId), eq(surveys.tenantId, invitations.tenantId)))
    .innerJoin(surveyVersions, and(eq(surveyVersions.id, invitations.surveyVersionId), eq(surveyVersions.tenantId, invitations.tenantId)))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

export async function findSurveyVersion(q: Queryable, tenantId: string, versionId: string): Promise<SurveyVersionRow | null> {
  const rows = await q
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.id, versionId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function markInvitationOpened(q: Queryable, invitationId: string, at: Date): Promise<void> {
  await q
    .update(invitations)
    .set({ openedAt: at })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.openedAt)));
}
