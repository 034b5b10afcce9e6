import { sql } from 'drizzle-orm';
import { runOnce } from 'graphile-worker';
import type { AppContext } from '../../src/app/context.ts';
import { silentWorkerLogger } from '../../src/store/migrate.ts';
import { taskList } from '../../src/jobs/worker.ts';
import type { TestApp } from './app.ts';

/** Jobs waiting in the real queue, by task identifier. */
export async function queuedJobs(ctx: AppContext): Promise<Array<{ task: string; payload: { v: number; data: Record<string, unknown> } }>> {
  const rows = await ctx.db.execute<{ task: string; payload: { v: number; data: Record<string, unknown> } }>(
    sql`select t.identifier as task, j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id order by j.id`,
  );
  return rows.rows;
}

/**
 * Runs every job that is due with the real worker, then returns once none is
 * due or still held. runOnce alone can return while a finished job's
 * completion is still being written (seen under load in CI), and a job may
 * enqueue another; so: run, look, repeat. A failed job is rescheduled into the
 * future by the queue's backoff, so it does not keep the loop going.
 */
export async function drainJobs(t: TestApp): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await runOnce({ pgPool: t.database.pool, taskList: taskList(t.ctx), logger: silentWorkerLogger(), noHandleSignals: true });
    const { rows } = await t.database.pool.query<{ held: number; due: number }>(
      `select count(*) filter (where locked_at is not null)::int as held,
              count(*) filter (where locked_at is null and run_at <= now() and attempts < max_attempts)::int as due
         from graphile_worker._private_jobs`,
    );
    if (rows[0]!.held === 0 && rows[0]!.due === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('drainJobs: jobs still due after 50 rounds');
}
