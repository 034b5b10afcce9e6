/**
 * The NPS estimate and its interval, shared by the plain, weighted and
 * comparison paths so they cannot drift apart (weights of 1 must give the
 * unweighted answer bit for bit).
 *
 * Intervals:
 * - adjusted Wald (default): add 0.75 promoter, 1.5 passives and 0.75
 *   detractor (n + 3), then Wald on the adjusted shares with variance
 *   p_P + p_D − (p_P − p_D)². Much better coverage than Wald for small n or
 *   extreme scores (Rocks 2016; Sauro & Lewis, MeasuringU).
 * - Wald: the same formula on the raw shares; degenerate at 0 % or 100 %.
 */
import { clippedInterval, criticalZ, finitePopulationCorrection, isSmallSample } from './interval.ts';
import type { NpsCounts, NpsIntervalMethod, NpsMetric, NpsOptions, NpsResult } from './types.ts';
import { assertPopulationCoversSample, METRICS_ERROR_CODES, resolveEstimateOptions } from './validate.ts';
import { DomainError } from '../errors.ts';

export const NPS_POINTS_BOUNDS = { min: -100, max: 100 } as const;
const ADJUSTED_WALD_PSEUDO_COUNTS: NpsCounts = { promoters: 0.75, passives: 1.5, detractors: 0.75 };
const NO_PSEUDO_COUNTS: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
const POINTS_PER_SHARE = 100;

export interface NpsEstimateInput {
  metric: NpsMetric;
  /** Raw answer counts (validated by the caller). */
  counts: NpsCounts;
  /** Σ weights per category; the raw counts when unweighted. */
  weightedTotals: NpsCounts;
  /** Kish effective sample size; n when unweighted. */
  effectiveN: number;
  options: NpsOptions | undefined;
}

export function estimateNps(input: NpsEstimateInput): NpsResult {
  const { metric, counts, weightedTotals, effectiveN } = input;
  const { level, populationSize, smallSampleThreshold } = resolveEstimateOptions(input.options);
  const method = resolveNpsMethod(input.options?.method);
  const n = counts.promoters + counts.passives + counts.detractors;
  assertPopulationCoversSample(populationSize, n);
  const smallSample = isSmallSample(effectiveN, smallSampleThreshold);
  const base = { metric, unit: 'nps_points' as const, n, counts, effectiveN, populationSize, smallSample };
  const weightTotal = weightedTotals.promoters + weightedTotals.passives + weightedTotals.detractors;
  if (n === 0 || weightTotal === 0) {
    return { ...base, estimate: null, interval: null, shares: null, intervalCentre: null, standardError: null };
  }

  const estimateShare = (weightedTotals.promoters - weightedTotals.detractors) / weightTotal;
  const fpc = finitePopulationCorrection(n, populationSize);
  // Weighted totals are rescaled to sum to the effective n, so the pseudo-counts
  // and the variance see the information actually in the sample.
  const toEffective = effectiveN / weightTotal;
  const pseudo = method === 'adjusted-wald' ? ADJUSTED_WALD_PSEUDO_COUNTS : NO_PSEUDO_COUNTS;
  const pseudoTotal = pseudo.promoters + pseudo.passives + pseudo.detractors;
  const promoters = weightedTotals.promoters * toEffective + pseudo.promoters;
  const detractors = weightedTotals.detractors * toEffective + pseudo.detractors;
  const total = effectiveN + pseudoTotal;
  // A census (n = N) has no sampling error, and so nothing for the pseudo-counts to correct.
  const centreShare = fpc === 0 ? estimateShare : (promoters - detractors) / total;
  // Rounding can push a zero variance (all promoters, say) a hair below 0.
  const variance = Math.max(0, (promoters + detractors) / total - centreShare * centreShare);
  const standardErrorShare = Math.sqrt((variance * fpc) / total);

  const halfWidth = criticalZ(level) * standardErrorShare;
  // The adjusted interval is centred on the shrunken NPS; at very small n (one
  // promoter) or low levels it can miss the observed NPS. We widen it to reach
  // the observation rather than report an interval the data contradicts.
  const lowerShare = Math.min(centreShare - halfWidth, estimateShare);
  const upperShare = Math.max(centreShare + halfWidth, estimateShare);

  return {
    ...base,
    estimate: estimateShare * POINTS_PER_SHARE,
    interval: clippedInterval(
      lowerShare * POINTS_PER_SHARE,
      upperShare * POINTS_PER_SHARE,
      NPS_POINTS_BOUNDS,
      level,
      method,
    ),
    shares: {
      promoters: weightedTotals.promoters / weightTotal,
      passives: weightedTotals.passives / weightTotal,
      detractors: weightedTotals.detractors / weightTotal,
    },
    intervalCentre: centreShare * POINTS_PER_SHARE,
    standardError: standardErrorShare * POINTS_PER_SHARE,
  };
}

export function resolveNpsMethod(method: NpsIntervalMethod | undefined): NpsIntervalMethod {
  const resolved = method ?? 'adjusted-wald';
  if (resolved !== 'adjusted-wald' && resolved !== 'wald') {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      `NPS interval method must be "adjusted-wald" or "wald", got ${String(method)}`,
      { field: 'method', value: method },
    );
  }
  return resolved;
}
