/**
 * Customer Effort Score on a 1–7 scale (7 = very easy): the mean, and the
 * share of "easy" answers (5–7).
 */
import { estimateMean, sufficientStatsFromHistogram } from './mean.ts';
import { estimateShare } from './proportion.ts';
import type { EstimateOptions, MeanResult, Scale, ShareResult } from './types.ts';
import { assertHistogram, assertScore } from './validate.ts';

export const CES_SCALE: Scale = { min: 1, max: 7 };
const CES_EASY_MIN_SCORE = 5;

export interface CesResult {
  mean: MeanResult;
  easyShare: ShareResult;
}

/** `countsByScore[0]` = answers with score 1 … `countsByScore[6]` = score 7. */
export function cesFromHistogram(countsByScore: readonly number[], options?: EstimateOptions): CesResult {
  assertHistogram(countsByScore, CES_SCALE.max - CES_SCALE.min + 1, 'countsByScore');
  const stats = sufficientStatsFromHistogram(countsByScore, CES_SCALE.min);
  const easy = countsByScore.slice(CES_EASY_MIN_SCORE - CES_SCALE.min).reduce((a, b) => a + b, 0);
  return {
    mean: estimateMean('ces_mean', stats, CES_SCALE, options),
    easyShare: estimateShare('ces_easy_share', { successes: easy, n: stats.n }, options),
  };
}

export function cesFromScores(scores: readonly number[], options?: EstimateOptions): CesResult {
  const counts = new Array<number>(CES_SCALE.max - CES_SCALE.min + 1).fill(0);
  scores.forEach((score, index) => {
    assertScore(score, CES_SCALE, `scores[${index}]`);
    counts[score - CES_SCALE.min]! += 1;
  });
  return cesFromHistogram(counts, options);
}
