/**
 * Input checks shared by the metrics. Every rejection is a DomainError with a
 * stable code from METRICS_ERROR_CODES, so callers (HTTP, CLI) can map it.
 */
import { DomainError } from '../errors.ts';
import type { EstimateOptions, Scale } from './types.ts';

export const METRICS_ERROR_CODES = {
  invalidCount: 'metrics.invalid_count',
  scoreOutOfRange: 'metrics.score_out_of_range',
  invalidHistogram: 'metrics.invalid_histogram',
  invalidStatistics: 'metrics.invalid_statistics',
  invalidLevel: 'metrics.invalid_level',
  invalidPopulationSize: 'metrics.invalid_population_size',
  invalidOption: 'metrics.invalid_option',
  invalidWeight: 'metrics.invalid_weight',
  invalidPopulationShare: 'metrics.invalid_population_share',
  emptyStratum: 'metrics.empty_stratum',
  unknownCategory: 'metrics.unknown_category',
  invalidMargin: 'metrics.invalid_margin',
} as const;

export const DEFAULT_LEVEL = 0.95;
export const DEFAULT_SMALL_SAMPLE_THRESHOLD = 30;

/** A count of answers: a whole number ≥ 0. */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidCount,
      `${name} must be a whole number ≥ 0, got ${String(value)}`,
      { field: name, value },
    );
  }
}

/** A single answer on an integer scale. */
export function assertScore(value: number, scale: Scale, name = 'score'): void {
  if (!Number.isInteger(value) || value < scale.min || value > scale.max) {
    throw new DomainError(
      METRICS_ERROR_CODES.scoreOutOfRange,
      `${name} must be a whole number from ${scale.min} to ${scale.max}, got ${String(value)}`,
      { field: name, value, scale },
    );
  }
}

/** A value on a scale that may be fractional (e.g. a respondent's average). */
export function assertValueOnScale(value: number, scale: Scale, name = 'value'): void {
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
    throw new DomainError(
      METRICS_ERROR_CODES.scoreOutOfRange,
      `${name} must be a number from ${scale.min} to ${scale.max}, got ${String(value)}`,
      { field: name, value, scale },
    );
  }
}

export function assertLevel(level: number): void {
  if (!(Number.isFinite(level) && level > 0 && level < 1)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidLevel,
      `confidence level must be between 0 and 1 (e.g. 0.95), got ${String(level)}`,
      { value: level },
    );
  }
}

/** Checks N alone; `assertPopulationCoversSample` checks it against n. */
export function assertPopulationSize(populationSize: number): void {
  if (!Number.isSafeInteger(populationSize) || populationSize < 1) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidPopulationSize,
      `population size must be a whole number ≥ 1, got ${String(populationSize)}`,
      { value: populationSize },
    );
  }
}

export function assertPopulationCoversSample(populationSize: number | null, n: number): void {
  if (populationSize !== null && n > populationSize) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidPopulationSize,
      `population size ${populationSize} is smaller than the ${n} answers`,
      { populationSize, n },
    );
  }
}

export interface ResolvedEstimateOptions {
  level: number;
  populationSize: number | null;
  smallSampleThreshold: number;
}

export function resolveEstimateOptions(options: EstimateOptions = {}): ResolvedEstimateOptions {
  const level = options.level ?? DEFAULT_LEVEL;
  assertLevel(level);
  const populationSize = options.populationSize ?? null;
  if (populationSize !== null) assertPopulationSize(populationSize);
  const smallSampleThreshold = options.smallSampleThreshold ?? DEFAULT_SMALL_SAMPLE_THRESHOLD;
  if (!(Number.isFinite(smallSampleThreshold) && smallSampleThreshold >= 0)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      `small-sample threshold must be a number ≥ 0, got ${String(smallSampleThreshold)}`,
      { field: 'smallSampleThreshold', value: smallSampleThreshold },
    );
  }
  return { level, populationSize, smallSampleThreshold };
}

/** A histogram of answer counts: one whole number ≥ 0 per scale point. */
export function assertHistogram(counts: readonly number[], expectedLength: number, name: string): void {
  if (counts.length !== expectedLength) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidHistogram,
      `${name} must have ${expectedLength} counts (one per scale point), got ${counts.length}`,
      { field: name, length: counts.length, expectedLength },
    );
  }
  counts.forEach((count, index) => assertCount(count, `${name}[${index}]`));
}

export function assertScale(scale: Scale): void {
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max)) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      `a scale needs finite min < max, got ${String(scale.min)}..${String(scale.max)}`,
      { field: 'scale', value: scale },
    );
  }
}
