import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { apiTokens } from '../schema/index.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(q: Queryable, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const rows = await q.insert(apiTokens).values(row).returning();
  return rows[0]!;
}

export async function listApiTokens(q: Queryable, tenantId: string): Promise<ApiTokenRow[]> {
  return q.select().from(apiTokens).where(eq(apiTokens.tenantId, tenantId)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(q: Queryable, tenantId: string, tokenId: string, now: Date): Promise<ApiTokenRow | null> {
  const rows = await q
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now})` })
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, tokenId)))
    .returning();
  return rows[0] ?? null;
}

/** Looks a presented secret up by hash; the caller checks expiry and revocation. Not tenant-scoped: the token names its tenant. */
export async function findApiTokenBySecretHash(q: Queryable, secretHash: string): Promise<ApiTokenRow | null> {
  return (await q.select().from(apiTokens).where(eq(apiTokens.secretHash, secretHash)).limit(1))[0] ?? null;
}

export async function markApiTokenUsed(q: Queryable, tenantId: string, tokenId: string, now: Date): Promise<void> {
  // At most one write a minute per token: last-used is informative, not an access log.
  await q
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.tenantId, tenantId),
        eq(apiTokens.id, tokenId),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${new Date(now.getTime() - 60_000)})`,
      ),
    );
}
