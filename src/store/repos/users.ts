import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { memberships, tenants, users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type MembershipWithTenant = { userId: string; tenantId: string; tenantName: string; role: string };

export async function insertUser(
  q: Queryable,
  input: Pick<typeof users.$inferInsert, 'email' | 'name' | 'locale' | 'installationRole' | 'passwordHash'>,
): Promise<UserRow | null> {
  const rows = await q
    .insert(users)
    .values({ ...input, passwordChangedAt: input.passwordHash ? sql`now()` : null })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export async function findUserById(q: Queryable, userId: string): Promise<UserRow | null> {
  return (await q.select().from(users).where(eq(users.id, userId)).limit(1))[0] ?? null;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const rows = await q.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return rows[0] ?? null;
}

export async function countUsers(q: Queryable): Promise<number> {
  const rows = await q.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

/**
 * Users visible to the caller: all (null) or those with a membership in one of the
 * given tenants. Installation staff without memberships are visible only to staff.
 */
export async function listUsers(q: Queryable, tenantIds: string[] | null): Promise<UserRow[]> {
  const query = q.select().from(users).orderBy(asc(sql`lower(${users.email})`));
  if (tenantIds === null) return query;
  if (tenantIds.length === 0) return [];
  return query.where(
    inArray(users.id, q.select({ id: memberships.userId }).from(memberships).where(inArray(memberships.tenantId, tenantIds))),
  );
}

export async function membershipsOf(q: Queryable, userIds: string[]): Promise<MembershipWithTenant[]> {
  if (userIds.length === 0) return [];
  return q
    .select({ userId: memberships.userId, tenantId: memberships.tenantId, tenantName: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(tenants.name));
}

export async function updateUser(
  q: Queryable,
  userId: string,
  patch: Partial<Pick<UserRow, 'name' | 'locale' | 'installationRole' | 'disabled' | 'passwordHash'>>,
): Promise<UserRow | null> {
  const extra = patch.passwordHash !== undefined ? { passwordChangedAt: sql`now()`, failedLoginCount: 0, lockedUntil: null } : {};
  const rows = await q
    .update(users)
    .set({ ...patch, ...extra, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  return rows[0] ?? null;
}

export async function upsertMembership(q: Queryable, tenantId: string, userId: string, role: string): Promise<void> {
  await q
    .insert(memberships)
    .values({ tenantId, userId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.tenantId], set: { role } });
}

export async function deleteMembership(q: Queryable, tenantId: string, userId: string): Promise<boolean> {
  const rows = await q
    .delete(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/**
 * Counts a failed password and locks the account until `lockUntil` once `maxFailures`
 * is reached. A lock that has run out starts the count afresh. Returns the new state.
 */
export async function recordLoginFailure(
  q: Queryable,
  userId: string,
  maxFailures: number,
  now: Date,
  lockUntil: Date,
): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
  const lockExpired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const newCount = sql`(case when ${lockExpired} then 1 else ${users.failedLoginCount} + 1 end)`;
  const rows = await q
    .update(users)
    .set({
      failedLoginCount: newCount,
      lockedUntil: sql`case when ${newCount} >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz
        when ${lockExpired} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil });
  return rows[0] ?? { failedLoginCount: 0, lockedUntil: null };
}

export async function recordLoginSuccess(q: Queryable, userId: string): Promise<void> {
  await q
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}
