import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { listCommentsForExplorer } from '../src/app/analytics/comments.ts';
import { employeeRanking } from '../src/app/analytics/employeeRanking.ts';
import { npsBreakdown } from '../src/app/analytics/breakdown.ts';
import { npsHeadline } from '../src/app/analytics/headline.ts';
import { refreshRollups } from '../src/app/analytics/refreshRollups.ts';
import { analyseComments } from '../src/app/analytics/analyseComments.ts';
import { npsTrend } from '../src/app/analytics/trend.ts';
import type { AppContext } from '../src/app/context.ts';
import type { Actor } from '../src/domain/access.ts';
import { openBuiltDataset } from './lib/analyticsDataset.ts';
import { serviceLabel } from './lib/answerGenerator.ts';
import { explainingContext, writeResults } from './lib/campaignFixture.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { cpuSince, cpuSnapshot, parentPid, pctOfCore } from './lib/cpu.ts';
import { measureLatency, type LatencyCase } from './lib/latency.ts';
import { machineInfo, markdownTable, round } from './lib/report.ts';

/**
 * `analytics-dashboard`: a tenant with 10,000,000 answers over 2 years (bench/lib/answerGenerator.ts),
 * its rollups and comment analyses built by the jobs' own functions; then warm
 * latency, p50/p95 over ≥ 30 runs each, of what the dashboard asks: headline + trend
 * (target p95 ≤ 150 ms), employee ranking (≤ 300 ms), comment search (≤ 300 ms).
 * The use cases are called directly with an analyst's actor, as the routes call them
 * (the HTTP layer adds about a millisecond, see http-baseline).
 */
export interface AnalyticsDashboardOptions {
  cleanup: Cleanup;
  quick: boolean;
  rows?: number | undefined;
  explain?: boolean;
}

const DASHBOARD_TARGET_MS = 150;
const RANKING_TARGET_MS = 300;
const COMMENTS_TARGET_MS = 300;

export async function runAnalyticsDashboard(opts: AnalyticsDashboardOptions): Promise<boolean> {
  const ds = await openBuiltDataset({ cleanup: opts.cleanup, quick: opts.quick, rows: opts.rows });
  const { ctx, data } = ds;
  const tenantId = data.tenantId;
  console.error(`  dataset: ${data.responses} responses, ${data.answers} answers (${data.comments} comments), ${data.from} … ${data.to}${ds.loadedNow ? `, loaded now in ${round(data.seconds, 0)} s` : ', reused'}`);
  console.error(`  first build${ds.builtNow ? '' : ' (recorded when it ran)'}: rollups ${ds.build.rollups.seconds} s (${ds.build.rollups.rows} rows), comments ${ds.build.comments.seconds} s (${ds.build.comments.written} analysed, batches of ${ds.build.comments.batchSize})`);

  // The jobs' steady state: nothing changed since the build, so a run only looks.
  let t = performance.now();
  await refreshRollups(ctx, { tenantId });
  const rollupNoopMs = round(performance.now() - t, 0);
  t = performance.now();
  await analyseComments(ctx, { tenantId });
  const commentsNoopMs = round(performance.now() - t, 0);
  const rollupRows = (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from metric_rollups where tenant_id = ${tenantId}`)).rows[0]!.n;

  const actor: Actor = { kind: 'user', userId: randomUUID(), label: 'analyst', installationRole: null, memberships: [{ tenantId, role: 'analyst' }] };
  const cases = dashboardCases(ctx, actor, tenantId, data.from, data.to);

  if (opts.explain) {
    const explaining = explainingContext(ctx, ds.url, (text) => console.log(`\n${text}`));
    opts.cleanup.defer('close the explaining pool', explaining.close);
    for (const c of dashboardCases(explaining.ctx, actor, tenantId, data.from, data.to)) {
      console.log(`\n==== ${c.name}`);
      await c.run();
    }
  }

  const backend = await ds.runtime.database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
  const postmasterPid = parentPid(backend.rows[0]!.pid);
  const rounds = opts.quick ? 3 : 30;
  const cpuStart = cpuSnapshot(postmasterPid);
  const figures = await measureLatency(cases, { warmups: opts.quick ? 1 : 3, rounds, onRound: (i) => (i + 1) % 10 === 0 && console.error(`  round ${i + 1}/${rounds}`) });
  const cpu = cpuSince(cpuStart, postmasterPid);
  const node = pctOfCore(cpu.serverS, cpu.wallS)!;
  const pg = pctOfCore(cpu.postgresS, cpu.wallS);
  const machine = pctOfCore(cpu.machineS, cpu.wallS);
  const other = machine === null ? null : Math.max(0, machine - node - (pg ?? 0));

  const m = machineInfo();
  const version = (await ds.runtime.database.pool.query<{ v: string }>('select version() as v')).rows[0]!.v.split(' on ')[0];
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; ${version} (${ds.database}); commit ${m.gitCommit}.`);
  console.log(`analytics-dashboard: ${data.answers} answers (${data.responses} responses, ${data.comments} comments), ${rollupRows} rollup rows.`);
  console.log(`  first build: refreshRollups ${ds.build.rollups.seconds} s, analyseComments ${ds.build.comments.seconds} s (batches of ${ds.build.comments.batchSize}); a run with nothing new: rollups ${rollupNoopMs} ms, comments ${commentsNoopMs} ms`);
  console.log(`  ${rounds} rounds, each case once per round, one at a time, after warm-up. CPU % of one core: node ${node}, PostgreSQL ${pg ?? '–'}, other ${other ?? '–'}${other !== null && other > 50 ? '  WARNING: the machine was busy' : ''}\n`);
  console.log(markdownTable(['Case', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'target p95', ''], figures.map((f) => [f.name, f.runs, f.p50Ms, f.p95Ms, f.maxMs, `${f.targetMs}`, f.ok ? 'OK' : 'MISSED'])));
  const missed = figures.filter((f) => !f.ok);
  console.log(missed.length === 0 ? '\nOK: every case within its target.' : `\nMISSED: ${missed.map((f) => `${f.name} (p95 ${f.p95Ms} ms > ${f.targetMs})`).join('; ')}`);

  if (!opts.quick && ds.answers === 10_000_000) {
    await writeResults('analytics-dashboard', {
      machine: m,
      database: version,
      dataset: data,
      rollupRows,
      firstBuild: ds.build,
      noopRunMs: { rollups: rollupNoopMs, comments: commentsNoopMs },
      cpuPercentOfCore: { node, postgres: pg, other },
      rounds,
      figures,
    });
  }
  return true;
}

