import { z } from 'zod';
import { analyseComments } from '../../app/analytics/analyseComments.ts';
import { trainTenantClassifier } from '../../app/analytics/trainClassifier.ts';
import type { Queryable } from '../../store/db.ts';
import { defineJob } from '../define.ts';
import { enqueue } from '../queue.ts';

/**
 * Every minute (and on demand, e.g. after an import or a lexicon change):
 * analyses the open-text answers (language, topics, sentiment) of responses
 * changed since the last run, then redoes analyses an older lexicon or
 * classifier made. Without a tenant, all tenants.
 */
export const commentsAnalyseJob = defineJob({
  id: 'comments.analyse',
  version: 1,
  payload: z.object({ tenantId: z.uuid().optional() }).passthrough(),
  handler: async (ctx, data) => {
    const summary = await analyseComments(ctx, { tenantId: data.tenantId });
    if (summary.written > 0 || summary.removed > 0 || summary.reanalysed > 0) ctx.log.info(summary, 'comments analysed');
  },
});

/** Asks for a comment analysis run soon, in the caller's transaction. One pending run per tenant. */
export async function requestCommentAnalysis(q: Queryable, tenantId: string, runAt?: Date): Promise<void> {
  await enqueue(q, commentsAnalyseJob, { tenantId }, { jobKey: `comments.analyse:${tenantId}`, ...(runAt ? { runAt } : {}) });
}

/** Retrains a tenant's comment classifier from its analysts' corrections; asks for a re-analysis when the model changed. */
export const commentsTrainJob = defineJob({
  id: 'comments.train',
  version: 1,
  payload: z.object({ tenantId: z.uuid() }),
  handler: async (ctx, data) => {
    const result = await trainTenantClassifier(ctx, data.tenantId);
    ctx.log.info({ tenantId: data.tenantId, ...result }, 'comment classifier trained');
  },
});

/** How long corrections gather before the classifier is retrained: at most one training per tenant per this. */
export const CLASSIFIER_TRAINING_DELAY_MS = 60_000;

/**
 * Asks for a training run, in the caller's transaction: a minute after the
 * first correction of a burst; later corrections join that run (the pending
 * job keeps its time), so a busy analyst costs one training a minute.
 */
export async function requestClassifierTraining(q: Queryable, tenantId: string, now: Date): Promise<void> {
  await enqueue(q, commentsTrainJob, { tenantId }, {
    jobKey: `comments.train:${tenantId}`,
    jobKeyMode: 'preserve_run_at',
    runAt: new Date(now.getTime() + CLASSIFIER_TRAINING_DELAY_MS),
  });
}
