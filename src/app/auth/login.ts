import { DomainError } from '../../domain/errors.ts';
import { findUserByEmail, recordLoginFailure, recordLoginSuccess } from '../../store/repos/users.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { verifyPassword } from '../secrets.ts';
import { createSession } from './createSession.ts';

const invalidCredentials = () => new DomainError('auth.invalid_credentials', 'Wrong email or password');

/**
 * Password login with lockout: after `maxFailures` wrong passwords in a row the
 * account is locked for a while, whoever is trying. Failures are committed even
 * though the call then fails, so the count cannot be reset by erroring out.
 */
export async function login(ctx: AppContext, input: { email: string; password: string }, meta: RequestMeta) {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, input.email);
  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordAudit(ctx.db, null, meta, { action: 'auth.login_refused_locked', targetType: 'user', targetId: user.id });
    throw new DomainError('auth.locked', 'Too many failed attempts. The account is locked for a while; try later or reset the password', {
      retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.disabled) {
    if (user && !passwordOk) {
      const state = await recordLoginFailure(ctx.db, user.id, ctx.config.login.maxFailures, now, new Date(now.getTime() + ctx.config.login.lockMs));
      await recordAudit(ctx.db, null, meta, {
        action: state.lockedUntil && state.lockedUntil > now ? 'auth.account_locked' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        details: { failedLoginCount: state.failedLoginCount },
      });
    } else {
      await recordAudit(ctx.db, null, meta, { action: 'auth.login_failed', details: { knownUser: Boolean(user) } });
    }
    throw invalidCredentials();
  }
  return ctx.db.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id);
    const session = await createSession(ctx, tx, user.id, meta);
    await recordAudit(tx, { kind: 'user', userId: user.id, label: user.email, installationRole: null, memberships: [] }, meta, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
    });
    return { userId: user.id, ...session };
  });
}
