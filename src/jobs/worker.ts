import { Logger, parseCronItems, run, type Runner, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { cronJobs, jobs } from './registry.ts';

const envelope = z.object({ v: z.number().int(), data: z.unknown() });

/** Builds graphile-worker's task list from our registry: validate the payload, then call the handler. */
export function taskList(ctx: AppContext): TaskList {
  return Object.fromEntries(
    jobs.map((job) => [
      job.id,
      async (raw: unknown, helpers: { job: { id: string; attempts: number } }) => {
        const parsedEnvelope = envelope.safeParse(raw);
        // Cron jobs carry graphile's own payload ({ _cron }); treat it as the data itself.
        const { v, data } = parsedEnvelope.success ? parsedEnvelope.data : { v: job.version, data: raw };
        if (v > job.version) {
          throw new Error(`${job.id}: payload version ${v} is newer than this code (${job.version}); a newer worker will run it`);
        }
        const payload = job.payload.parse(data);
        await job.handler(ctx, payload, { attempt: helpers.job.attempts, jobId: String(helpers.job.id) });
      },
    ]),
  );
}

export function workerLogger(ctx: AppContext): Logger {
  const log = ctx.log.child({ component: 'worker' });
  return new Logger(() => (level, message, meta) => {
    const fn = level === 'error' ? log.error : level === 'warning' ? log.warn : level === 'info' ? log.info : log.debug;
    fn.call(log, meta ?? {}, message);
  });
}

/** Runs jobs until stopped. Signals are ours to handle (src/bin), so graphile's own handlers are off. */
export async function startWorker(ctx: AppContext, pgPool: pg.Pool, opts: { cron?: boolean; pollIntervalMs?: number } = {}): Promise<Runner> {
  return run({
    pgPool,
    taskList: taskList(ctx),
    concurrency: ctx.config.worker.concurrency,
    noHandleSignals: true,
    pollInterval: opts.pollIntervalMs ?? 2000,
    logger: workerLogger(ctx),
    parsedCronItems: opts.cron === false ? [] : parseCronItems(cronJobs.map(({ job, pattern }) => ({ task: job.id, match: pattern, identifier: job.id, payload: {} }))),
  });
}
