import { z } from 'zod';
import { refreshRollups } from '../../app/analytics/refreshRollups.ts';
import type { Queryable } from '../../store/db.ts';
import { defineJob } from '../define.ts';
import { enqueue } from '../queue.ts';

/**
 * Every minute (and on demand, e.g. after an import): rebuilds the metric
 * rollups of the days whose responses changed. Without a tenant, all tenants.
 */
export const analyticsRollupJob = defineJob({
  id: 'analytics.rollup',
  version: 1,
  payload: z.object({ tenantId: z.uuid().optional() }).passthrough(),
  handler: async (ctx, data) => {
    const summary = await refreshRollups(ctx, { tenantId: data.tenantId });
    if (summary.days > 0) ctx.log.info(summary, 'metric rollups rebuilt');
  },
});

/**
 * Asks for a rollup run soon (after an import, say), in the caller's
 * transaction. One pending run per tenant: asking again replaces it.
 */
export async function requestRollup(q: Queryable, tenantId: string, runAt?: Date): Promise<void> {
  await enqueue(q, analyticsRollupJob, { tenantId }, { jobKey: `analytics.rollup:${tenantId}`, ...(runAt ? { runAt } : {}) });
}
