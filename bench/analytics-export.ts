import type net from 'node:net';
import { sql } from 'drizzle-orm';
import { login } from '../src/app/auth/login.ts';
import { SESSION_COOKIE } from '../src/app/auth/sessionCookie.ts';
import { NO_META } from '../src/app/context.ts';
import { buildServer } from '../src/http/server.ts';
import { makeUser, TEST_PASSWORD } from '../test/factories/index.ts';
import { openBuiltDataset } from './lib/analyticsDataset.ts';
import { writeResults } from './lib/campaignFixture.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { machineInfo, markdownTable, round } from './lib/report.ts';

/**
 * `analytics-export`: the streamed answer export (GET …/analytics/export.csv and .xlsx)
 * of the most recent days of the 10,000,000-answer dataset holding at least 1,000,000
 * responses, over real HTTP on 127.0.0.1, read by a client that throws the bytes away.
 * The server's process RSS (and heap) is sampled every 100 ms: the requirement is that
 * it stays flat, i.e. does not grow with the rows written.
 */
export interface AnalyticsExportOptions {
  cleanup: Cleanup;
  quick: boolean;
  rows?: number | undefined;
}

const EXPORT_ROWS = 1_000_000;
const SAMPLE_MS = 100;
/** "Flat": RSS in the last quarter of the export at most this much above its level in the first quarter. */
const FLAT_MIB = 64;

interface ExportRun {
  format: 'csv' | 'xlsx';
  status: number;
  seconds: number;
  bytes: number;
  /** CSV only: lines less the header. */
  rows: number | null;
  rssMiB: { before: number; firstQuarterMax: number; lastQuarterMax: number; peak: number; after: number; growth: number };
  heapUsedMiB: { peak: number };
  /** RSS at 0 %, 10 % … 100 % of the export's duration. */
  rssSeriesMiB: number[];
  samples: number;
  flat: boolean;
}

export async function runAnalyticsExport(opts: AnalyticsExportOptions): Promise<boolean> {
  const ds = await openBuiltDataset({ cleanup: opts.cleanup, quick: opts.quick, rows: opts.rows });
  const { ctx, data } = ds;
  const want = opts.quick ? 10_000 : EXPORT_ROWS;
  // The latest days whose responses add up to `want` (from the rollups' daily totals).
  const span = await ctx.db.execute<{ day: string; total: number }>(sql`
    select day::text as day, total::int from (
      select day, sum(sum(n)) over (order by day desc) as total
        from metric_rollups where tenant_id = ${data.tenantId} and metric_key = 'nps' and dimension = 'all' and day <= ${data.to}::date
       group by day) d
     where total >= ${want} order by day desc limit 1`);
  const from = span.rows[0]?.day ?? data.from;
  const expected = span.rows[0]?.total ?? null;

  const app = await buildServer(ctx, { webApp: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  opts.cleanup.defer('close the server', () => app.close());
  const base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
  const user = await makeUser(ctx, { memberships: [{ tenantId: data.tenantId, role: 'analyst' }] });
  const session = await login(ctx, { email: user.email, password: TEST_PASSWORD }, NO_META);
  const cookie = `${SESSION_COOKIE}=${session.secret}`;

  const runs: ExportRun[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    global.gc?.();
    const url = `${base}/api/v1/tenants/${data.tenantId}/analytics/export.${format}?surveyId=${data.surveyId}&from=${from}&to=${data.to}`;
    console.error(`  ${format}: ${from} … ${data.to} (${expected ?? '?'} responses)…`);
    runs.push(await measureExport(format, url, cookie));
    const r = runs.at(-1)!;
    console.error(`  ${format}: ${r.status}, ${round(r.bytes / 2 ** 20, 0)} MiB in ${r.seconds} s, RSS ${r.rssMiB.before} → peak ${r.rssMiB.peak} MiB`);
  }

  const ok = runs.every((r) => r.status === 200 && (r.rows === null || r.rows === expected));
  const m = machineInfo();
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; ${ds.database}; commit ${m.gitCommit}.`);
  console.log(`analytics-export: ${expected} responses (${from} … ${data.to}), server RSS sampled every ${SAMPLE_MS} ms in the server's process.\n`);
  console.log(markdownTable(
    ['Format', 'status', 's', 'MiB sent', 'rows/s', 'RSS before', '1st quarter max', 'last quarter max', 'peak', 'after', 'heap peak', ''],
    runs.map((r) => [r.format, r.status, r.seconds, round(r.bytes / 2 ** 20, 0), round((expected ?? 0) / r.seconds, 0), r.rssMiB.before, r.rssMiB.firstQuarterMax, r.rssMiB.lastQuarterMax, r.rssMiB.peak, r.rssMiB.after, r.heapUsedMiB.peak, r.flat ? 'flat' : 'GROWS']),
  ));
  for (const r of runs) console.log(`${r.format} RSS MiB at 0 %, 10 % … 100 % of the export: ${r.rssSeriesMiB.join(', ')}`);
  for (const r of runs) if (r.rows !== null && r.rows !== expected) console.log(`FAILED: ${r.format} has ${r.rows} rows, ${expected} expected`);
  console.log(runs.every((r) => r.flat) ? `OK: memory flat (last quarter within ${FLAT_MIB} MiB of the first).` : 'MISSED: memory grows with the rows.');

  if (!opts.quick && ds.answers === 10_000_000) await writeResults('analytics-export', { machine: m, rows: expected, period: { from, to: data.to }, sampleMs: SAMPLE_MS, runs });
  return ok;
}

async function measureExport(format: 'csv' | 'xlsx', url: string, cookie: string): Promise<ExportRun> {
  const mib = (b: number) => Math.round(b / 2 ** 20);
  const samples: Array<{ rss: number; heap: number }> = [];
  const sample = () => {
    const u = process.memoryUsage();
    samples.push({ rss: u.rss, heap: u.heapUsed });
  };
  sample();
  const before = samples[0]!.rss;
  const timer = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  let bytes = 0;
  let newlines = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (format === 'csv') for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const firstQuarterMax = Math.max(...samples.slice(0, quarter).map((s) => s.rss));
  const lastQuarterMax = Math.max(...samples.slice(-quarter).map((s) => s.rss));
  const growth = mib(lastQuarterMax - firstQuarterMax);
  return {
    format, status: res.status, seconds: round(seconds, 1), bytes, rows: format === 'csv' ? newlines - 1 : null,
    rssMiB: { before: mib(before), firstQuarterMax: mib(firstQuarterMax), lastQuarterMax: mib(lastQuarterMax), peak: mib(Math.max(...samples.map((s) => s.rss))), after: mib(samples.at(-1)!.rss), growth },
    heapUsedMiB: { peak: mib(Math.max(...samples.map((s) => s.heap))) },
    rssSeriesMiB: Array.from({ length: 11 }, (_, i) => mib(samples[Math.min(samples.length - 1, Math.round((i / 10) * (samples.length - 1)))]!.rss)),
    samples: samples.length, flat: growth <= FLAT_MIB,
  };
}
