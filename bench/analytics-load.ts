import { openAnalyticsDataset } from './lib/analyticsDataset.ts';

/**
 * Loads the analytics benchmarks' dataset without measuring anything (the benchmarks
 * load it themselves when missing; this is for starting the long load ahead of time):
 *   npx tsx bench/analytics-load.ts [answers] [name] [database]
 * Defaults: 10,000,000 answers, name '10m', database voxpop_bench_analytics.
 */
const answers = Number(process.argv[2] ?? 10_000_000);
const name = process.argv[3] ?? '10m';
const database = process.argv[4];
const ds = await openAnalyticsDataset({ answers, name, database });
console.log(JSON.stringify(ds.data));
await ds.runtime.close();
