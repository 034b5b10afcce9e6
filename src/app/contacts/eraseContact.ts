import type { Actor } from '../../domain/access.ts';
import { anonymizeAnswers } from '../../domain/contacts/index.ts';
import { anonymizeResponses, eraseContactMessages, listContactResponses, unlinkContactInvitations } from '../../store/repos/contactPersonalData.ts';
import { requestClassifierTraining } from '../../jobs/definitions/comments.ts';
import { deleteContactOutcomes } from '../../store/repos/contactOutcomes.ts';
import { eraseContactRow, findContact } from '../../store/repos/contacts.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

/**
 * The right to be forgotten (GDPR art. 17, 152-FZ art. 21): every personal
 * field of the contact emptied and its history deleted; the person's
 * responses unlinked from them, without their IP address and browser, their
 * words blanked; their campaign messages cancelled or stripped of the
 * address. Their scores stay, as anonymous counts. The do-not-contact
 * list keeps their address on purpose: an objection to being contacted must
 * outlive the data (delete that entry separately if asked to).
 */
export async function eraseContactFor(ctx: AppContext, actor: Actor, tenantId: string, contactId: string, meta: RequestMeta): Promise<void> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  await ctx.db.transaction(async (tx) => {
    const contact = await findContact(tx, tenantId, contactId, { forUpdate: true });
    if (!contact) throw notFound('Contact');
    const responses = await listContactResponses(tx, tenantId, contactId);
    const { corrections } = await anonymizeResponses(
      tx,
      tenantId,
      responses.map((r) => ({ id: r.id, answers: anonymizeAnswers(r.answers, questionKinds(r.definition)) })),
    );
    // The classifier's model keeps stems of the comments it learnt from: learn again without this person's.
    if (corrections > 0) await requestClassifierTraining(tx, tenantId, ctx.clock.now());
    const invitations = await unlinkContactInvitations(tx, tenantId, contactId);
    const messages = await eraseContactMessages(tx, tenantId, contactId, ctx.clock.now());
    // Behavioural outcomes (churn, revenue) are about the person, not anonymous counts: they go.
    const outcomes = await deleteContactOutcomes(tx, tenantId, contactId);
    await eraseContactRow(tx, tenantId, contactId, ctx.clock.now());
    await recordAudit(tx, actor, meta, {
      action: 'contact.erased',
      tenantId,
      targetType: 'contact',
      targetId: contactId,
      details: { responses: responses.length, invitations, messages, outcomes },
    });
  });
}

function questionKinds(definition: unknown): Map<string, string> {
  const questions = (definition as { questions?: Array<{ id?: unknown; type?: unknown }> } | null)?.questions ?? [];
  return new Map(questions.flatMap((q) => (typeof q.id === 'string' && typeof q.type === 'string' ? [[q.id, q.type] as const] : [])));
}
