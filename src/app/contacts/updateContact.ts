import type { Actor } from '../../domain/access.ts';
import { diffContact, pickContactFields, normalizeEmail, normalizePhone, describeEmailRejection, describePhoneRejection, type ContactFields } from '../../domain/contacts/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { insertContactChanges } from '../../store/repos/contactBatches.ts';
import { findContact, findContactByExternalId, updateContact, type ContactRow } from '../../store/repos/contacts.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

/** A field absent is left alone; null clears it. Attributes, when given, replace the whole set. */
export type ContactEdit = Partial<Omit<ContactFields, 'consentEmail' | 'consentSms' | 'consentVoice'>> & {
  consent?: { email?: boolean | null; sms?: boolean | null; voice?: boolean | null };
  frequencyCapDays?: number | null;
};

export async function updateContactFor(ctx: AppContext, actor: Actor, tenantId: string, contactId: string, edit: ContactEdit, meta: RequestMeta): Promise<ContactRow> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  return ctx.db.transaction(async (tx) => {
    const current = await findContact(tx, tenantId, contactId, { forUpdate: true });
    if (!current) throw notFound('Contact');
    if (current.erasedAt) throw new DomainError('contacts.erased', 'This contact was erased on request and cannot be changed');
    const tenant = await findTenant(tx, tenantId, null);
    const { consent, frequencyCapDays, ...fields } = edit;
    const next: ContactFields = { ...pickContactFields(current), ...fields };
    if (consent?.email !== undefined) next.consentEmail = consent.email;
    if (consent?.sms !== undefined) next.consentSms = consent.sms;
    if (consent?.voice !== undefined) next.consentVoice = consent.voice;
    if (fields.phone) {
      const phone = normalizePhone(fields.phone, tenant?.defaultRegion);
      if (!phone.ok) throw new DomainError('contacts.phone_invalid', describePhoneRejection(phone.reason), { field: 'phone' });
      next.phone = phone.e164;
    }
    if (fields.email) {
      const email = normalizeEmail(fields.email);
      if (!email.ok) throw new DomainError('contacts.email_invalid', describeEmailRejection(email.reason), { field: 'email' });
      next.email = email.email.toLowerCase();
    }
    if (next.externalId && next.externalId !== current.externalId) {
      const holder = await findContactByExternalId(tx, tenantId, next.externalId);
      if (holder) throw new DomainError('contacts.external_id_taken', 'Another contact already has this external id', { field: 'externalId' });
    }
    if (!next.externalId && !next.phone && !next.email) {
      throw new DomainError('contacts.missing_identifier', 'A contact needs an external id, a phone or an email: there would be no way to reach or find this person');
    }
    const changes = diffContact(current, next);
    if (frequencyCapDays !== undefined && frequencyCapDays !== current.frequencyCapDays) changes.frequencyCapDays = [current.frequencyCapDays, frequencyCapDays];
    if (Object.keys(changes).length === 0) return current;
    const updated = await updateContact(tx, tenantId, contactId, { ...next, ...(frequencyCapDays !== undefined ? { frequencyCapDays } : {}) });
    if (!updated) throw notFound('Contact');
    await insertContactChanges(tx, tenantId, [{ contactId, changes }], { userId: actor.kind === 'user' ? actor.userId : null });
    // The audit names the fields, never their values: the audit log is not a second copy of personal data.
    await recordAudit(tx, actor, meta, { action: 'contact.updated', tenantId, targetType: 'contact', targetId: contactId, details: { fields: Object.keys(changes) } });
    return updated;
  });
}
