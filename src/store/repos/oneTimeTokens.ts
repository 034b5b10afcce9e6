import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { oneTimeTokens } from '../schema/index.ts';

export type OneTimePurpose = 'setup' | 'password_reset';

export async function insertOneTimeToken(
  q: Queryable,
  row: { idHash: string; purpose: OneTimePurpose; userId: string | null; expiresAt: Date },
): Promise<void> {
  await q.insert(oneTimeTokens).values(row);
}

/** Marks the token used and returns it, or null if unknown, used, expired or for another purpose. Atomic. */
export async function consumeOneTimeToken(q: Queryable, idHash: string, purpose: OneTimePurpose, now: Date) {
  const rows = await q
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.idHash, idHash),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export async function findLiveOneTimeToken(q: Queryable, idHash: string, purpose: OneTimePurpose, now: Date) {
  const rows = await q
    .select()
    .from(oneTimeTokens)
    .where(
      and(eq(oneTimeTokens.idHash, idHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)),
    );
  return rows[0] ?? null;
}

export async function invalidateOneTimeTokens(q: Queryable, purpose: OneTimePurpose, now: Date): Promise<void> {
  await q
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
}

export async function deleteDeadOneTimeTokens(q: Queryable, now: Date): Promise<void> {
  await q.delete(oneTimeTokens).where(or(lt(oneTimeTokens.expiresAt, now), lt(oneTimeTokens.usedAt, now)));
}
