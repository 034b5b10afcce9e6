/** Small pieces every interval needs: critical values, the FPC, clipping, the small-sample flag. */
import { normalQuantile, studentTQuantile } from './distributions.ts';
import type { Interval, IntervalMethod } from './types.ts';

/** Two-sided critical z, e.g. 1.959964 for level 0.95. */
export function criticalZ(level: number): number {
  return normalQuantile(0.5 + level / 2);
}

/** Two-sided critical t with ν degrees of freedom. */
export function criticalT(level: number, degreesOfFreedom: number): number {
  return studentTQuantile(0.5 + level / 2, degreesOfFreedom);
}

/**
 * Finite population correction (N − n)/(N − 1), the factor on a variance when n
 * of N were sampled without replacement. 1 when N is unknown; 0 for a census.
 */
export function finitePopulationCorrection(n: number, populationSize: number | null): number {
  if (populationSize === null) return 1;
  if (n >= populationSize) return 0;
  return (populationSize - n) / (populationSize - 1);
}

export function clip(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Builds an interval clipped to the metric's scale, so no bound is impossible. */
export function clippedInterval(
  lower: number,
  upper: number,
  bounds: { min: number; max: number },
  level: number,
  method: IntervalMethod,
): Interval {
  return { lower: clip(lower, bounds.min, bounds.max), upper: clip(upper, bounds.min, bounds.max), level, method };
}

/** n = 0 is always "small": there is nothing to trust. */
export function isSmallSample(n: number, threshold: number): boolean {
  return n === 0 || n < threshold;
}
