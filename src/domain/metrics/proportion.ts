/**
 * Shares (0..1) with Wilson score intervals: good coverage at small n and at
 * 0 % / 100 %, and the interval always contains the observed share.
 */
import { clippedInterval, criticalZ, finitePopulationCorrection, isSmallSample } from './interval.ts';
import type { EstimateOptions, Interval, ShareMetric, ShareResult } from './types.ts';
import { assertCount, assertPopulationCoversSample, METRICS_ERROR_CODES, resolveEstimateOptions } from './validate.ts';
import { DomainError } from '../errors.ts';

export const SHARE_BOUNDS = { min: 0, max: 1 } as const;

export interface ShareCounts {
  successes: number;
  n: number;
}

/**
 * Wilson interval for `successes` of `n`. A finite population correction f is
 * applied by using n / f as the sample size (variance scaled by f); f = 0 (a
 * census) leaves no sampling error.
 */
export function wilsonInterval(successes: number, n: number, level: number, fpc = 1): Interval {
  const share = successes / n;
  if (fpc === 0) return clippedInterval(share, share, SHARE_BOUNDS, level, 'wilson');
  const effectiveN = n / fpc;
  const z = criticalZ(level);
  const z2 = z * z;
  const denominator = 1 + z2 / effectiveN;
  const centre = (share + z2 / (2 * effectiveN)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((share * (1 - share)) / effectiveN + z2 / (4 * effectiveN * effectiveN));
  // Rounding must not push a bound past the observation (e.g. at share 0 or 1).
  return clippedInterval(
    Math.min(centre - halfWidth, share),
    Math.max(centre + halfWidth, share),
    SHARE_BOUNDS,
    level,
    'wilson',
  );
}

export function assertShareCounts(counts: ShareCounts): void {
  assertCount(counts.successes, 'successes');
  assertCount(counts.n, 'n');
  if (counts.successes > counts.n) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidCount,
      `successes (${counts.successes}) cannot exceed n (${counts.n})`,
      { successes: counts.successes, n: counts.n },
    );
  }
}

/** Builds a share result under a metric key; used by FCR, top-2-box and friends. */
export function estimateShare(metric: ShareMetric, counts: ShareCounts, options?: EstimateOptions): ShareResult {
  assertShareCounts(counts);
  const { level, populationSize, smallSampleThreshold } = resolveEstimateOptions(options);
  const { successes, n } = counts;
  assertPopulationCoversSample(populationSize, n);
  const base = {
    metric,
    unit: 'share' as const,
    n,
    successes,
    populationSize,
    smallSample: isSmallSample(n, smallSampleThreshold),
  };
  if (n === 0) return { ...base, estimate: null, interval: null };
  const fpc = finitePopulationCorrection(n, populationSize);
  return { ...base, estimate: successes / n, interval: wilsonInterval(successes, n, level, fpc) };
}

/** A generic proportion: `successes` of `n` answers. */
export const shareFromCounts = (counts: ShareCounts, options?: EstimateOptions): ShareResult =>
  estimateShare('share', counts, options);
