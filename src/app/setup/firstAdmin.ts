import { sql } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Queryable } from '../../store/db.ts';
import { consumeOneTimeToken, insertOneTimeToken, invalidateOneTimeTokens } from '../../store/repos/oneTimeTokens.ts';
import { countUsers, insertUser } from '../../store/repos/users.ts';
import { recordAudit } from '../audit/record.ts';
import { createSession } from '../auth/createSession.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { hashPassword, randomSecret, sha256 } from '../secrets.ts';

const SETUP_LOCK_KEY = 7_746_511_002;
export const SETUP_LINK_TTL_MS = 24 * 3_600_000;

export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/** Serialises first-admin creation across processes: exactly one owner comes out of a race. */
const lockSetup = (tx: Queryable) => tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);

/**
 * At start-up with no users: create the owner from VOXPOP_ADMIN_EMAIL/PASSWORD if
 * given, or else issue a one-time setup link (returned, to be printed to the console).
 */
export async function prepareFirstAdmin(ctx: AppContext): Promise<{ kind: 'exists' } | { kind: 'created'; email: string } | { kind: 'link'; url: string }> {
  return ctx.db.transaction(async (tx) => {
    await lockSetup(tx);
    if ((await countUsers(tx)) > 0) return { kind: 'exists' } as const;
    const admin = ctx.config.firstAdmin;
    if (admin) {
      await createOwner(tx, admin, null);
      return { kind: 'created', email: admin.email } as const;
    }
    const now = ctx.clock.now();
    await invalidateOneTimeTokens(tx, 'setup', now);
    const secret = randomSecret();
    await insertOneTimeToken(tx, { idHash: sha256(secret), purpose: 'setup', userId: null, expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS) });
    return { kind: 'link', url: `${ctx.config.http.publicUrl}/setup?token=${secret}` } as const;
  });
}

export async function completeSetup(
  ctx: AppContext,
  input: { token: string; email: string; name: string; password: string; locale: 'ru' | 'en' },
  meta: RequestMeta,
) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await lockSetup(tx);
    if ((await countUsers(tx)) > 0) throw new DomainError('setup.done', 'Voxpop is already set up. Sign in instead');
    const token = await consumeOneTimeToken(tx, sha256(input.token), 'setup', ctx.clock.now());
    if (!token) throw new DomainError('auth.link_invalid', 'This setup link is invalid or expired. Restart Voxpop to print a new one');
    const user = await createOwner(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale }, meta);
    const session = await createSession(ctx, tx, user.id, meta);
    return { userId: user.id, ...session };
  });
}

/** Also used by `voxpop create-admin`. */
export async function createOwner(
  tx: Queryable,
  input: { email: string; name: string; password?: string; passwordHash?: string; locale?: 'ru' | 'en' },
  meta: RequestMeta | null,
) {
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
  const user = await insertUser(tx, { email: input.email, name: input.name, locale: input.locale ?? 'ru', installationRole: 'owner', passwordHash });
  if (!user) throw new DomainError('user.email_taken', 'A user with this email already exists');
  await recordAudit(tx, null, meta ?? { ip: null, userAgent: null }, { action: 'user.owner_created', targetType: 'user', targetId: user.id, details: { email: user.email } });
  return user;
}
