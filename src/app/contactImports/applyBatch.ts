/**
 * One batch of valid import rows into the tenant's contacts, set-based:
 * match every row at once, then insert the new, update the changed (with a
 * history entry naming the import), count the unchanged. Rows that meet the
 * same existing person twice in one batch are applied in a second round, so
 * the outcome is the one of applying the rows in file order.
 */
import { randomUUID } from 'node:crypto';
import { fieldsFromRow, mergeContact, type ContactChanges } from '../../domain/contacts/index.ts';
import type { Queryable } from '../../store/db.ts';
import {
  insertContactChanges,
  insertContacts,
  matchContacts,
  updateContactFields,
  type ContactKeys,
  type ContactWithFields,
} from '../../store/repos/contactBatches.ts';
import type { ValidContact } from '../contacts/import/index.ts';

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A safety net: each round settles at least one row, so this is never reached with real data. */
const MAX_ROUNDS = 50;

export function keysOf(item: ValidContact): ContactKeys {
  const { externalId, phone, email } = item.contact;
  return { externalId: externalId ?? null, phone: phone ?? null, email: email?.toLowerCase() ?? null };
}

export async function applyContactBatch(
  q: Queryable,
  tenantId: string,
  importId: string,
  batch: readonly ValidContact[],
  opts: { updateExisting: boolean },
): Promise<BatchCounts> {
  const counts: BatchCounts = { inserted: 0, updated: 0, unchanged: 0 };
  let pending = batch;
  for (let round = 0; pending.length > 0; round += 1) {
    if (round === MAX_ROUNDS) throw new Error(`contact batch did not settle after ${MAX_ROUNDS} rounds`);
    const matches = await matchContacts(q, tenantId, pending.map(keysOf));
    const claimed = new Set<string>();
    const later: ValidContact[] = [];
    const inserts: Array<{ row: ContactWithFields; item: ValidContact }> = [];
    const updates: ContactWithFields[] = [];
    const history: Array<{ contactId: string; changes: ContactChanges }> = [];
    pending.forEach((item, index) => {
      const existing = matches[index];
      if (!existing) {
        inserts.push({ row: { id: randomUUID(), ...fieldsFromRow(item.contact) }, item });
        return;
      }
      if (claimed.has(existing.id)) {
        later.push(item);
        return;
      }
      claimed.add(existing.id);
      const { next, changes } = opts.updateExisting ? mergeContact(existing, item.contact) : { next: existing, changes: {} };
      if (Object.keys(changes).length === 0) {
        counts.unchanged += 1;
        return;
      }
      updates.push({ ...next, id: existing.id });
      history.push({ contactId: existing.id, changes });
      counts.updated += 1;
    });
    const inserted = await insertContacts(
      q,
      tenantId,
      inserts.map((i) => i.row),
    );
    counts.inserted += inserted.size;
    // An external id that another writer took meanwhile: the row now matches that contact; next round.
    for (const { row, item } of inserts) if (!inserted.has(row.id)) later.push(item);
    await updateContactFields(q, tenantId, updates);
    await insertContactChanges(q, tenantId, history, { importId });
    pending = later.sort((a, b) => a.line - b.line);
  }
  return counts;
}
