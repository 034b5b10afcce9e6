import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { doNotContact } from '../schema/index.ts';

export type DoNotContactRow = typeof doNotContact.$inferSelect;
export type DoNotContactKind = 'phone' | 'email';

export async function listDoNotContact(
  q: Queryable,
  tenantId: string,
  filter: { after?: { kind: string; value: string }; limit: number },
): Promise<DoNotContactRow[]> {
  const conditions: SQL[] = [eq(doNotContact.tenantId, tenantId)];
  if (filter.after) conditions.push(sql`(${doNotContact.kind}, ${doNotContact.value}) > (${filter.after.kind}, ${filter.after.value})`);
  return q
    .select()
    .from(doNotContact)
    .where(and(...conditions))
    .orderBy(asc(doNotContact.kind), asc(doNotContact.value))
    .limit(filter.limit);
}

/** Idempotent: an address already listed keeps its first entry, which is returned. */
export async function addDoNotContact(
  q: Queryable,
  entry: { tenantId: string; kind: DoNotContactKind; value: string; reason: string; createdBy: string | null },
): Promise<DoNotContactRow> {
  await q.insert(doNotContact).values(entry).onConflictDoNothing();
  const rows = await q
    .select()
    .from(doNotContact)
    .where(and(eq(doNotContact.tenantId, entry.tenantId), eq(doNotContact.kind, entry.kind), eq(doNotContact.value, entry.value)));
  return rows[0]!;
}

export async function removeDoNotContact(q: Queryable, tenantId: string, kind: DoNotContactKind, value: string): Promise<boolean> {
  const rows = await q
    .delete(doNotContact)
    .where(and(eq(doNotContact.tenantId, tenantId), eq(doNotContact.kind, kind), eq(doNotContact.value, value)))
    .returning({ value: doNotContact.value });
  return rows.length > 0;
}

/** Which of this person's addresses are on the list (for the contact's page). */
export async function listedKinds(q: Queryable, tenantId: string, address: { phone?: string | null; email?: string | null }): Promise<Set<DoNotContactKind>> {
  const alternatives: SQL[] = [];
  if (address.phone) alternatives.push(and(eq(doNotContact.kind, 'phone'), eq(doNotContact.value, address.phone))!);
  if (address.email) alternatives.push(and(eq(doNotContact.kind, 'email'), eq(doNotContact.value, address.email.toLowerCase()))!);
  if (alternatives.length === 0) return new Set();
  const rows = await q
    .select({ kind: doNotContact.kind })
    .from(doNotContact)
    .where(and(eq(doNotContact.tenantId, tenantId), or(...alternatives)));
  return new Set(rows.map((r) => r.kind as DoNotContactKind));
}

/** For the channels, before every send: is either address of this person on the list? */
export async function isDoNotContact(q: Queryable, tenantId: string, address: { phone?: string | null; email?: string | null }): Promise<boolean> {
  const alternatives: SQL[] = [];
  if (address.phone) alternatives.push(and(eq(doNotContact.kind, 'phone'), eq(doNotContact.value, address.phone))!);
  if (address.email) alternatives.push(and(eq(doNotContact.kind, 'email'), eq(doNotContact.value, address.email.toLowerCase()))!);
  if (alternatives.length === 0) return false;
  const rows = await q
    .select({ value: doNotContact.value })
    .from(doNotContact)
    .where(and(eq(doNotContact.tenantId, tenantId), or(...alternatives)))
    .limit(1);
  return rows.length > 0;
}
