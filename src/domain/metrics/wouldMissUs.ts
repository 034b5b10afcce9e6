/**
 * "How would you feel if you could no longer use us?" — the share answering
 * the top category (default "very") among all answers on a categorical scale
 * such as very / somewhat / not at all.
 */
import { DomainError } from '../errors.ts';
import { estimateShare } from './proportion.ts';
import type { EstimateOptions, ShareResult } from './types.ts';
import { assertCount, METRICS_ERROR_CODES } from './validate.ts';

export const DEFAULT_WOULD_MISS_US_CATEGORY = 'very';

export interface WouldMissUsOptions extends EstimateOptions {
  /** The category counted as "would miss us". Default "very". */
  positiveCategory?: string;
}

/**
 * `countsByCategory` maps every category of the scale to its answer count. The
 * positive category must be present (with 0 if nobody chose it): a missing key
 * is far more often a typo in configuration than a real zero.
 */
export function wouldMissUsFromCounts(
  countsByCategory: Readonly<Record<string, number>>,
  options: WouldMissUsOptions = {},
): ShareResult {
  const positiveCategory = options.positiveCategory ?? DEFAULT_WOULD_MISS_US_CATEGORY;
  if (!Object.hasOwn(countsByCategory, positiveCategory)) {
    throw new DomainError(
      METRICS_ERROR_CODES.unknownCategory,
      `category "${positiveCategory}" is not among the answer categories`,
      { positiveCategory, categories: Object.keys(countsByCategory) },
    );
  }
  let n = 0;
  for (const [category, count] of Object.entries(countsByCategory)) {
    assertCount(count, `countsByCategory.${category}`);
    n += count;
  }
  return estimateShare('would_miss_us', { successes: countsByCategory[positiveCategory]!, n }, options);
}

export function wouldMissUsFromAnswers(
  answers: readonly string[],
  categories: readonly string[],
  options: WouldMissUsOptions = {},
): ShareResult {
  const counts: Record<string, number> = Object.fromEntries(categories.map((category) => [category, 0]));
  answers.forEach((answer, index) => {
    if (!Object.hasOwn(counts, answer)) {
      throw new DomainError(
        METRICS_ERROR_CODES.unknownCategory,
        `answers[${index}] "${answer}" is not one of: ${categories.join(', ')}`,
        { answer, categories },
      );
    }
    counts[answer]! += 1;
  });
  return wouldMissUsFromCounts(counts, options);
}