/**
 * The dashboard's requests over the last 12 months and the last quarter of the data (ending `to`);
 * "2 years" is the whole generated period, so that answers analytics-submission added since (today's)
 * do not change what the comment searches find.
 */
function dashboardCases(ctx: AppContext, actor: Actor, tenantId: string, from: string, to: string): LatencyCase[] {
  const end = new Date(`${to}T00:00:00Z`);
  const monthsBack = (n: number) => new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - n + 1, 1)).toISOString().slice(0, 10);
  const year = { from: monthsBack(12), to };
  const quarter = { from: monthsBack(3), to };
  const service = { dimension: 'service_type', value: serviceLabel(3) };
  const all = { from, to };
  const dashboard = (filter: Parameters<typeof npsHeadline>[3], granularity: 'month' | 'week') => () =>
    Promise.all([npsHeadline(ctx, actor, tenantId, filter), npsTrend(ctx, actor, tenantId, { ...filter, granularity })]);
  const comments = (q: Partial<Parameters<typeof listCommentsForExplorer>[3]>) => () => listCommentsForExplorer(ctx, actor, tenantId, { limit: 50, ...q });
  const D = 'dashboard', R = 'ranking', C = 'comments';
  return [
    { group: D, name: `headline + trend by month, 12 months (${year.from} … ${year.to})`, targetMs: DASHBOARD_TARGET_MS, run: dashboard(year, 'month') },
    { group: D, name: `headline + trend by month, 12 months, service_type = ${service.value}`, targetMs: DASHBOARD_TARGET_MS, run: dashboard({ ...year, ...service }, 'month') },
    { group: D, name: `headline + trend by week, quarter (${quarter.from} … ${quarter.to})`, targetMs: DASHBOARD_TARGET_MS, run: dashboard(quarter, 'week') },
    { group: D, name: `headline + trend by week, quarter, service_type = ${service.value}`, targetMs: DASHBOARD_TARGET_MS, run: dashboard({ ...quarter, ...service }, 'week') },
    { group: D, name: 'breakdown by service_type, 12 months', targetMs: DASHBOARD_TARGET_MS, run: () => npsBreakdown(ctx, actor, tenantId, { ...year, dimension: 'service_type' }) },
    { group: D, name: 'breakdown by employee, 12 months', targetMs: RANKING_TARGET_MS, run: () => npsBreakdown(ctx, actor, tenantId, { ...year, dimension: 'employee' }) },
    { group: R, name: 'employee ranking, quarter (empirical Bayes)', targetMs: RANKING_TARGET_MS, run: () => employeeRanking(ctx, actor, tenantId, { ...quarter, method: 'empirical_bayes' }) },
    { group: R, name: 'employee ranking, 12 months (empirical Bayes)', targetMs: RANKING_TARGET_MS, run: () => employeeRanking(ctx, actor, tenantId, { ...year, method: 'empirical_bayes' }) },
    { group: R, name: 'employee ranking, 12 months (lower bound)', targetMs: RANKING_TARGET_MS, run: () => employeeRanking(ctx, actor, tenantId, { ...year, method: 'lower_bound' }) },
    { group: C, name: "comments q='ожидание', 2 years", targetMs: COMMENTS_TARGET_MS, run: comments({ q: 'ожидание', ...all }) },
    { group: C, name: "comments q='ждал', 2 years", targetMs: COMMENTS_TARGET_MS, run: comments({ q: 'ждал', ...all }) },
    { group: C, name: "comments q='ждал', quarter", targetMs: COMMENTS_TARGET_MS, run: comments({ q: 'ждал', ...quarter }) },
    { group: C, name: 'comments topic=wait_time, 2 years', targetMs: COMMENTS_TARGET_MS, run: comments({ topic: 'wait_time', ...all }) },
    { group: C, name: 'comments topic=staff_attitude, negative, quarter', targetMs: COMMENTS_TARGET_MS, run: comments({ topic: 'staff_attitude', sentiment: 'negative', ...quarter }) },
    { group: C, name: "comments q='ожидание' + topic=wait_time + service_type, 12 months", targetMs: COMMENTS_TARGET_MS, run: comments({ q: 'ожидание', topic: 'wait_time', ...service, ...year }) },
    { group: C, name: "comments q='грубил' (rarer word), 2 years", targetMs: COMMENTS_TARGET_MS, run: comments({ q: 'грубил', ...all }) },
    { group: C, name: "comments q='ждал', no period (all time)", targetMs: COMMENTS_TARGET_MS, run: comments({ q: 'ждал' }) },
  ];
}
