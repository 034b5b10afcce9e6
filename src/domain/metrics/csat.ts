/**
 * CSAT on a 1–5 scale: the top-2-box share (answers 4–5) and the mean.
 * Both are reported on their own scales; neither is converted to the other.
 */
import { estimateMean, sufficientStatsFromHistogram } from './mean.ts';
import { estimateShare } from './proportion.ts';
import type { EstimateOptions, MeanResult, Scale, ShareResult } from './types.ts';
import { assertHistogram, assertScore } from './validate.ts';

export const CSAT_SCALE: Scale = { min: 1, max: 5 };
const CSAT_TOP_BOX_MIN_SCORE = 4;

export interface CsatResult {
  topTwoBox: ShareResult;
  mean: MeanResult;
}

/** `countsByScore[0]` = answers with score 1 … `countsByScore[4]` = score 5. */
export function csatFromHistogram(countsByScore: readonly number[], options?: EstimateOptions): CsatResult {
  assertHistogram(countsByScore, CSAT_SCALE.max - CSAT_SCALE.min + 1, 'countsByScore');
  const stats = sufficientStatsFromHistogram(countsByScore, CSAT_SCALE.min);
  const topBox = countsByScore.slice(CSAT_TOP_BOX_MIN_SCORE - CSAT_SCALE.min).reduce((a, b) => a + b, 0);
  return {
    topTwoBox: estimateShare('csat_top2_box', { successes: topBox, n: stats.n }, options),
    mean: estimateMean('csat_mean', stats, CSAT_SCALE, options),
  };
}

export function csatFromScores(scores: readonly number[], options?: EstimateOptions): CsatResult {
  const counts = new Array<number>(CSAT_SCALE.max - CSAT_SCALE.min + 1).fill(0);
  scores.forEach((score, index) => {
    assertScore(score, CSAT_SCALE, `scores[${index}]`);
    counts[score - CSAT_SCALE.min]! += 1;
  });
  return csatFromHistogram(counts, options);
}
