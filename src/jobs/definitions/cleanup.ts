import { z } from 'zod';
import { deleteDeadOneTimeTokens } from '../../store/repos/oneTimeTokens.ts';
import { deleteExpiredSessions } from '../../store/repos/sessions.ts';
import { defineJob } from '../define.ts';

/** Hourly: removes expired sessions and dead one-time links. Safe to run any number of times. */
export const cleanupJob = defineJob({
  id: 'maintenance.cleanup',
  version: 1,
  payload: z.object({}).passthrough(),
  handler: async (ctx) => {
    const now = ctx.clock.now();
    const sessions = await deleteExpiredSessions(ctx.db, now);
    await deleteDeadOneTimeTokens(ctx.db, now);
    if (sessions > 0) ctx.log.info({ sessions }, 'expired sessions removed');
  },
});
