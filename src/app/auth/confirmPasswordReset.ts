import { DomainError } from '../../domain/errors.ts';
import { consumeOneTimeToken } from '../../store/repos/oneTimeTokens.ts';
import { deleteSessionsOfUser } from '../../store/repos/sessions.ts';
import { updateUser } from '../../store/repos/users.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { hashPassword, sha256 } from '../secrets.ts';

/** Sets a new password from a one-time link; every open session of that user is closed. */
export async function confirmPasswordReset(ctx: AppContext, input: { token: string; password: string }, meta: RequestMeta) {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const token = await consumeOneTimeToken(tx, sha256(input.token), 'password_reset', ctx.clock.now());
    if (!token?.userId) throw new DomainError('auth.link_invalid', 'This link is invalid, expired or already used. Ask for a new one');
    await updateUser(tx, token.userId, { passwordHash });
    await deleteSessionsOfUser(tx, token.userId);
    await recordAudit(tx, null, meta, { action: 'auth.password_reset', targetType: 'user', targetId: token.userId });
  });
}
