/**
 * The worker's campaign clock: every tick it settles attempts abandoned by a
 * dead worker, marks finished campaigns completed, and starts a dispatcher
 * for every running campaign with something due. Time is the context's
 * clock, so tests (and VOXPOP_CLOCK_FILE) move campaigns forward without sleeping.
 */
import { campaignDispatchJob } from '../../jobs/definitions/campaigns.ts';
import { enqueue } from '../../jobs/queue.ts';
import { campaignsWithDueAttempts, finishDoneCampaigns } from '../../store/repos/campaigns.ts';
import type { AppContext } from '../context.ts';
import { settleAbandoned } from './abandoned.ts';

export async function campaignTick(ctx: AppContext): Promise<{ dispatched: number; abandoned: number; completed: number }> {
  const now = ctx.clock.now();
  const abandoned = await settleAbandoned(ctx, ctx.config.campaigns.sendLeaseMs);
  if (abandoned > 0) ctx.log.warn({ abandoned }, 'campaign messages left mid-send by a stopped worker are marked in doubt and will not be sent again');
  const due = await campaignsWithDueAttempts(ctx.db, now);
  for (const { id } of due) await enqueue(ctx.db, campaignDispatchJob, { campaignId: id }, { jobKey: `campaign-dispatch:${id}` });
  const completed = await finishDoneCampaigns(ctx.db, now);
  return { dispatched: due.length, abandoned, completed: completed.length };
}

/** Runs the tick every `intervalMs` until stopped; a failed tick is logged and the next one tries again. */
export function startCampaignTicker(ctx: AppContext, intervalMs: number): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await campaignTick(ctx);
      } catch (err) {
        ctx.log.error({ err }, 'campaign tick failed');
      }
    });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
