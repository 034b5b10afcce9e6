/** What else holds a person: their invitations and responses (for export and erasure). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { answers, campaignAttempts, commentAnalyses, commentCorrections, invitations, responses, serviceEvents, surveyVersions } from '../schema/index.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

export async function listContactInvitations(q: Queryable, tenantId: string, contactId: string): Promise<InvitationRow[]> {
  return q
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.contactId, contactId)))
    .orderBy(asc(invitations.createdAt));
}

export async function listContactResponses(q: Queryable, tenantId: string, contactId: string): Promise<Array<ResponseRow & { definition: unknown }>> {
  const rows = await q
    .select({ response: responses, definition: surveyVersions.definition })
    .from(responses)
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(and(eq(responses.tenantId, tenantId), eq(responses.contactId, contactId)))
    .orderBy(asc(responses.startedAt));
  return rows.map((r) => ({ ...r.response, definition: r.definition }));
}

/**
 * Unlinks the responses from the person, with their address and browser, and
 * writes their anonymised answers; their comments' analyses (which hold the
 * text) and analysts' corrections of them go too. Returns how many
 * corrections were removed: the tenant's classifier learnt from them.
 */
export async function anonymizeResponses(
  q: Queryable,
  tenantId: string,
  rows: ReadonlyArray<{ id: string; answers: Record<string, unknown> }>,
): Promise<{ corrections: number }> {
  for (const row of rows) {
    await q
      .update(responses)
      .set({ contactId: null, ip: null, userAgent: null, answers: row.answers as ResponseRow['answers'] })
      .where(and(eq(responses.tenantId, tenantId), eq(responses.id, row.id)));
  }
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { corrections: 0 };
  const texts = await q
    .update(answers)
    .set({ text: null })
    .where(and(eq(answers.tenantId, tenantId), inArray(answers.responseId, ids)))
    .returning({ id: answers.id });
  await q.delete(commentAnalyses).where(and(eq(commentAnalyses.tenantId, tenantId), inArray(commentAnalyses.responseId, ids)));
  const corrections = await q
    .delete(commentCorrections)
    .where(and(eq(commentCorrections.tenantId, tenantId), inArray(commentCorrections.answerId, texts.map((a) => a.id))))
    .returning({ id: commentCorrections.answerId });
  return { corrections: corrections.length };
}

export async function unlinkContactInvitations(q: Queryable, tenantId: string, contactId: string): Promise<number> {
  const rows = await q
    .update(invitations)
    .set({ contactId: null })
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.contactId, contactId)))
    .returning({ id: invitations.id });
  return rows.length;
}

/** The campaign messages sent or planned for a person (for the export). */
export async function listContactMessages(q: Queryable, tenantId: string, contactId: string) {
  return q
    .select()
    .from(campaignAttempts)
    .where(and(eq(campaignAttempts.tenantId, tenantId), eq(campaignAttempts.contactId, contactId)))
    .orderBy(campaignAttempts.updatedAt);
}

/** At erasure: nothing more is sent, and the messages keep their status but lose the address and the link to the person. */
export async function eraseContactMessages(q: Queryable, tenantId: string, contactId: string, at: Date): Promise<number> {
  await q
    .update(campaignAttempts)
    .set({ status: 'cancelled', reason: 'contact_erased', updatedAt: at })
    .where(and(eq(campaignAttempts.tenantId, tenantId), eq(campaignAttempts.contactId, contactId), eq(campaignAttempts.status, 'scheduled')));
  const rows = await q
    .update(campaignAttempts)
    .set({ contactId: null, address: null, error: null })
    .where(and(eq(campaignAttempts.tenantId, tenantId), eq(campaignAttempts.contactId, contactId)))
    .returning({ id: campaignAttempts.id });
  await q.update(serviceEvents).set({ contactId: null }).where(and(eq(serviceEvents.tenantId, tenantId), eq(serviceEvents.contactId, contactId)));
  return rows.length;
}
