import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { sessions, users } from '../schema/index.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(q: Queryable, row: typeof sessions.$inferInsert): Promise<void> {
  await q.insert(sessions).values(row);
}

/** A live session with its (enabled) user, sliding its expiry forward. */
export async function touchSession(q: Queryable, idHash: string, now: Date, ttlMs: number) {
  const rows = await q
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .returning();
  const session = rows[0];
  if (!session) return null;
  const user = (await q.select().from(users).where(and(eq(users.id, session.userId), eq(users.disabled, false))).limit(1))[0];
  return user ? { session, user } : null;
}

export async function deleteSession(q: Queryable, idHash: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfUser(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<number> {
  const rows = await q.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.idHash });
  return rows.length;
}

export const sessionCount = async (q: Queryable) =>
  (await q.select({ n: sql<number>`count(*)::int` }).from(sessions))[0]?.n ?? 0;
