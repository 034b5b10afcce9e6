import type { Actor } from '../../domain/access.ts';
import { findApiTokenBySecretHash, markApiTokenUsed } from '../../store/repos/apiTokens.ts';
import type { AppContext } from '../context.ts';
import { sha256 } from '../secrets.ts';

export const API_TOKEN_PATTERN = /^vxp_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

/** A bearer token → its actor, or null if unknown, revoked or expired. */
export async function resolveApiToken(ctx: AppContext, presented: string): Promise<Extract<Actor, { kind: 'token' }> | null> {
  if (!API_TOKEN_PATTERN.test(presented)) return null;
  const row = await findApiTokenBySecretHash(ctx.db, sha256(presented));
  const now = ctx.clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  await markApiTokenUsed(ctx.db, row.tenantId, row.id, now);
  return { kind: 'token', tokenId: row.id, label: `token ${row.prefix} (${row.name})`, tenantId: row.tenantId, scopes: row.scopes };
}
