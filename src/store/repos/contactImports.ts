import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { contactImports } from '../schema/index.ts';

export type ContactImportRow = typeof contactImports.$inferSelect;
export type ContactImportStatus = 'uploaded' | 'checking' | 'checked' | 'importing' | 'done' | 'failed' | 'discarded';
export type NewContactImport = Pick<typeof contactImports.$inferInsert, 'id' | 'tenantId' | 'fileName' | 'format' | 'sizeBytes' | 'headers' | 'createdBy'>;
export type ContactImportPatch = Partial<
  Pick<ContactImportRow, 'status' | 'mapping' | 'options' | 'summary' | 'error' | 'finishedAt' | 'inserted' | 'updated' | 'unchanged' | 'progressLine'>
>;

export async function insertContactImport(q: Queryable, row: NewContactImport): Promise<ContactImportRow> {
  const rows = await q.insert(contactImports).values(row).returning();
  return rows[0]!;
}

export async function findContactImport(q: Queryable, tenantId: string, importId: string, opts: { forUpdate?: boolean } = {}): Promise<ContactImportRow | null> {
  const query = q
    .select()
    .from(contactImports)
    .where(and(eq(contactImports.tenantId, tenantId), eq(contactImports.id, importId)))
    .limit(1);
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function listContactImports(q: Queryable, tenantId: string, limit: number): Promise<ContactImportRow[]> {
  return q.select().from(contactImports).where(eq(contactImports.tenantId, tenantId)).orderBy(desc(contactImports.createdAt), desc(contactImports.id)).limit(limit);
}

export async function updateContactImport(q: Queryable, tenantId: string, importId: string, patch: ContactImportPatch): Promise<ContactImportRow | null> {
  const rows = await q
    .update(contactImports)
    .set(patch)
    .where(and(eq(contactImports.tenantId, tenantId), eq(contactImports.id, importId)))
    .returning();
  return rows[0] ?? null;
}

/** One committed batch: its counts added and the line to resume after, in the batch's transaction. */
export async function recordImportProgress(
  q: Queryable,
  tenantId: string,
  importId: string,
  batch: { inserted: number; updated: number; unchanged: number; lastLine: number },
): Promise<void> {
  await q
    .update(contactImports)
    .set({
      inserted: sql`${contactImports.inserted} + ${batch.inserted}`,
      updated: sql`${contactImports.updated} + ${batch.updated}`,
      unchanged: sql`${contactImports.unchanged} + ${batch.unchanged}`,
      progressLine: batch.lastLine,
    })
    .where(and(eq(contactImports.tenantId, tenantId), eq(contactImports.id, importId)));
}
