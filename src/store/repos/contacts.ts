import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ContactFields } from '../../domain/contacts/index.ts';
import type { Queryable } from '../db.ts';
import { contactChanges, contacts } from '../schema/index.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactChangeRow = typeof contactChanges.$inferSelect;
export type ContactPatch = Partial<ContactFields> & { frequencyCapDays?: number | null };

export interface ContactCursor {
  createdAt: Date;
  id: string;
}

/** Newest first; `search` is a normalised phone, an email, or words of the name / external id. */
export async function listContacts(
  q: Queryable,
  tenantId: string,
  filter: { search?: { phone?: string; email?: string; text?: string }; after?: ContactCursor; limit: number },
): Promise<ContactRow[]> {
  const conditions: SQL[] = [eq(contacts.tenantId, tenantId)];
  const search = filter.search;
  if (search) {
    const alternatives: SQL[] = [];
    if (search.phone) alternatives.push(eq(contacts.phone, search.phone));
    if (search.email) alternatives.push(eq(contacts.email, search.email));
    if (search.text) {
      const pattern = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      alternatives.push(
        ilike(contacts.fullName, pattern),
        ilike(contacts.lastName, pattern),
        ilike(contacts.firstName, pattern),
        ilike(contacts.externalId, pattern),
        ilike(contacts.email, pattern),
      );
    }
    conditions.push(or(...alternatives)!);
  }
  if (filter.after) conditions.push(sql`(${contacts.createdAt}, ${contacts.id}) < (${filter.after.createdAt.toISOString()}::timestamptz, ${filter.after.id}::uuid)`);
  return q
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(filter.limit);
}

export async function findContact(q: Queryable, tenantId: string, contactId: string, opts: { forUpdate?: boolean } = {}): Promise<ContactRow | null> {
  const query = q
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
    .limit(1);
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findContactByExternalId(q: Queryable, tenantId: string, externalId: string): Promise<ContactRow | null> {
  const rows = await q
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.externalId, externalId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateContact(q: Queryable, tenantId: string, contactId: string, patch: ContactPatch): Promise<ContactRow | null> {
  const rows = await q
    .update(contacts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId), isNull(contacts.erasedAt)))
    .returning();
  return rows[0] ?? null;
}

export async function listContactChanges(q: Queryable, tenantId: string, contactId: string): Promise<ContactChangeRow[]> {
  return q
    .select()
    .from(contactChanges)
    .where(and(eq(contactChanges.tenantId, tenantId), eq(contactChanges.contactId, contactId)))
    .orderBy(asc(contactChanges.id));
}

/** Right to be forgotten: every personal field emptied, the history gone, the row kept (counts stay true). */
export async function eraseContactRow(q: Queryable, tenantId: string, contactId: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(contacts)
    .set({
      externalId: null,
      phone: null,
      email: null,
      firstName: null,
      middleName: null,
      lastName: null,
      fullName: null,
      language: null,
      timezone: null,
      region: null,
      consentEmail: null,
      consentSms: null,
      consentVoice: null,
      attributes: {},
      lastInvitedAt: null,
      frequencyCapDays: null,
      erasedAt: at,
      updatedAt: at,
    })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  await q.delete(contactChanges).where(and(eq(contactChanges.tenantId, tenantId), eq(contactChanges.contactId, contactId)));
  return rows.length > 0;
}
