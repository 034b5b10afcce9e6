/**
 * Means on a bounded answer scale with a Student t interval. Every input form
 * (raw values, a histogram of counts per scale point, or stored sufficient
 * statistics) reduces to (n, Σx, Σx²), so all three agree exactly.
 */
import { DomainError } from '../errors.ts';
import { clippedInterval, criticalT, finitePopulationCorrection, isSmallSample } from './interval.ts';
import type { EstimateOptions, MeanMetric, MeanResult, Scale, SufficientStats } from './types.ts';
import {
  assertCount,
  assertPopulationCoversSample,
  assertScale,
  assertValueOnScale,
  METRICS_ERROR_CODES,
  resolveEstimateOptions,
} from './validate.ts';

/** Σx² − (Σx)²/n can come out a hair negative or a hair off-scale from rounding alone. */
const RELATIVE_TOLERANCE = 1e-9;

export function sufficientStatsFromValues(values: readonly number[], scale: Scale): SufficientStats {
  assertScale(scale);
  let sum = 0;
  let sumSquares = 0;
  values.forEach((value, index) => {
    assertValueOnScale(value, scale, `values[${index}]`);
    sum += value;
    sumSquares += value * value;
  });
  return { n: values.length, sum, sumSquares };
}

/** `countsByValue[i]` = number of answers with value `minValue + i`. */
export function sufficientStatsFromHistogram(countsByValue: readonly number[], minValue: number): SufficientStats {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  countsByValue.forEach((count, index) => {
    assertCount(count, `counts[${index}]`);
    const value = minValue + index;
    n += count;
    sum += count * value;
    sumSquares += count * value * value;
  });
  return { n, sum, sumSquares };
}

/** The scale a histogram spans: minValue .. minValue + length − 1. */
export function histogramScale(countsByValue: readonly number[], minValue: number): Scale {
  if (countsByValue.length === 0 || !Number.isInteger(minValue)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidHistogram,
      'a histogram needs at least one count and a whole-number minimum value',
      { length: countsByValue.length, minValue },
    );
  }
  return { min: minValue, max: minValue + countsByValue.length - 1 };
}

export function assertSufficientStats(stats: SufficientStats, scale: Scale): void {
  assertScale(scale);
  assertCount(stats.n, 'n');
  const reject = (why: string): never => {
    throw new DomainError(METRICS_ERROR_CODES.invalidStatistics, `inconsistent statistics: ${why}`, { stats, scale });
  };
  if (!Number.isFinite(stats.sum) || !Number.isFinite(stats.sumSquares)) reject('sum and sumSquares must be finite');
  if (stats.n === 0) {
    if (stats.sum !== 0 || stats.sumSquares !== 0) reject('n is 0 but sums are not');
    return;
  }
  const span = Math.max(Math.abs(scale.min), Math.abs(scale.max), 1);
  const tolerance = RELATIVE_TOLERANCE * span * stats.n;
  if (stats.sum < stats.n * scale.min - tolerance || stats.sum > stats.n * scale.max + tolerance) {
    reject(`the mean lies outside the scale ${scale.min}..${scale.max}`);
  }
  if (stats.sumSquares - (stats.sum * stats.sum) / stats.n < -tolerance * span) {
    reject('sumSquares is smaller than sum²/n');
  }
}

export function estimateMean(
  metric: MeanMetric,
  stats: SufficientStats,
  scale: Scale,
  options?: EstimateOptions,
): MeanResult {
  assertSufficientStats(stats, scale);
  const { level, populationSize, smallSampleThreshold } = resolveEstimateOptions(options);
  const { n } = stats;
  assertPopulationCoversSample(populationSize, n);
  const base = {
    metric,
    unit: 'scale_value' as const,
    n,
    scale,
    stats,
    populationSize,
    smallSample: isSmallSample(n, smallSampleThreshold),
  };
  if (n === 0) {
    return { ...base, estimate: null, interval: null, standardDeviation: null, standardError: null };
  }
  const mean = Math.min(scale.max, Math.max(scale.min, stats.sum / n));
  const fpc = finitePopulationCorrection(n, populationSize);
  if (n === 1) {
    const interval =
      fpc === 0
        ? clippedInterval(mean, mean, scale, level, 't')
        : clippedInterval(scale.min, scale.max, scale, level, 'scale-bounds');
    return { ...base, estimate: mean, interval, standardDeviation: null, standardError: null };
  }
  const variance = Math.max(0, (stats.sumSquares - (stats.sum * stats.sum) / n) / (n - 1));
  const standardError = Math.sqrt((variance / n) * fpc);
  const halfWidth = criticalT(level, n - 1) * standardError;
  return {
    ...base,
    estimate: mean,
    interval: clippedInterval(mean - halfWidth, mean + halfWidth, scale, level, 't'),
    standardDeviation: Math.sqrt(variance),
    standardError,
  };
}

export const meanFromSufficientStats = (
  stats: SufficientStats,
  scale: Scale,
  options?: EstimateOptions,
): MeanResult => estimateMean('mean', stats, scale, options);

export const meanFromValues = (values: readonly number[], scale: Scale, options?: EstimateOptions): MeanResult =>
  estimateMean('mean', sufficientStatsFromValues(values, scale), scale, options);

export function meanFromHistogram(
  countsByValue: readonly number[],
  minValue: number,
  options?: EstimateOptions,
): MeanResult {
  const scale = histogramScale(countsByValue, minValue);
  return estimateMean('mean', sufficientStatsFromHistogram(countsByValue, minValue), scale, options);
}
