/**
 * Shapes shared by every metric. Results are plain data so presenters, the CLI
 * and tests can read them without calling back into the engine.
 *
 * Units are fixed per metric and named by `unit`:
 * - `nps_points`: −100..100 (NPS, eNPS and their differences)
 * - `share`: 0..1 (top-2-box, FCR, "would miss us", any proportion)
 * - `scale_value`: the question's own scale (CSAT 1..5, CES 1..7, CLI 0..10)
 * No metric is rescaled into another.
 */

export type MetricKey =
  | 'nps'
  | 'enps'
  | 'csat_top2_box'
  | 'csat_mean'
  | 'ces_mean'
  | 'ces_easy_share'
  | 'fcr'
  | 'cli'
  | 'would_miss_us'
  | 'share'
  | 'mean';

export type NpsMetric = 'nps' | 'enps';
export type ShareMetric = 'csat_top2_box' | 'ces_easy_share' | 'fcr' | 'would_miss_us' | 'share';
export type MeanMetric = 'csat_mean' | 'ces_mean' | 'cli' | 'mean';

export type Unit = 'nps_points' | 'share' | 'scale_value';

export type NpsIntervalMethod = 'adjusted-wald' | 'wald';
export type IntervalMethod =
  | NpsIntervalMethod
  | 'wilson'
  | 't'
  /** One answer says nothing about spread, so the honest interval is the whole scale. */
  | 'scale-bounds'
  | 'newcombe'
  | 'welch';

export interface Interval {
  lower: number;
  upper: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  method: IntervalMethod;
}

/** Inclusive bounds of an answer scale, e.g. { min: 1, max: 5 } for CSAT. */
export interface Scale {
  min: number;
  max: number;
}

export interface EstimateOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  level?: number;
  /** Size N of the surveyed population; when known, variances get the finite population correction. */
  populationSize?: number;
  /** Results with n below this are flagged `smallSample`. Default 30. */
  smallSampleThreshold?: number;
}

export interface NpsOptions extends EstimateOptions {
  /** Default 'adjusted-wald'. */
  method?: NpsIntervalMethod;
}

interface ResultBase<M extends MetricKey, U extends Unit> {
  metric: M;
  unit: U;
  /** Number of answers (respondents) behind the estimate. */
  n: number;
  /** null when n = 0: no answers means no value, never 0. */
  estimate: number | null;
  interval: Interval | null;
  /** True when n is below the threshold, and always when n = 0. */
  smallSample: boolean;
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsResult extends ResultBase<NpsMetric, 'nps_points'> {
  /** Raw (unweighted) answer counts. */
  counts: NpsCounts;
  /** Shares of answers, 0..1, weighted when weights were given; null when n = 0. */
  shares: NpsCounts | null;
  /** Kish effective sample size; equals n when unweighted. */
  effectiveN: number;
  /** Centre of the interval in NPS points: the adjusted NPS for adjusted Wald, the estimate for Wald. */
  intervalCentre: number | null;
  /** Standard error of `intervalCentre`, NPS points. */
  standardError: number | null;
  populationSize: number | null;
}

export interface ShareResult extends ResultBase<ShareMetric, 'share'> {
  successes: number;
  populationSize: number | null;
}

/** Sufficient statistics of a sample of values: enough for a mean and its t-interval. */
export interface SufficientStats {
  n: number;
  sum: number;
  sumSquares: number;
}

export interface MeanResult extends ResultBase<MeanMetric, 'scale_value'> {
  scale: Scale;
  stats: SufficientStats;
  /** Sample standard deviation (n − 1 denominator), scale units; null when n < 2. */
  standardDeviation: number | null;
  /** Standard error of the mean, scale units; null when n < 2. */
  standardError: number | null;
  populationSize: number | null;
}

export type MetricResult = NpsResult | ShareResult | MeanResult;

/** A two-group (or two-period) difference test, a − b. */
export interface DifferenceTest<R extends MetricResult> {
  a: R;
  b: R;
  unit: R['unit'];
  /** a − b of the point estimates; null when either group has no answers. */
  difference: number | null;
  /** Standard error of the tested difference, in `unit`. */
  standardError: number | null;
  /** z (or t for Welch); null when it cannot be formed (no answers, or zero standard error). */
  statistic: number | null;
  /** Welch degrees of freedom; null for z tests. */
  degreesOfFreedom: number | null;
  /** Two-sided p-value. */
  pValue: number | null;
  /** 1 − level. */
  alpha: number;
  significant: boolean;
  /** Interval for the difference at `1 − alpha`. */
  interval: Interval | null;
  /** True when either group is a small sample. */
  smallSample: boolean;
}
