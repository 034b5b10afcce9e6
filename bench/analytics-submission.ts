import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildServer } from '../src/http/server.ts';
import { openBuiltDataset } from './lib/analyticsDataset.ts';
import { writeResults } from './lib/campaignFixture.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { cpuSince, cpuSnapshot, parentPid, pctOfCore } from './lib/cpu.ts';
import { percentile } from './lib/latency.ts';
import { machineInfo, markdownTable, round } from './lib/report.ts';

/**
 * `analytics-submission`: does building rollups and comment analyses slow down the
 * answer path? On the 10,000,000-answer database, respondents submit a whole survey
 * (an NPS score, 1 in 6 with a comment, `final: true`) through the public answers
 * endpoint (POST /api/public/v1/s/:token/answers, via app.inject, each on a personal
 * invitation), 10 at a time, for the same duration without and with the analytics jobs
 * running in a loop beside it (refreshRollups + analyseComments, in a child process of
 * their own as the worker runs them, with no pause between runs), alternated
 * A B A B after a warm-up; then A C with the jobs once a minute (as the worker's cron runs
 * them, phases of 60 s), and A D with them every 5 s.
 * Target: with the jobs, throughput at most 10 % lower.
 */
export interface AnalyticsSubmissionOptions {
  cleanup: Cleanup;
  quick: boolean;
  rows?: number | undefined;
}

const CONCURRENCY = 10;
const TARGET_SLOWDOWN = 0.1;

interface PhaseResult {
  phase: string;
  jobs: boolean;
  seconds: number;
  submitted: number;
  failed: number;
  perS: number;
  p50Ms: number;
  p95Ms: number;
  cpu: { node: number; postgres: number | null; other: number | null };
  jobsLoop?: { iterations: number; rollupMsMean: number; commentsMsMean: number; commentsWritten: number; cpuPercentOfCore: number } | undefined;
}

