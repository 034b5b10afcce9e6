import type { Actor } from '../../domain/access.ts';
import { listContactInvitations, listContactMessages, listContactResponses, type InvitationRow, type ResponseRow } from '../../store/repos/contactPersonalData.ts';
import { listContactOutcomes, type ContactOutcomeRow } from '../../store/repos/contactOutcomes.ts';
import { findContact, listContactChanges, type ContactChangeRow, type ContactRow } from '../../store/repos/contacts.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

export interface ContactExport {
  contact: ContactRow;
  history: ContactChangeRow[];
  invitations: InvitationRow[];
  responses: ResponseRow[];
  messages: Awaited<ReturnType<typeof listContactMessages>>;
  outcomes: ContactOutcomeRow[];
}

/** Everything held about one person (a subject access request); the export itself is audited. */
export async function exportContactFor(ctx: AppContext, actor: Actor, tenantId: string, contactId: string, meta: RequestMeta): Promise<ContactExport> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  return ctx.db.transaction(async (tx) => {
    const contact = await findContact(tx, tenantId, contactId);
    if (!contact) throw notFound('Contact');
    const outcomes = await listContactOutcomes(tx, tenantId, contactId);
    const [history, invitations, responses, messages] = [
      await listContactChanges(tx, tenantId, contactId),
      await listContactInvitations(tx, tenantId, contactId),
      (await listContactResponses(tx, tenantId, contactId)).map(({ definition: _definition, ...response }) => response),
      await listContactMessages(tx, tenantId, contactId),
    ];
    await recordAudit(tx, actor, meta, { action: 'contact.exported', tenantId, targetType: 'contact', targetId: contactId });
    return { contact, history, invitations, responses, messages, outcomes };
  });
}
