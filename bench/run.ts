import { runAnalyticsDashboard } from './analytics-dashboard.ts';
import { runAnalyticsExport } from './analytics-export.ts';
import { runAnalyticsSubmission } from './analytics-submission.ts';
import { runCampaignEmail } from './campaign-email.ts';
import { runCampaignPlan } from './campaign-plan.ts';
import { runCampaignSms } from './campaign-sms.ts';
import { runContactsImport } from './contacts-import.ts';
import { runHttpBaseline } from './http-baseline.ts';
import { Cleanup } from './lib/cleanup.ts';

/**
 * Every benchmark, in one list. `npm run bench` runs them all; `npm run bench -- NAME`
 * runs one; `--quick` shortens each to check that it works (its figures prove nothing);
 * `--rows=N` sizes the row-count benchmarks (contacts-import, campaign-*), e.g. to show memory does not grow with N.
 * `--explain` (campaign-plan) prints the plan of one planner chunk, as EXPLAIN ANALYZE shows it;
 * (analytics-dashboard) the plan of every statement of one run of each case.
 * The analytics-* benchmarks keep their 10,000,000-answer database (voxpop_bench_analytics) between runs.
 * DATABASE_URL points them at a PostgreSQL server instead of the embedded one.
 */
interface BenchOptions {
  cleanup: Cleanup;
  databaseUrl: string | undefined;
  quick: boolean;
  rows: number | undefined;
  /** campaign-plan: EXPLAIN ANALYZE one chunk of the planner (auto_explain, with triggers and buffers). */
  explain: boolean;
  uvThreadpoolSize: number;
}

const benchmarks: Array<{ name: string; run: (opts: BenchOptions) => Promise<boolean> }> = [
  { name: 'http-baseline', run: runHttpBaseline },
  { name: 'contacts-import', run: runContactsImport },
  { name: 'campaign-plan', run: runCampaignPlan },
  { name: 'campaign-email', run: runCampaignEmail },
  { name: 'campaign-sms', run: runCampaignSms },
  { name: 'analytics-dashboard', run: runAnalyticsDashboard },
  { name: 'analytics-submission', run: runAnalyticsSubmission },
  { name: 'analytics-export', run: runAnalyticsExport },
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rowsArg = args.find((a) => a.startsWith('--rows='));
const rows = rowsArg ? Number.parseInt(rowsArg.slice('--rows='.length), 10) : undefined;
if (rows !== undefined && !(rows > 0)) {
  console.error(`--rows needs a positive number, not "${rowsArg}"`);
  process.exit(2);
}
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const cleanup = new Cleanup();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void cleanup.run().finally(() => process.exit(130));
  });
}

let ok = true;
try {
  for (const bench of benchmarks.filter((b) => names.length === 0 || names.includes(b.name))) {
    console.error(`${bench.name}${quick ? ' (quick: checks that it runs, figures mean nothing)' : ''}`);
    ok = (await bench.run({ cleanup, databaseUrl: process.env.DATABASE_URL, quick, rows, explain: args.includes('--explain'), uvThreadpoolSize: Number.parseInt(process.env.UV_THREADPOOL_SIZE ?? '4', 10) })) && ok;
  }
} catch (err) {
  ok = false;
  // Interrupted: the abort of the load generator is expected, not worth a stack trace.
  if (!interrupted) console.error(err instanceof Error ? (err.stack ?? err.message) : err, (err as { cause?: unknown })?.cause ?? "");
} finally {
  await cleanup.run();
}
process.exit(interrupted ? 130 : ok ? 0 : 1);
