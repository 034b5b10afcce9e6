/** Shared pieces of the difference tests. */
import { normalCdf } from './distributions.ts';
import type { DifferenceTest, MetricResult } from './types.ts';

/** Two-sided p-value of a z statistic; uses the lower tail so tiny p-values keep their digits. */
export function twoSidedNormalPValue(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** The answer when either group is empty: nothing to compare, nothing significant. */
export function emptyDifference<R extends MetricResult>(a: R, b: R, level: number): DifferenceTest<R> {
  return {
    a,
    b,
    unit: a.unit,
    difference: null,
    standardError: null,
    statistic: null,
    degreesOfFreedom: null,
    pValue: null,
    alpha: 1 - level,
    significant: false,
    interval: null,
    smallSample: true,
  };
}
