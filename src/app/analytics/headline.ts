import type { Actor } from '../../domain/access.ts';
import { isIsoDate, periodLengthDays, previousPeriod, type DatePeriod } from '../../domain/analytics/period.ts';
import { compareNpsResults, npsFromHistogram, type DifferenceTest, type NpsCounts, type NpsResult } from '../../domain/metrics/index.ts';
import { ALL_DIMENSION, ALL_VALUE, sumRollups } from '../../store/repos/rollups.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { anonymityWithholds } from './groups.ts';

/** Longest period a headline covers, in days: ten years of daily rollups. */
export const HEADLINE_PERIOD_MAX_DAYS = 3660;

export interface NpsHeadlineFilter {
  surveyId?: string | undefined;
  /** Inclusive local dates (YYYY-MM-DD) in the tenant's time zone. */
  from: string;
  to: string;
  /** 'channel', 'service_type', 'employee' …; omitted = every answer. */
  dimension?: string | undefined;
  value?: string | undefined;
}

export interface NpsPeriodFigures {
  period: DatePeriod;
  n: number;
  /** NPS points, −100..100; null when n = 0. */
  nps: number | null;
  interval: NpsResult['interval'];
  /** 0..1 each; null when n = 0. */
  shares: NpsCounts | null;
  counts: NpsCounts;
  smallSample: boolean;
  result: NpsResult;
  /** Withheld by the anonymity rule: counted as no answers. */
  withheld: boolean;
}

export interface NpsHeadline {
  current: NpsPeriodFigures;
  previous: NpsPeriodFigures;
  change: {
    /** current − previous, NPS points; null when either period has no answers. */
    difference: number | null;
    interval: DifferenceTest<NpsResult>['interval'];
    pValue: number | null;
    significant: boolean;
  };
  smallSample: boolean;
  /** A period's figures are withheld (shown as no answers): a dimension value of an anonymous survey with fewer than 5 answers. */
  withheld: boolean;
}

/**
 * The dashboard's NPS headline for a period and its predecessor of the same
 * length, read only from the metric rollups; the estimate, interval and
 * difference test come from the metrics engine on the summed score counts.
 */
export async function npsHeadline(ctx: AppContext, actor: Actor, tenantId: string, filter: NpsHeadlineFilter): Promise<NpsHeadline> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  if ((filter.dimension === undefined) !== (filter.value === undefined)) {
    throw invalid('validation', 'Give both a dimension and its value, or neither', { field: 'dimension' });
  }
  const dimension = filter.dimension ?? ALL_DIMENSION;
  const dimensionValue = filter.value ?? ALL_VALUE;
  const options = { smallSampleThreshold: ctx.config.metrics.smallSampleMin };
  const figures = async (p: DatePeriod): Promise<NpsPeriodFigures> => {
    const scope = { tenantId, surveyId: filter.surveyId, from: p.from, to: p.to, dimension, dimensionValue };
    const [sums, withheld] = await Promise.all([sumRollups(ctx.db, { ...scope, metricKey: 'nps' }), anonymityWithholds(ctx, scope)]);
    const result = npsFromHistogram(withheld ? sums.counts.map(() => 0) : sums.counts, options);
    return { period: p, n: result.n, nps: result.estimate, interval: result.interval, shares: result.shares, counts: result.counts, smallSample: result.smallSample, result, withheld };
  };
  const [current, previous] = await Promise.all([figures(period), figures(previousPeriod(period))]);
  const test = compareNpsResults(current.result, previous.result);
  return {
    current,
    previous,
    change: { difference: test.difference, interval: test.interval, pValue: test.pValue, significant: test.significant },
    smallSample: test.smallSample,
    withheld: current.withheld || previous.withheld,
  };
}

export function checkedPeriod(filter: Pick<NpsHeadlineFilter, 'from' | 'to'>): DatePeriod {
  if (!isIsoDate(filter.from) || !isIsoDate(filter.to)) throw invalid('validation', 'Dates must be given as YYYY-MM-DD', { field: 'from' });
  const period = { from: filter.from, to: filter.to };
  const length = periodLengthDays(period);
  if (length < 1) throw invalid('validation', 'The period ends before it starts', { field: 'to' });
  if (length > HEADLINE_PERIOD_MAX_DAYS) throw invalid('validation', `A period is at most ${HEADLINE_PERIOD_MAX_DAYS} days`, { field: 'to' });
  return period;
}
