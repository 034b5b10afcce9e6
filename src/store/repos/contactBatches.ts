/**
 * Set-based writes for contacts: history entries in one statement whatever
 * their number (arrays through `unnest`), and the per-tenant writer lock.
 * The import's own writes are in stagedContacts.ts.
 */
import { sql } from 'drizzle-orm';
import type { ContactChanges } from '../../domain/contacts/index.ts';
import type { Queryable } from '../db.ts';

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}`;

export async function insertContactChanges(
  q: Queryable,
  tenantId: string,
  entries: ReadonlyArray<{ contactId: string; changes: ContactChanges }>,
  by: { importId?: string | null; userId?: string | null },
): Promise<void> {
  if (entries.length === 0) return;
  await q.execute(sql`
    insert into contact_changes (tenant_id, contact_id, import_id, changed_by, changes)
    select ${tenantId}::uuid, i.contact_id, ${by.importId ?? null}::uuid, ${by.userId ?? null}::uuid, i.changes
    from unnest(${arr(
      entries.map((e) => e.contactId),
      'uuid[]',
    )}, ${arr(
      entries.map((e) => JSON.stringify(e.changes)),
      'jsonb[]',
    )}) as i(contact_id, changes)`);
}

/** One import at a time per tenant writes contacts: matching then inserting is only safe without a second writer in between. */
export async function lockTenantContacts(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`contacts:${tenantId}`}, 0))`);
}
