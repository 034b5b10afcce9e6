/**
 * "How many answers do we need for an NPS within ±m points?"
 *
 * The interval we report is adjusted Wald, whose half-width is
 * z·√(var / (n + 3)). Solving for the answers needed gives
 *     n = z²·var / m² − 3        (m as a share, e.g. 0.05 for ±5 points)
 * rounded up.
 *
 * Variance assumption (var = p_P + p_D − NPS², in share units):
 * - no prior: the worst case, half promoters and half detractors, var = 1.
 *   This reproduces the reference table: ±5 → ⌈1536.6 − 3⌉ = 1534,
 *   ±10 → ⌈384.1 − 3⌉ = 382. (No single variance reproduces both numbers
 *   without the − 3: it is the adjusted-Wald pseudo-sample.)
 * - with an expected NPS: the largest variance that NPS allows, i.e. no
 *   passives: p_P = (1 + NPS)/2, p_D = (1 − NPS)/2, var = 1 − NPS². Passives
 *   only lower the variance, so this never under-plans. Give an expected
 *   passive share to plan less conservatively: var = 1 − p_A − NPS².
 * - with a population size N: n = n₀ / (1 + (n₀ − 1)/N) (finite population
 *   correction), rounded up and never more than N.
 */
import { DomainError } from '../errors.ts';
import { criticalZ } from './interval.ts';
import type { NpsCounts } from './types.ts';
import { assertPopulationSize, DEFAULT_LEVEL, METRICS_ERROR_CODES, resolveEstimateOptions } from './validate.ts';

const ADJUSTED_WALD_PSEUDO_ANSWERS = 3;
const POINTS_PER_SHARE = 100;
/** Guards ⌈x⌉ against x = 1534.0000000001 from rounding. */
const CEILING_SLACK = 1e-9;

export interface NpsSampleSizeInput {
  /** Desired half-width of the interval, NPS points (e.g. 5 for ±5). */
  marginPoints: number;
  level?: number;
  /** Expected NPS, −100..100. */
  expectedNps?: number;
  /** Expected share of passives, 0..1. */
  expectedPassiveShare?: number;
  populationSize?: number;
}

export interface NpsSampleSizePlan {
  /** Answers needed (after the finite population correction when N is given). */
  requiredN: number;
  /** Answers needed from an unlimited population. */
  requiredNWithoutFpc: number;
  marginPoints: number;
  level: number;
  assumption: 'worst-case' | 'expected';
  /** The shares (0..1) the variance was derived from. */
  assumedShares: NpsCounts;
  /** p_P + p_D − NPS², share units squared. */
  assumedVariance: number;
  populationSize: number | null;
}

export function npsSampleSize(input: NpsSampleSizeInput): NpsSampleSizePlan {
  const { level } = resolveEstimateOptions({ level: input.level ?? DEFAULT_LEVEL });
  const marginPoints = input.marginPoints;
  if (!(Number.isFinite(marginPoints) && marginPoints > 0 && marginPoints <= 200)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidMargin,
      `margin must be more than 0 and at most 200 NPS points, got ${String(marginPoints)}`,
      { value: marginPoints },
    );
  }
  const populationSize = input.populationSize ?? null;
  if (populationSize !== null) assertPopulationSize(populationSize);

  const assumedShares = assumeShares(input.expectedNps, input.expectedPassiveShare);
  const npsShare = assumedShares.promoters - assumedShares.detractors;
  const assumedVariance = Math.max(0, assumedShares.promoters + assumedShares.detractors - npsShare * npsShare);
  const z = criticalZ(level);
  const marginShare = marginPoints / POINTS_PER_SHARE;
  const unlimited = Math.max(1, (z * z * assumedVariance) / (marginShare * marginShare) - ADJUSTED_WALD_PSEUDO_ANSWERS);
  const corrected = populationSize === null ? unlimited : unlimited / (1 + (unlimited - 1) / populationSize);
  const requiredN = Math.ceil(corrected - CEILING_SLACK);
  return {
    requiredN: populationSize === null ? requiredN : Math.min(requiredN, populationSize),
    requiredNWithoutFpc: Math.ceil(unlimited - CEILING_SLACK),
    marginPoints,
    level,
    assumption: input.expectedNps === undefined && input.expectedPassiveShare === undefined ? 'worst-case' : 'expected',
    assumedShares,
    assumedVariance,
    populationSize,
  };
}

function assumeShares(expectedNps: number | undefined, expectedPassiveShare: number | undefined): NpsCounts {
  const passives = expectedPassiveShare ?? 0;
  if (!(Number.isFinite(passives) && passives >= 0 && passives < 1)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      `expected passive share must be from 0 to below 1, got ${String(expectedPassiveShare)}`,
      { field: 'expectedPassiveShare', value: expectedPassiveShare },
    );
  }
  const nonPassive = 1 - passives;
  const npsShare = (expectedNps ?? 0) / POINTS_PER_SHARE;
  if (!(Number.isFinite(npsShare) && Math.abs(npsShare) <= nonPassive)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      `expected NPS must be within ±${nonPassive * POINTS_PER_SHARE} points (given the passive share), got ${String(expectedNps)}`,
      { field: 'expectedNps', value: expectedNps, expectedPassiveShare: passives },
    );
  }
  return { promoters: (nonPassive + npsShare) / 2, passives, detractors: (nonPassive - npsShare) / 2 };
}
