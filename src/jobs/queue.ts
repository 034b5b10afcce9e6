import { sql } from 'drizzle-orm';
import type { Queryable } from '../store/db.ts';
import type { JobDefinition } from './define.ts';
import type { z } from 'zod';

export interface EnqueueOptions {
  /** De-duplicates: a second job with the same key replaces the pending one instead of adding another. */
  jobKey?: string;
  /** With a jobKey: 'preserve_run_at' keeps a pending job's time (throttle) instead of moving it (debounce). */
  jobKeyMode?: 'replace' | 'preserve_run_at';
  runAt?: Date;
}

/**
 * Adds a job through the given transaction: the job exists if and only if the
 * state change it belongs to commits (the outbox rule). graphile-worker's
 * `add_job` is a SQL function, so this is one more statement in the same transaction.
 */
export async function enqueue<S extends z.ZodType>(
  q: Queryable,
  job: JobDefinition<S>,
  data: z.input<S>,
  opts: EnqueueOptions = {},
): Promise<void> {
  const payload = JSON.stringify({ v: job.version, data: job.payload.parse(data) });
  await q.execute(sql`select graphile_worker.add_job(
    identifier => ${job.id},
    payload => ${payload}::json,
    run_at => ${opts.runAt ?? null}::timestamptz,
    max_attempts => ${job.maxAttempts ?? 10}::int,
    job_key => ${opts.jobKey ?? null}::text,
    job_key_mode => ${opts.jobKeyMode ?? 'replace'}::text
  )`);
}
