import type { Actor } from '../../domain/access.ts';
import { bucketsOf, type Bucket, type Granularity } from '../../domain/analytics/buckets.ts';
import { npsFromHistogram, shareFromCounts, type NpsCounts, type NpsResult } from '../../domain/metrics/index.ts';
import { rollupCountsByBucket } from '../../store/repos/dashboard.ts';
import { ALL_DIMENSION, ALL_VALUE, sumRollups } from '../../store/repos/rollups.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { anonymityWithholds } from './groups.ts';
import { checkedPeriod, type NpsHeadlineFilter } from './headline.ts';

/** Most points one trend returns (about three years by day). */
export const TREND_POINTS_MAX = 1100;

export interface NpsTrendFilter extends NpsHeadlineFilter {
  granularity: Granularity;
}

export interface NpsTrendPoint extends Bucket {
  n: number;
  /** NPS points; null when n = 0. */
  nps: number | null;
  interval: NpsResult['interval'];
  /** Promoter / passive / detractor shares, 0..1; null when n = 0. */
  shares: NpsCounts | null;
  counts: NpsCounts;
  smallSample: boolean;
}

export interface ScoreBin {
  score: number;
  count: number;
  /** count / n, 0..1; null when n = 0. */
  share: number | null;
}

export interface NpsTrend {
  granularity: Granularity;
  period: { from: string; to: string };
  /** One per bucket touching the period, empty ones included (n = 0). */
  points: NpsTrendPoint[];
  /** The 0–10 distribution over the whole period. */
  distribution: ScoreBin[];
  total: NpsTrendPoint;
  /** Withheld, shown as no answers: a dimension value of an anonymous survey with fewer than 5 answers in the period. */
  withheld: boolean;
}

/**
 * NPS by day, ISO week, month, quarter or year of the tenant's time zone (the
 * rollup days are local dates already), each with n, the engine's 95%
 * interval and the category shares, plus the period's 0–10 distribution.
 */
export async function npsTrend(ctx: AppContext, actor: Actor, tenantId: string, filter: NpsTrendFilter): Promise<NpsTrend> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  const { dimension, dimensionValue } = dimensionFilter(filter);
  const buckets = bucketsOf(period, filter.granularity);
  if (buckets.length > TREND_POINTS_MAX) throw invalid('validation', `A trend has at most ${TREND_POINTS_MAX} points; choose a coarser granularity`, { field: 'granularity' });
  const scope = { tenantId, metricKey: 'nps', surveyId: filter.surveyId, from: period.from, to: period.to, dimension, dimensionValue };
  const [found, sums, withheld] = await Promise.all([
    rollupCountsByBucket(ctx.db, { ...scope, granularity: filter.granularity }),
    sumRollups(ctx.db, scope),
    anonymityWithholds(ctx, scope),
  ]);
  const rows = withheld ? [] : found;
  if (withheld) sums.counts = sums.counts.map(() => 0);
  const byBucket = new Map(rows.map((r) => [r.bucket, r.counts]));
  const options = { smallSampleThreshold: ctx.config.metrics.smallSampleMin };
  const point = (bucket: Bucket, counts: readonly number[]): NpsTrendPoint => {
    const r = npsFromHistogram(counts, options);
    return { ...bucket, n: r.n, nps: r.estimate, interval: r.interval, shares: r.shares, counts: r.counts, smallSample: r.smallSample };
  };
  const empty = Array.from({ length: 11 }, () => 0);
  const n = sums.counts.reduce((s, c) => s + c, 0);
  return {
    granularity: filter.granularity,
    period,
    points: buckets.map((b) => point(b, byBucket.get(b.start) ?? empty)),
    distribution: sums.counts.map((count, score) => ({ score, count, share: n === 0 ? null : shareFromCounts({ successes: count, n }).estimate })),
    total: point({ start: period.from, period, partial: false }, sums.counts),
    withheld,
  };
}

/** The dimension filter of a headline or trend: both a dimension and its value, or neither. */
export function dimensionFilter(filter: Pick<NpsHeadlineFilter, 'dimension' | 'value'>): { dimension: string; dimensionValue: string } {
  if ((filter.dimension === undefined) !== (filter.value === undefined)) {
    throw invalid('validation', 'Give both a dimension and its value, or neither', { field: 'dimension' });
  }
  return { dimension: filter.dimension ?? ALL_DIMENSION, dimensionValue: filter.value ?? ALL_VALUE };
}
