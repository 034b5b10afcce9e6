import { z } from 'zod';
import { dispatchCampaign } from '../../app/campaigns/dispatcher.ts';
import { sendTestMessage, TestSendPayload } from '../../app/campaigns/messages.ts';
import { PLAN_CHUNK, PLAN_PARTITIONS, planNextChunk } from '../../app/campaigns/planner.ts';
import { defineJob } from '../define.ts';
import { enqueue } from '../queue.ts';

/**
 * Materialises a list campaign one chunk per transaction, and sends as it
 * goes: the dispatcher starts on the first chunk while the planner makes the rest.
 */
export const campaignPlanJob = defineJob({
  id: 'campaign.plan',
  version: 1,
  payload: z.object({ campaignId: z.uuid() }),
  handler: async (ctx, data) => {
    let chunks = 0;
    let planned = 0;
    const planPartition = async (index: number) => {
      for (;;) {
        const progress = await planNextChunk(ctx, data.campaignId, PLAN_CHUNK, { index, of: PLAN_PARTITIONS });
        chunks += 1;
        planned = Math.max(planned, progress.planned);
        // Sending starts with the first chunk; the rest is planned meanwhile.
        if (chunks === 1 || progress.done) await enqueue(ctx.db, campaignDispatchJob, data, { jobKey: `campaign-dispatch:${data.campaignId}` });
        if (progress.done) return;
      }
    };
    await Promise.all(Array.from({ length: PLAN_PARTITIONS }, (_, index) => planPartition(index)));
    ctx.log.info({ campaignId: data.campaignId, planned }, 'campaign planned');
  },
});

/** Sends what is due for one campaign for up to ~20 s, then hands over to a fresh job if more is due. */
export const campaignDispatchJob = defineJob({
  id: 'campaign.dispatch',
  version: 1,
  payload: z.object({ campaignId: z.uuid() }),
  handler: async (ctx, data) => {
    const result = await dispatchCampaign(ctx, { mailer: ctx.mailer, sms: ctx.sms }, data.campaignId);
    if (result.sent + result.failed + result.skipped > 0) ctx.log.info({ campaignId: data.campaignId, ...result }, 'campaign messages dispatched');
    if (result.more) await enqueue(ctx.db, campaignDispatchJob, data, { jobKey: `campaign-dispatch:${data.campaignId}`, runAt: new Date(Date.now() + 1000) });
  },
});

/** A campaign message sent once to its author, with a test link. */
export const campaignTestSendJob = defineJob({
  id: 'campaign.testSend',
  version: 1,
  maxAttempts: 3,
  payload: TestSendPayload,
  handler: async (ctx, data) => {
    await sendTestMessage(ctx, data);
  },
});
