import type { Actor } from '../../domain/access.ts';
import { compareMetricKeys, isUnsupported, metricFigures, type MetricFigures, type RollupSums, type UnsupportedMetric } from '../../domain/analytics/metricFigures.ts';
import { previousPeriod, type DatePeriod } from '../../domain/analytics/period.ts';
import { sumRollupsByMetric } from '../../store/repos/analyticsTables.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { checkedPeriod, type NpsHeadlineFilter } from './headline.ts';
import { anonymityWithholds } from './groups.ts';
import { dimensionFilter } from './trend.ts';

export interface MetricsOverview {
  period: DatePeriod;
  previousPeriod: DatePeriod;
  smallSampleMin: number;
  /** One per metric key with answers in either period. */
  metrics: MetricFigures[];
  /** Some figures withheld by the anonymity rule (a dimension value of an anonymous survey with fewer than 5 answers). */
  withheld: boolean;
  /** Keys with answers that cannot be estimated (no known scale). */
  unsupported: UnsupportedMetric[];
}

const EMPTY: RollupSums = { counts: Array.from({ length: 11 }, () => 0), n: 0, sum: 0, sumSquares: 0 };

/**
 * Every metric of the scope (NPS, eNPS, CSAT, CES, FCR, CLI questions, the
 * tenant's own keys) for a period against the previous one of the same
 * length, from the rollups, by the metrics engine (see domain/analytics/metricFigures.ts).
 */
export async function metricsOverview(ctx: AppContext, actor: Actor, tenantId: string, filter: NpsHeadlineFilter): Promise<MetricsOverview> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  const before = previousPeriod(period);
  const { dimension, dimensionValue } = dimensionFilter(filter);
  const scope = { tenantId, surveyId: filter.surveyId, dimension, dimensionValue };
  const [found, previousFound, withheldNow, withheldThen] = await Promise.all([
    sumRollupsByMetric(ctx.db, { ...scope, ...period }),
    sumRollupsByMetric(ctx.db, { ...scope, ...before }),
    anonymityWithholds(ctx, { ...scope, ...period }),
    anonymityWithholds(ctx, { ...scope, ...before }),
  ]);
  // A dimension value of an anonymous survey with fewer than 5 answers: withheld, as breakdowns do.
  const now = withheldNow ? [] : found;
  const then = withheldThen ? [] : previousFound;
  const currentByKey = new Map(now.map((s) => [s.metricKey, s]));
  const previousByKey = new Map(then.map((s) => [s.metricKey, s]));
  const keys = [...new Set([...currentByKey.keys(), ...previousByKey.keys()])].sort(compareMetricKeys);
  const options = { smallSampleThreshold: ctx.config.metrics.smallSampleMin };
  const metrics: MetricFigures[] = [];
  const unsupported: UnsupportedMetric[] = [];
  for (const key of keys) {
    const figures = metricFigures(key, currentByKey.get(key) ?? EMPTY, previousByKey.get(key) ?? EMPTY, options);
    if (isUnsupported(figures)) unsupported.push(figures);
    else metrics.push(figures);
  }
  return { period, previousPeriod: before, smallSampleMin: options.smallSampleThreshold, metrics, unsupported, withheld: withheldNow || withheldThen };
}
