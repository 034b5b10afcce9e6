import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { tenants } from '../schema/index.ts';

export type TenantRow = typeof tenants.$inferSelect;
export type NewTenant = Pick<typeof tenants.$inferInsert, 'slug' | 'name' | 'locale' | 'timezone' | 'defaultRegion'>;
export type TenantPatch = Partial<Pick<TenantRow, 'name' | 'locale' | 'timezone' | 'defaultRegion' | 'archivedAt'>>;

export async function insertTenant(q: Queryable, input: NewTenant): Promise<TenantRow | null> {
  const rows = await q.insert(tenants).values(input).onConflictDoNothing({ target: tenants.slug }).returning();
  return rows[0] ?? null;
}

/** `visible` = ids the caller may see, or null for all; the filter is part of the SQL. */
export async function findTenant(q: Queryable, tenantId: string, visible: string[] | null): Promise<TenantRow | null> {
  const where = visible === null ? eq(tenants.id, tenantId) : and(eq(tenants.id, tenantId), inArray(tenants.id, visible));
  const rows = await q.select().from(tenants).where(where).limit(1);
  return rows[0] ?? null;
}

export async function listTenants(q: Queryable, visible: string[] | null): Promise<TenantRow[]> {
  if (visible !== null && visible.length === 0) return [];
  const query = q.select().from(tenants).orderBy(asc(sql`lower(${tenants.name})`));
  return visible === null ? query : query.where(inArray(tenants.id, visible));
}

export async function updateTenant(q: Queryable, tenantId: string, patch: TenantPatch): Promise<TenantRow | null> {
  const rows = await q
    .update(tenants)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(tenants.id, tenantId))
    .returning();
  return rows[0] ?? null;
}

/** What campaigns and reports read from a tenant about its surveys. */
export type SurveySettingsRow = Pick<TenantRow, 'surveyFrequencyCapDays' | 'customDimensions'>;

export async function findSurveySettings(q: Queryable, tenantId: string): Promise<SurveySettingsRow | null> {
  const rows = await q
    .select({ surveyFrequencyCapDays: tenants.surveyFrequencyCapDays, customDimensions: tenants.customDimensions })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateSurveySettings(q: Queryable, tenantId: string, settings: SurveySettingsRow): Promise<SurveySettingsRow | null> {
  const rows = await q
    .update(tenants)
    .set({ ...settings, updatedAt: sql`now()` })
    .where(eq(tenants.id, tenantId))
    .returning({ surveyFrequencyCapDays: tenants.surveyFrequencyCapDays, customDimensions: tenants.customDimensions });
  return rows[0] ?? null;
}
