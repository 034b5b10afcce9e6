import type { Actor } from '../../domain/access.ts';
import { normalizeEmail, normalizePhone } from '../../domain/contacts/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { findContact, listContactChanges, listContacts, type ContactChangeRow, type ContactCursor, type ContactRow } from '../../store/repos/contacts.ts';
import { listedKinds } from '../../store/repos/doNotContact.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export interface ContactPage {
  items: ContactRow[];
  nextCursor: string | null;
}

/** Newest first, by cursor. A search that reads as a phone number or an email looks that up exactly; other text matches names and ids. */
export async function listContactsFor(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  query: { search?: string; cursor?: string; limit: number },
): Promise<ContactPage> {
  requireTenantPermission(actor, tenantId, 'contacts.read');
  const text = query.search?.trim() ?? '';
  let search: { phone?: string; email?: string; text?: string } | undefined;
  if (text !== '') {
    const tenant = await findTenant(ctx.db, tenantId, null);
    const phone = /\d{5}/.test(text.replace(/\D/g, '')) ? normalizePhone(text, tenant?.defaultRegion) : null;
    const email = text.includes('@') ? normalizeEmail(text) : null;
    search = { text, ...(phone?.ok ? { phone: phone.e164 } : {}), ...(email?.ok ? { email: email.email.toLowerCase() } : {}) };
  }
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listContacts(ctx.db, tenantId, { search, after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

export async function getContactWithHistory(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  contactId: string,
): Promise<{ contact: ContactRow; history: ContactChangeRow[]; doNotContact: { phone: boolean; email: boolean } }> {
  requireTenantPermission(actor, tenantId, 'contacts.read');
  const contact = await findContact(ctx.db, tenantId, contactId);
  if (!contact) throw notFound('Contact');
  const [history, listed] = await Promise.all([listContactChanges(ctx.db, tenantId, contactId), listedKinds(ctx.db, tenantId, contact)]);
  return { contact, history, doNotContact: { phone: listed.has('phone'), email: listed.has('email') } };
}

function encodeCursor(cursor: ContactCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

function decodeCursor(text: string): ContactCursor {
  const [at, id] = Buffer.from(text, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new DomainError('contacts.invalid_cursor', 'The cursor is not one this list gave out', { field: 'cursor' });
  }
  return { createdAt, id };
}
