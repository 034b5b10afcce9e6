/**
 * Post-stratification: when the sample over- or under-represents a stratum
 * (a queue, a region, a channel) relative to known population shares, each
 * answer in stratum h gets weight w_h = populationShare_h / sampleShare_h.
 * Weighting costs precision; the interval uses Kish's effective sample size
 * n_eff = (Σw)² / Σw², which equals n when all weights are 1.
 */
import { DomainError } from '../errors.ts';
import { assertNpsCounts } from './nps.ts';
import { estimateNps } from './npsEstimate.ts';
import type { NpsCounts, NpsMetric, NpsOptions, NpsResult } from './types.ts';
import { assertCount, METRICS_ERROR_CODES } from './validate.ts';

/** Population shares may come from rounded percentages. */
const SHARE_SUM_TOLERANCE = 1e-6;

export interface StratumSample {
  key: string;
  /** Answers from this stratum. */
  sampleCount: number;
  /** The stratum's share of the population, 0..1; shares sum to 1. */
  populationShare: number;
}

export interface StratumWeight {
  key: string;
  weight: number;
}

export function postStratificationWeights(strata: readonly StratumSample[]): StratumWeight[] {
  let shareSum = 0;
  let sampleTotal = 0;
  for (const stratum of strata) {
    assertCount(stratum.sampleCount, `${stratum.key}.sampleCount`);
    if (!(Number.isFinite(stratum.populationShare) && stratum.populationShare >= 0)) {
      throw new DomainError(
        METRICS_ERROR_CODES.invalidPopulationShare,
        `population share of "${stratum.key}" must be a number ≥ 0, got ${String(stratum.populationShare)}`,
        { key: stratum.key, value: stratum.populationShare },
      );
    }
    shareSum += stratum.populationShare;
    sampleTotal += stratum.sampleCount;
  }
  if (Math.abs(shareSum - 1) > SHARE_SUM_TOLERANCE) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidPopulationShare,
      `population shares must sum to 1, got ${shareSum}`,
      { sum: shareSum },
    );
  }
  return strata.map((stratum) => {
    if (stratum.sampleCount === 0) {
      if (stratum.populationShare > 0) {
        // No answers cannot stand in for a part of the population.
        throw new DomainError(
          METRICS_ERROR_CODES.emptyStratum,
          `stratum "${stratum.key}" has population share ${stratum.populationShare} but no answers`,
          { key: stratum.key },
        );
      }
      return { key: stratum.key, weight: 0 };
    }
    const populationShare = stratum.populationShare / shareSum;
    return { key: stratum.key, weight: (populationShare * sampleTotal) / stratum.sampleCount };
  });
}

/** A group of answers sharing one weight (e.g. a stratum). */
export interface WeightedNpsGroup extends NpsCounts {
  weight: number;
}

export interface WeightedNpsOptions extends NpsOptions {
  metric?: NpsMetric;
}

export function weightedNps(groups: readonly WeightedNpsGroup[], options: WeightedNpsOptions = {}): NpsResult {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  const weightedTotals: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  groups.forEach((group, index) => {
    assertNpsCounts(group);
    if (!(Number.isFinite(group.weight) && group.weight >= 0)) {
      throw new DomainError(
        METRICS_ERROR_CODES.invalidWeight,
        `groups[${index}].weight must be a number ≥ 0, got ${String(group.weight)}`,
        { index, value: group.weight },
      );
    }
    const groupN = group.promoters + group.passives + group.detractors;
    counts.promoters += group.promoters;
    counts.passives += group.passives;
    counts.detractors += group.detractors;
    weightedTotals.promoters += group.weight * group.promoters;
    weightedTotals.passives += group.weight * group.passives;
    weightedTotals.detractors += group.weight * group.detractors;
    sumWeights += group.weight * groupN;
    sumSquaredWeights += group.weight * group.weight * groupN;
  });
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n > 0 && sumWeights === 0) {
    throw new DomainError(METRICS_ERROR_CODES.invalidWeight, 'every answer has weight 0', { n });
  }
  const effectiveN = sumWeights === 0 ? 0 : (sumWeights * sumWeights) / sumSquaredWeights;
  return estimateNps({ metric: options.metric ?? 'nps', counts, weightedTotals, effectiveN, options });
}

export interface NpsStratum extends NpsCounts {
  key: string;
  populationShare: number;
}

/** Weights each stratum to its population share and returns the weighted NPS with the weights used. */
export function postStratifiedNps(
  strata: readonly NpsStratum[],
  options: WeightedNpsOptions = {},
): NpsResult & { weights: StratumWeight[] } {
  strata.forEach(assertNpsCounts);
  const weights = postStratificationWeights(
    strata.map((s) => ({
      key: s.key,
      sampleCount: s.promoters + s.passives + s.detractors,
      populationShare: s.populationShare,
    })),
  );
  const groups = strata.map((s, i) => ({ ...s, weight: weights[i]!.weight }));
  return { ...weightedNps(groups, options), weights };
}