export async function runAnalyticsSubmission(opts: AnalyticsSubmissionOptions): Promise<boolean> {
  const ds = await openBuiltDataset({ cleanup: opts.cleanup, quick: opts.quick, rows: opts.rows });
  const { ctx, data } = ds;
  const app = await buildServer(ctx, { webApp: false });
  opts.cleanup.defer('close the server', () => app.close());
  await app.ready();

  const phaseS = opts.quick ? 2 : 20;
  const run = Math.random().toString(36).slice(2, 8);
  // Personal links made in SQL (the token's SHA-256 as createInvitation stores it; 23 characters, as a link
  // needs at least 16), enough for the fastest phase.
  const perPhase = opts.quick ? 2_000 : 30_000;
  // A: no jobs; B: the jobs in a loop with no pause (the target's case); C: the jobs once a minute, as the
  // worker's cron runs them (phases of a minute); D: every 5 s, to see how the cost scales with the rate.
  const phases = ['warm-up', 'A1 without jobs', 'B1 with jobs looping', 'A2 without jobs', 'B2 with jobs looping', 'A3 without jobs (60 s)', 'C3 with jobs once a minute (60 s)', 'A4 without jobs', 'D4 with jobs every 5 s'];
  const pauseOf = (label: string) => (label.includes('looping') ? 0 : label.includes('once a minute') ? 60_000 : label.includes('every 5 s') ? 5000 : null);
  const secondsOf = (label: string) => (label.includes('(60 s)') && !opts.quick ? 60 : phaseS);
  await ctx.db.execute(sql`
    insert into invitations (tenant_id, survey_id, survey_version_id, token_hash, channel, language, attributes, expires_at)
    select ${data.tenantId}, ${data.surveyId}, ${data.versionId}, encode(sha256(convert_to(${`bench-${run}-`} || lpad(i::text, 10, '0'), 'UTF8')), 'hex'), 'web', 'ru',
           jsonb_build_object('service_type', 'Услуга ' || lpad((1 + i % 50)::text, 2, '0'), 'department', 'Отдел ' || lpad((1 + (1 + i % 1000) % 40)::text, 2, '0'),
                              'employee', 'op' || lpad((1 + i % 1000)::text, 4, '0'), 'region', 'Москва'),
           now() + interval '30 days'
      from generate_series(1, ${perPhase * phases.length}) as i`);
  let next = 0;
  const tokens = (phase: number) => ({ from: phase * perPhase + 1, to: (phase + 1) * perPhase });

  const backend = await ds.runtime.database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
  const postmasterPid = parentPid(backend.rows[0]!.pid);
  let ip = 0;

  async function submitFor(label: string, index: number, jobs: boolean, durationS: number): Promise<PhaseResult> {
    const range = tokens(index);
    next = range.from;
    const latencies: number[] = [];
    let failed = 0;
    const cpuStart = cpuSnapshot(postmasterPid);
    const started = performance.now();
    const deadline = started + durationS * 1000;
    const worker = async () => {
      while (performance.now() < deadline && next <= range.to) {
        const i = next++;
        ip += 1;
        const t = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: `/api/public/v1/s/bench-${run}-${String(i).padStart(10, '0')}/answers`,
          remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
          payload: { answers: i % 6 === 0 ? { nps: i % 11, reason: 'ждал ответа оператора 20 минут' } : { nps: i % 11 }, final: true },
        });
        latencies.push(performance.now() - t);
        if (res.statusCode !== 200) {
          failed += 1;
          if (failed <= 3) console.error(`  ${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSince(cpuStart, postmasterPid);
    const node = pctOfCore(cpu.serverS, cpu.wallS)!;
    const pg = pctOfCore(cpu.postgresS, cpu.wallS);
    const machine = pctOfCore(cpu.machineS, cpu.wallS);
    const sorted = latencies.sort((a, b) => a - b);
    if (next > range.to) console.error(`  ${label}: ran out of invitations before the end of the phase`);
    return {
      phase: label, jobs, seconds: round(seconds, 1), submitted: latencies.length - failed, failed, perS: round((latencies.length - failed) / seconds, 1),
      p50Ms: round(percentile(sorted, 50), 1), p95Ms: round(percentile(sorted, 95), 1),
      cpu: { node, postgres: pg, other: machine === null ? null : Math.max(0, machine - node - (pg ?? 0)) },
    };
  }

  const results: PhaseResult[] = [];
  for (const [index, label] of phases.entries()) {
    const pause = pauseOf(label);
    const jobs = pause !== null;
    const child = jobs ? await startJobsLoop(opts.cleanup, ds.url, data.tenantId, pause) : null;
    const r = await submitFor(label, index, jobs, secondsOf(label));
    if (child) {
      const s = await child.stop();
      r.jobsLoop = {
        iterations: s.iterations, rollupMsMean: round(s.rollupMs / Math.max(1, s.iterations), 0), commentsMsMean: round(s.commentsMs / Math.max(1, s.iterations), 0),
        commentsWritten: s.commentsWritten, cpuPercentOfCore: pctOfCore(s.cpuS, r.seconds)!,
      };
    }
    console.error(`  ${label}: ${r.perS}/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms${r.jobsLoop ? `, jobs looped ${r.jobsLoop.iterations}×` : ''}`);
    results.push(r);
  }

  const measured = results.slice(1, 5);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const without = mean(measured.filter((r) => !r.jobs).map((r) => r.perS));
  const withJobs = mean(measured.filter((r) => r.jobs).map((r) => r.perS));
  const ratio = withJobs / without;
  const pairRatios = [measured[1]!.perS / measured[0]!.perS, measured[3]!.perS / measured[2]!.perS].map((x) => round(x, 3));
  const minuteRatio = round(results[6]!.perS / results[5]!.perS, 3);
  const pacedRatio = round(results[8]!.perS / results[7]!.perS, 3);
  const ok = measured.every((r) => r.failed === 0);

  const m = machineInfo();
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; ${ds.database} (${data.answers} answers); commit ${m.gitCommit}.`);
  console.log(`analytics-submission: ${CONCURRENCY} concurrent respondents, ${phaseS} s per phase (60 s for A3, C3), warm-up then A B A B (A without, B with the analytics jobs looping in a child process), A C (jobs once a minute), A D (every 5 s).\n`);
  console.log(markdownTable(
    ['Phase', 'submissions/s', 'p50 ms', 'p95 ms', 'failed', 'CPU % node', 'PG', 'other (incl. jobs)', 'jobs: runs, rollup ms, comments ms'],
    results.map((r) => [r.phase, r.perS, r.p50Ms, r.p95Ms, r.failed, r.cpu.node, r.cpu.postgres ?? '–', r.cpu.other ?? '–', r.jobsLoop ? `${r.jobsLoop.iterations}, ${r.jobsLoop.rollupMsMean}, ${r.jobsLoop.commentsMsMean}` : '']),
  ));
  console.log(`\nwith the jobs looping ÷ without (A B A B): ${round(ratio, 3)} (pairs ${pairRatios.join(', ')}); slowdown ${round((1 - ratio) * 100, 1)} %`);
  console.log(`with the jobs once a minute ÷ without (A3 C3, 60 s each): ${minuteRatio}; slowdown ${round((1 - minuteRatio) * 100, 1)} %`);
  console.log(`with the jobs every 5 s ÷ without (A4 D4): ${pacedRatio}; slowdown ${round((1 - pacedRatio) * 100, 1)} %`);
  console.log(!ok ? 'FAILED: some submissions were refused.' : 1 - ratio <= TARGET_SLOWDOWN ? `OK: within the ${TARGET_SLOWDOWN * 100} % target.` : `MISSED the ${TARGET_SLOWDOWN * 100} % target.`);

  if (!opts.quick && ds.answers === 10_000_000) {
    await writeResults('analytics-submission', { machine: m, dataset: data, concurrency: CONCURRENCY, phaseSeconds: phaseS, results, ratio: round(ratio, 3), pairRatios, minuteRatio, pacedRatio });
  }
  return ok;
}

interface JobsTotals {
  iterations: number;
  rollupMs: number;
  commentsMs: number;
  rollupDays: number;
  commentsWritten: number;
  cpuS: number;
}

/** lib/analyticsJobsChild.ts in a child process (TypeScript through tsx); resolves once it is connected. */
async function startJobsLoop(cleanup: Cleanup, url: string, tenantId: string, pauseMs: number): Promise<{ stop: () => Promise<JobsTotals> }> {
  const file = fileURLToPath(new URL('./lib/analyticsJobsChild.ts', import.meta.url));
  const child: ChildProcess = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_TENANT_ID: tenantId, BENCH_JOBS_PAUSE_MS: String(pauseMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    signal: cleanup.signal,
  });
  child.on('error', () => undefined);
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  cleanup.defer('stop the analytics jobs loop', async () => {
    if (!exited) child.kill('SIGKILL');
    await gone;
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the jobs loop exited with ${code} before starting`)));
  });
  return {
    stop: async () => {
      const totals = new Promise<JobsTotals>((resolve) => child.once('message', (m) => resolve(m as JobsTotals)));
      child.send('stop');
      const result = await totals;
      await gone;
      return result;
    },
  };
}
