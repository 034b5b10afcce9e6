/**
 * Two-proportion comparison: the classic pooled z test for "are the shares
 * equal?", and Newcombe's hybrid score interval (built from the two Wilson
 * intervals) for the difference, which behaves well near 0 % and 100 %.
 * The two can disagree right at the significance boundary; the p-value is the test.
 */
import { clippedInterval } from './interval.ts';
import { shareFromCounts, wilsonInterval, type ShareCounts } from './proportion.ts';
import { emptyDifference, twoSidedNormalPValue } from './significance.ts';
import type { DifferenceTest, ShareResult } from './types.ts';
import { DEFAULT_LEVEL } from './validate.ts';

const SHARE_DIFFERENCE_BOUNDS = { min: -1, max: 1 } as const;

export interface CompareOptions {
  level?: number;
  smallSampleThreshold?: number;
}

export function compareShares(
  a: ShareCounts,
  b: ShareCounts,
  options: CompareOptions = {},
): DifferenceTest<ShareResult> {
  const level = options.level ?? DEFAULT_LEVEL;
  const resultA = shareFromCounts(a, options);
  const resultB = shareFromCounts(b, options);
  if (resultA.estimate === null || resultB.estimate === null) return emptyDifference(resultA, resultB, level);

  const shareA = resultA.estimate;
  const shareB = resultB.estimate;
  const difference = shareA - shareB;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  // Pooled share 0 or 1: both groups are identical (all yes or all no).
  const statistic = standardError === 0 ? null : difference / standardError;
  const pValue = statistic === null ? 1 : twoSidedNormalPValue(statistic);

  // Newcombe (1998) method 10, from the Wilson intervals at the same level.
  const wilsonA = wilsonInterval(a.successes, a.n, level);
  const wilsonB = wilsonInterval(b.successes, b.n, level);
  const lower = difference - Math.hypot(shareA - wilsonA.lower, wilsonB.upper - shareB);
  const upper = difference + Math.hypot(wilsonA.upper - shareA, shareB - wilsonB.lower);

  return {
    a: resultA,
    b: resultB,
    unit: 'share',
    difference,
    standardError,
    statistic,
    degreesOfFreedom: null,
    pValue,
    alpha: 1 - level,
    significant: pValue < 1 - level,
    interval: clippedInterval(lower, upper, SHARE_DIFFERENCE_BOUNDS, level, 'newcombe'),
    smallSample: resultA.smallSample || resultB.smallSample,
  };
}
