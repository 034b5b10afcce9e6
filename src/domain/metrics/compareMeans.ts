/**
 * Two means on the same scale: Welch's t test (no equal-variance assumption)
 * with Welch–Satterthwaite degrees of freedom, and the matching t interval.
 */
import { studentTCdf } from './distributions.ts';
import { clippedInterval, criticalT } from './interval.ts';
import { estimateMean } from './mean.ts';
import type { CompareOptions } from './compareShares.ts';
import { emptyDifference } from './significance.ts';
import type { DifferenceTest, MeanResult, Scale, SufficientStats } from './types.ts';
import { DEFAULT_LEVEL } from './validate.ts';

export function compareMeans(
  a: SufficientStats,
  b: SufficientStats,
  scale: Scale,
  options: CompareOptions = {},
): DifferenceTest<MeanResult> {
  const level = options.level ?? DEFAULT_LEVEL;
  const resultA = estimateMean('mean', a, scale, options);
  const resultB = estimateMean('mean', b, scale, options);
  const seA = resultA.standardError;
  const seB = resultB.standardError;
  // Welch needs a variance estimate from each group, i.e. n ≥ 2 on both sides.
  if (resultA.estimate === null || resultB.estimate === null || seA === null || seB === null) {
    return emptyDifference(resultA, resultB, level);
  }
  const difference = resultA.estimate - resultB.estimate;
  const varianceA = seA * seA;
  const varianceB = seB * seB;
  const standardError = Math.sqrt(varianceA + varianceB);
  const span = scale.max - scale.min;
  const bounds = { min: -span, max: span };
  const alpha = 1 - level;
  const common = {
    a: resultA,
    b: resultB,
    unit: 'scale_value' as const,
    difference,
    standardError,
    alpha,
    smallSample: resultA.smallSample || resultB.smallSample,
  };
  if (standardError === 0) {
    // Every answer in both groups identical: the difference has no sampling noise.
    const pValue = difference === 0 ? 1 : 0;
    const interval = clippedInterval(difference, difference, bounds, level, 'welch');
    return { ...common, statistic: null, degreesOfFreedom: null, pValue, significant: pValue < alpha, interval };
  }
  const degreesOfFreedom =
    (varianceA + varianceB) ** 2 / (varianceA ** 2 / (a.n - 1) + varianceB ** 2 / (b.n - 1));
  const t = difference / standardError;
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), degreesOfFreedom));
  const halfWidth = criticalT(level, degreesOfFreedom) * standardError;
  return {
    ...common,
    statistic: t,
    degreesOfFreedom,
    pValue,
    significant: pValue < alpha,
    interval: clippedInterval(difference - halfWidth, difference + halfWidth, bounds, level, 'welch'),
  };
}
