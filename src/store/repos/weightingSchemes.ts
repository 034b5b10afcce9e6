import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { weightingSchemes } from '../schema/analytics.ts';

export type WeightingSchemeRow = typeof weightingSchemes.$inferSelect;

/** Null when the tenant has a scheme of that name already. */
export async function insertWeightingScheme(
  q: Queryable,
  row: { tenantId: string; name: string; dimension: string; shares: Record<string, number> },
): Promise<WeightingSchemeRow | null> {
  const rows = await q.insert(weightingSchemes).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function listWeightingSchemes(q: Queryable, tenantId: string): Promise<WeightingSchemeRow[]> {
  return q.select().from(weightingSchemes).where(eq(weightingSchemes.tenantId, tenantId)).orderBy(asc(weightingSchemes.name), asc(weightingSchemes.id));
}

export async function findWeightingScheme(q: Queryable, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<WeightingSchemeRow | null> {
  const query = q.select().from(weightingSchemes).where(and(eq(weightingSchemes.tenantId, tenantId), eq(weightingSchemes.id, id)));
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function nameTaken(q: Queryable, tenantId: string, name: string, exceptId: string): Promise<boolean> {
  const { rows } = await q.execute(sql`select 1 from weighting_schemes where tenant_id = ${tenantId} and name = ${name} and id <> ${exceptId}`);
  return rows.length > 0;
}

export async function updateWeightingScheme(
  q: Queryable,
  tenantId: string,
  id: string,
  patch: { name?: string; dimension?: string; shares?: Record<string, number>; updatedAt: Date },
): Promise<WeightingSchemeRow | null> {
  const rows = await q.update(weightingSchemes).set(patch).where(and(eq(weightingSchemes.tenantId, tenantId), eq(weightingSchemes.id, id))).returning();
  return rows[0] ?? null;
}

export async function deleteWeightingScheme(q: Queryable, tenantId: string, id: string): Promise<boolean> {
  const rows = await q.delete(weightingSchemes).where(and(eq(weightingSchemes.tenantId, tenantId), eq(weightingSchemes.id, id))).returning({ id: weightingSchemes.id });
  return rows.length > 0;
}
