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

/** Runs every job that is due, once, with the real worker, then returns. */
export async function drainJobs(t: TestApp): Promise<void> {
  await runOnce({ pgPool: t.database.pool, taskList: taskList(t.ctx), logger: silentWorkerLogger(), noHandleSignals: true });
}
