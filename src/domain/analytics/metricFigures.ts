/**
 * Every metric a survey can carry, estimated from summed rollups (counts per
 * score 0–10, n, Σ, Σ²) by the metrics engine, with the change against the
 * previous period tested the way the metric's kind needs:
 * - nps, enps: NPS points; compareNpsResults (adjusted Wald).
 * - csat (1–5): top-2-box share (4–5), compareShares; the mean is given alongside.
 * - ces (1–7): mean, compareMeans (Welch); the "easy" share (5–7) alongside.
 * - fcr (yes = 1, no = 0): share of yes, compareShares.
 * - cli.<name> (0–10): that question's mean, compareMeans. The CLI index proper
 *   averages each respondent's answers first, which day-and-question rollups
 *   cannot give, so each CLI question is reported on its own.
 * - a tenant's own key: the mean on 0–10 when every answer fits 0–10; a key
 *   with answers outside 0–10 has no known scale and is listed as unsupported.
 * Pure: no I/O.
 */
import { CES_SCALE, CLI_SCALE, CSAT_SCALE, cesFromHistogram, cliFromSufficientStats, compareMeans, compareNpsResults, compareShares, csatFromHistogram, enpsFromHistogram, fcrFromCounts, meanFromSufficientStats, npsFromHistogram } from '../metrics/index.ts';
import type { DifferenceTest, EstimateOptions, Interval, MetricResult, Scale, SufficientStats } from '../metrics/index.ts';
import { CLI_METRIC_KEY_PREFIX, STANDARD_METRIC_KEYS } from '../surveys/checks/metricKeys.ts';

/** Summed rollups of one metric key over a period. */
export interface RollupSums {
  /** counts[s] = answers with score s, s = 0..10. */
  counts: number[];
  n: number;
  sum: number;
  sumSquares: number;
}

export type MetricKind = 'nps' | 'share' | 'mean';

export interface Estimate {
  /** What `value` is: nps, enps, csat_top2_box, csat_mean, ces_mean, ces_easy_share, fcr, cli, mean. */
  measure: string;
  unit: 'nps_points' | 'share' | 'scale_value';
  n: number;
  /** null when n = 0. */
  value: number | null;
  interval: Interval | null;
  smallSample: boolean;
}

export interface MetricChange {
  /** current − previous in the estimate's unit; null when a period has no answers (or, for a mean, fewer than 2). */
  difference: number | null;
  interval: Interval | null;
  pValue: number | null;
  significant: boolean;
  method: 'nps_z' | 'two_proportion_z' | 'welch_t';
}

export interface MetricFigures {
  metricKey: string;
  kind: MetricKind;
  /** The answer scale the metric is asked on. */
  scale: Scale;
  current: Estimate;
  previous: Estimate;
  change: MetricChange;
  /** A second view of the same answers, without a test: the CSAT mean, the CES easy share. */
  alongside: Estimate | null;
  smallSample: boolean;
}

export interface UnsupportedMetric {
  metricKey: string;
  reason: 'scale_unknown';
}

const estimate = (r: MetricResult): Estimate => ({ measure: r.metric, unit: r.unit, n: r.n, value: r.estimate, interval: r.interval, smallSample: r.smallSample });

const change = (t: DifferenceTest<MetricResult>, method: MetricChange['method']): MetricChange => ({
  difference: t.difference,
  interval: t.interval,
  pValue: t.pValue,
  significant: t.significant,
  method,
});

const slice = (counts: readonly number[], scale: Scale) => counts.slice(scale.min, scale.max + 1);
const stats = (s: RollupSums): SufficientStats => ({ n: s.n, sum: s.sum, sumSquares: s.sumSquares });
const countsTotal = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

const NPS_SCALE_0_10: Scale = { min: 0, max: 10 };

/** The figures of one metric key for a period and the one before it, or why they cannot be given. */
export function metricFigures(metricKey: string, current: RollupSums, previous: RollupSums, options: EstimateOptions): MetricFigures | UnsupportedMetric {
  const shareCompare = { level: options.level, smallSampleThreshold: options.smallSampleThreshold };
  const build = (kind: MetricKind, scale: Scale, a: MetricResult, b: MetricResult, test: DifferenceTest<MetricResult>, method: MetricChange['method'], alongside: MetricResult | null): MetricFigures => ({
    metricKey,
    kind,
    scale,
    current: estimate(a),
    previous: estimate(b),
    change: change(test, method),
    alongside: alongside ? estimate(alongside) : null,
    smallSample: test.smallSample,
  });

  if (metricKey === 'nps' || metricKey === 'enps') {
    const of = metricKey === 'nps' ? npsFromHistogram : enpsFromHistogram;
    const a = of(current.counts, options);
    const b = of(previous.counts, options);
    return build('nps', NPS_SCALE_0_10, a, b, compareNpsResults(a, b, options.level), 'nps_z', null);
  }
  if (metricKey === 'csat') {
    const a = csatFromHistogram(slice(current.counts, CSAT_SCALE), options);
    const b = csatFromHistogram(slice(previous.counts, CSAT_SCALE), options);
    const test = compareShares({ successes: a.topTwoBox.successes, n: a.topTwoBox.n }, { successes: b.topTwoBox.successes, n: b.topTwoBox.n }, shareCompare);
    return build('share', CSAT_SCALE, a.topTwoBox, b.topTwoBox, test, 'two_proportion_z', a.mean);
  }
  if (metricKey === 'ces') {
    const a = cesFromHistogram(slice(current.counts, CES_SCALE), options);
    const b = cesFromHistogram(slice(previous.counts, CES_SCALE), options);
    return build('mean', CES_SCALE, a.mean, b.mean, compareMeans(a.mean.stats, b.mean.stats, CES_SCALE, shareCompare), 'welch_t', a.easyShare);
  }
  if (metricKey === 'fcr') {
    const a = fcrFromCounts({ yes: current.counts[1] ?? 0, no: current.counts[0] ?? 0 }, options);
    const b = fcrFromCounts({ yes: previous.counts[1] ?? 0, no: previous.counts[0] ?? 0 }, options);
    const test = compareShares({ successes: a.successes, n: a.n }, { successes: b.successes, n: b.n }, shareCompare);
    return build('share', { min: 0, max: 1 }, a, b, test, 'two_proportion_z', null);
  }
  // CLI questions and a tenant's own keys: a mean on 0–10, when the answers are on it.
  if (countsTotal(current.counts) !== current.n || countsTotal(previous.counts) !== previous.n) return { metricKey, reason: 'scale_unknown' };
  const cli = metricKey.startsWith(CLI_METRIC_KEY_PREFIX);
  const scale = cli ? CLI_SCALE : NPS_SCALE_0_10;
  const of = (s: RollupSums) => (cli ? cliFromSufficientStats(stats(s), options) : meanFromSufficientStats(stats(s), scale, options));
  const a = of(current);
  const b = of(previous);
  return build('mean', scale, a, b, compareMeans(stats(current), stats(previous), scale, shareCompare), 'welch_t', null);
}

const STANDARD_ORDER: readonly string[] = STANDARD_METRIC_KEYS;

/** Standard keys in their fixed order, then CLI questions, then the tenant's own keys, alphabetically. */
export function compareMetricKeys(a: string, b: string): number {
  const rank = (k: string) => {
    const i = STANDARD_ORDER.indexOf(k);
    return i >= 0 ? i : k.startsWith(CLI_METRIC_KEY_PREFIX) ? STANDARD_ORDER.length : STANDARD_ORDER.length + 1;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export const isUnsupported = (f: MetricFigures | UnsupportedMetric): f is UnsupportedMetric => 'reason' in f;
