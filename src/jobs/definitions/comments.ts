import { z } from 'zod';
import { analyseComments } from '../../app/analytics/analyseComments.ts';
import type { Queryable } from '../../store/db.ts';
import { defineJob } from '../define.ts';
import { enqueue } from '../queue.ts';

/**
 * Every minute (and on demand, e.g. after an import): analyses the open-text
 * answers (language, topics, sentiment) of responses changed since the last
 * run. Without a tenant, all tenants.
 */
export const commentsAnalyseJob = defineJob({
  id: 'comments.analyse',
  version: 1,
  payload: z.object({ tenantId: z.uuid().optional() }).passthrough(),
  handler: async (ctx, data) => {
    const summary = await analyseComments(ctx, { tenantId: data.tenantId });
    if (summary.written > 0 || summary.removed > 0) ctx.log.info(summary, 'comments analysed');
  },
});

/** Asks for a comment analysis run soon, in the caller's transaction. One pending run per tenant. */
export async function requestCommentAnalysis(q: Queryable, tenantId: string, runAt?: Date): Promise<void> {
  await enqueue(q, commentsAnalyseJob, { tenantId }, { jobKey: `comments.analyse:${tenantId}`, ...(runAt ? { runAt } : {}) });
}
