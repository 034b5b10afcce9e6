import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { analyseComments } from '../../src/app/analytics/analyseComments.ts';
import { refreshRollups } from '../../src/app/analytics/refreshRollups.ts';
import { openRuntime } from '../../src/bin/runtime.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/http/logger.ts';

/**
 * The analytics jobs in a loop, in a process of their own as the worker runs them:
 * refreshRollups then analyseComments for one tenant, again and again with no pause
 * (the worker runs each once a minute: this is the worst case), or with a pause of
 * BENCH_JOBS_PAUSE_MS between runs, until told 'stop'.
 * Env: BENCH_DATABASE_URL, BENCH_TENANT_ID, BENCH_JOBS_PAUSE_MS (default 0). Sends { ready } once open, then on stop
 * its totals and its own CPU seconds.
 */
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-bench-jobs-'));
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', VOXPOP_DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL, VOXPOP_DB_POOL_MAX: '2' });
const runtime = await openRuntime(config, createLogger('warn'), { migrate: false });
const tenantId = process.env.BENCH_TENANT_ID!;
const pauseMs = Number(process.env.BENCH_JOBS_PAUSE_MS ?? 0);
let stopping = false;
process.on('message', (m) => {
  if (m === 'stop') stopping = true;
});
const totals = { iterations: 0, rollupMs: 0, commentsMs: 0, rollupDays: 0, commentsWritten: 0 };
const cpuStart = process.cpuUsage();
process.send!({ ready: true });
while (!stopping) {
  let t = performance.now();
  const r = await refreshRollups(runtime.ctx, { tenantId });
  totals.rollupMs += performance.now() - t;
  totals.rollupDays += r.days;
  t = performance.now();
  const c = await analyseComments(runtime.ctx, { tenantId });
  totals.commentsMs += performance.now() - t;
  totals.commentsWritten += c.written;
  totals.iterations += 1;
  for (const until = performance.now() + pauseMs; !stopping && performance.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
}
const cpu = process.cpuUsage(cpuStart);
process.send!({ ...totals, cpuS: (cpu.user + cpu.system) / 1e6 }, () => {
  void runtime.close().then(() => fs.rm(dataDir, { recursive: true, force: true })).finally(() => process.exit(0));
});
