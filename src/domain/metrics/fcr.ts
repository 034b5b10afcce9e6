/** First Contact Resolution: the share of "yes, resolved on first contact" among yes/no answers. */
import { estimateShare } from './proportion.ts';
import type { EstimateOptions, ShareResult } from './types.ts';
import { assertCount } from './validate.ts';

export interface FcrCounts {
  yes: number;
  no: number;
}

export function fcrFromCounts(counts: FcrCounts, options?: EstimateOptions): ShareResult {
  assertCount(counts.yes, 'yes');
  assertCount(counts.no, 'no');
  return estimateShare('fcr', { successes: counts.yes, n: counts.yes + counts.no }, options);
}

export function fcrFromAnswers(answers: readonly boolean[], options?: EstimateOptions): ShareResult {
  const yes = answers.filter((answer) => answer).length;
  return fcrFromCounts({ yes, no: answers.length - yes }, options);
}
