import type { Queryable } from '../../store/db.ts';
import { insertSession } from '../../store/repos/sessions.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { randomSecret, sha256 } from '../secrets.ts';

/** Opens a login session; returns the cookie secret (never stored) and the CSRF token for the SPA. */
export async function createSession(ctx: AppContext, q: Queryable, userId: string, meta: RequestMeta) {
  const secret = randomSecret();
  const csrfToken = randomSecret(24);
  const now = ctx.clock.now();
  await insertSession(q, {
    idHash: sha256(secret),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { secret, csrfToken };
}
