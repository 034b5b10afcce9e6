import { analyseComments } from '../src/app/analytics/analyseComments.ts';
import { refreshRollups } from '../src/app/analytics/refreshRollups.ts';
import { ensureFirstBuild, openAnalyticsDataset } from './lib/analyticsDataset.ts';

/** Loads (if missing) and builds (if not built) the 10M dataset ahead of the benchmarks: `npx tsx bench/analytics-build.ts`. */
const ds = await openAnalyticsDataset({ answers: 10_000_000, name: '10m' });
const tenantId = ds.data.tenantId;
const { build } = await ensureFirstBuild(ds, '10m', {
  rollups: () => refreshRollups(ds.ctx, { tenantId }),
  comments: (batchSize) => analyseComments(ds.ctx, { tenantId, batchSize }),
  commentBatchSize: 100_000,
});
console.log(JSON.stringify(build));
await ds.runtime.close();
