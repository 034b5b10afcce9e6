import { sendEmailJob } from '../../jobs/definitions/sendEmail.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { Queryable } from '../../store/db.ts';
import { insertOneTimeToken } from '../../store/repos/oneTimeTokens.ts';
import { findUserByEmail } from '../../store/repos/users.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { randomSecret, sha256 } from '../secrets.ts';

export const RESET_LINK_TTL_MS = 60 * 60_000;
export const INVITE_LINK_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Emails a one-time link to set a new password. Answers the same whether or not
 * the address exists, so the form cannot be used to find out who has an account.
 * The email job is enqueued in the same transaction as the token it carries.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, meta: RequestMeta): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.disabled) {
    await recordAudit(ctx.db, null, meta, { action: 'auth.password_reset_requested', details: { knownUser: false } });
    return;
  }
  await ctx.db.transaction((tx) => issuePasswordLink(ctx, tx, user, 'password_reset', meta));
}

/** Shared by password reset and by accounts created without a password (the invitation). Runs in the caller's transaction. */
export async function issuePasswordLink(
  ctx: AppContext,
  tx: Queryable,
  user: { id: string; email: string; name: string; locale: string },
  template: 'password_reset' | 'account_invite',
  meta: RequestMeta,
): Promise<void> {
  const secret = randomSecret();
  const idHash = sha256(secret);
  const ttlMs = template === 'account_invite' ? INVITE_LINK_TTL_MS : RESET_LINK_TTL_MS;
  await insertOneTimeToken(tx, { idHash, purpose: 'password_reset', userId: user.id, expiresAt: new Date(ctx.clock.now().getTime() + ttlMs) });
  await enqueue(tx, sendEmailJob, {
    to: user.email,
    template,
    locale: user.locale === 'en' ? 'en' : 'ru',
    vars: { name: user.name, link: `${ctx.config.http.publicUrl}/reset-password/${secret}` },
    idempotencyKey: `${template}-${idHash.slice(0, 16)}`,
  });
  await recordAudit(tx, null, meta, { action: `auth.${template}_sent`, targetType: 'user', targetId: user.id });
}
