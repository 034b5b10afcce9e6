import { isApiScope, type Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { insertApiToken, listApiTokens as listRows, revokeApiToken as revokeRow } from '../../store/repos/apiTokens.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { randomSecret, sha256 } from '../secrets.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomPrefix = () =>
  Array.from(randomSecret(16))
    .map((c) => ALNUM[c.charCodeAt(0) % ALNUM.length])
    .join('')
    .slice(0, 8);

/** Creates a token; the returned `secret` is shown once and never stored. */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  input: { name: string; scopes: string[]; expiresAt?: Date | null },
  meta: RequestMeta,
) {
  requireTenantPermission(actor, tenantId, 'tokens.manage');
  const unknown = input.scopes.filter((s) => !isApiScope(s));
  if (unknown.length) throw new DomainError('validation', `Unknown scope: ${unknown.join(', ')}`, { errors: [{ path: 'scopes', message: `Unknown scope: ${unknown.join(', ')}` }] });
  if (input.expiresAt && input.expiresAt <= ctx.clock.now()) {
    throw new DomainError('validation', 'The expiry date must be in the future', { errors: [{ path: 'expiresAt', message: 'must be in the future' }] });
  }
  const prefix = randomPrefix();
  const secret = `vxp_${prefix}_${randomSecret()}`;
  return ctx.db.transaction(async (tx) => {
    const token = await insertApiToken(tx, {
      tenantId,
      name: input.name,
      prefix,
      secretHash: sha256(secret),
      scopes: [...new Set(input.scopes)].sort(),
      createdBy: actor.kind === 'user' ? actor.userId : null,
      expiresAt: input.expiresAt ?? null,
    });
    await recordAudit(tx, actor, meta, { action: 'api_token.created', tenantId, targetType: 'api_token', targetId: token.id, details: { name: token.name, prefix, scopes: token.scopes } });
    return { token, secret };
  });
}

export async function listApiTokens(ctx: AppContext, actor: Actor, tenantId: string) {
  requireTenantPermission(actor, tenantId, 'tokens.manage');
  return listRows(ctx.db, tenantId);
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, tenantId: string, tokenId: string, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'tokens.manage');
  await ctx.db.transaction(async (tx) => {
    const token = await revokeRow(tx, tenantId, tokenId, ctx.clock.now());
    if (!token) throw notFound('API token');
    await recordAudit(tx, actor, meta, { action: 'api_token.revoked', tenantId, targetType: 'api_token', targetId: tokenId, details: { prefix: token.prefix } });
  });
}
