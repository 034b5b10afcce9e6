import type { Actor, InstallationRole, TenantRole } from '../../domain/access.ts';
import { touchSession } from '../../store/repos/sessions.ts';
import { membershipsOf, type UserRow } from '../../store/repos/users.ts';
import type { AppContext } from '../context.ts';
import { sha256 } from '../secrets.ts';

export interface SessionPrincipal {
  actor: Extract<Actor, { kind: 'user' }>;
  user: UserRow;
  csrfToken: string;
  sessionHash: string;
}

export async function resolveSession(ctx: AppContext, secret: string): Promise<SessionPrincipal | null> {
  const sessionHash = sha256(secret);
  const found = await touchSession(ctx.db, sessionHash, ctx.clock.now(), ctx.config.sessionTtlMs);
  if (!found) return null;
  const memberships = await membershipsOf(ctx.db, [found.user.id]);
  return {
    actor: userActor(found.user, memberships),
    user: found.user,
    csrfToken: found.session.csrfToken,
    sessionHash,
  };
}

export function userActor(user: UserRow, memberships: Array<{ tenantId: string; role: string }>): Extract<Actor, { kind: 'user' }> {
  return {
    kind: 'user',
    userId: user.id,
    label: user.email,
    installationRole: user.installationRole as InstallationRole | null,
    memberships: memberships.map((m) => ({ tenantId: m.tenantId, role: m.role as TenantRole })),
  };
}
