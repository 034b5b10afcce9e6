/**
 * Is the NPS of group (or period) a different from b's? A z test on the
 * interval centres and standard errors of the two results:
 * z = (adjNPS_a − adjNPS_b) / √(se_a² + se_b²). With the default adjusted Wald
 * these are the adjusted NPS and adjusted variances; with Wald the raw ones.
 * Working from results means weighted NPS values compare the same way.
 */
import { DomainError } from '../errors.ts';
import { clippedInterval, criticalZ } from './interval.ts';
import { npsFromCounts } from './nps.ts';
import { emptyDifference, twoSidedNormalPValue } from './significance.ts';
import type { DifferenceTest, NpsCounts, NpsOptions, NpsResult } from './types.ts';
import { assertLevel, DEFAULT_LEVEL, METRICS_ERROR_CODES } from './validate.ts';

const NPS_DIFFERENCE_BOUNDS = { min: -200, max: 200 } as const;

export interface CompareNpsOptions extends Omit<NpsOptions, 'populationSize'> {
  populationSizeA?: number;
  populationSizeB?: number;
}

export function compareNps(a: NpsCounts, b: NpsCounts, options: CompareNpsOptions = {}): DifferenceTest<NpsResult> {
  const { populationSizeA, populationSizeB, ...shared } = options;
  return compareNpsResults(
    npsFromCounts(a, { ...shared, populationSize: populationSizeA }),
    npsFromCounts(b, { ...shared, populationSize: populationSizeB }),
    options.level,
  );
}

/**
 * The interval is the test's own (centred on the adjusted difference), so
 * `significant` and "the interval excludes 0" always agree; `difference` is
 * the plain difference of the two reported NPS values.
 */
export function compareNpsResults(
  a: NpsResult,
  b: NpsResult,
  level: number = DEFAULT_LEVEL,
): DifferenceTest<NpsResult> {
  assertLevel(level);
  assertComparable(a, b);
  if (
    a.estimate === null || b.estimate === null ||
    a.intervalCentre === null || b.intervalCentre === null ||
    a.standardError === null || b.standardError === null
  ) {
    return emptyDifference(a, b, level);
  }
  const alpha = 1 - level;
  const difference = a.estimate - b.estimate;
  const standardError = Math.hypot(a.standardError, b.standardError);
  const method = a.interval?.method ?? 'adjusted-wald';
  const common = {
    a,
    b,
    unit: a.unit,
    difference,
    standardError,
    degreesOfFreedom: null,
    alpha,
    smallSample: a.smallSample || b.smallSample,
  };
  if (standardError === 0) {
    // Both groups fully counted (census) or degenerate Wald: the difference is known exactly.
    const pValue = difference === 0 ? 1 : 0;
    const interval = clippedInterval(difference, difference, NPS_DIFFERENCE_BOUNDS, level, method);
    return { ...common, statistic: null, pValue, significant: pValue < alpha, interval };
  }
  const centreDifference = a.intervalCentre - b.intervalCentre;
  const z = centreDifference / standardError;
  const pValue = twoSidedNormalPValue(z);
  const halfWidth = criticalZ(level) * standardError;
  const interval = clippedInterval(
    centreDifference - halfWidth,
    centreDifference + halfWidth,
    NPS_DIFFERENCE_BOUNDS,
    level,
    method,
  );
  return { ...common, statistic: z, pValue, significant: pValue < alpha, interval };
}

function assertComparable(a: NpsResult, b: NpsResult): void {
  const methodA = a.interval?.method;
  const methodB = b.interval?.method;
  if (a.metric !== b.metric || (methodA !== undefined && methodB !== undefined && methodA !== methodB)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      'compare results of the same metric computed with the same interval method',
      { a: { metric: a.metric, method: methodA }, b: { metric: b.metric, method: methodB } },
    );
  }
}
