import { deleteSession } from '../../store/repos/sessions.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import type { SessionPrincipal } from './resolveSession.ts';

export async function logout(ctx: AppContext, principal: SessionPrincipal, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, principal.sessionHash);
    await recordAudit(tx, principal.actor, meta, { action: 'auth.logout', targetType: 'user', targetId: principal.user.id });
  });
}
