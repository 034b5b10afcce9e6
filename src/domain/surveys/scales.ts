/**
 * The answer scale of each scored question type. The fixed scales come from
 * the metrics engine, so a survey and the numbers computed from it can never
 * disagree about what "CSAT" means.
 */
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, classifyNpsScore, type Scale } from '../metrics/index.ts';
import type { Question } from './question.ts';

export const FIXED_SCALES = { nps: NPS_SCALE, csat: CSAT_SCALE, ces: CES_SCALE } as const;

/** Inclusive integer scale of a scored question; null for questions that are not scored. */
export function questionScale(question: Question): Scale | null {
  switch (question.type) {
    case 'nps':
    case 'csat':
    case 'ces':
      return FIXED_SCALES[question.type];
    case 'rating':
      return { min: question.min, max: question.max };
    default:
      return null;
  }
}

/** The highest detractor score (6): the usual threshold for a low-score follow-up on NPS. */
export const NPS_DETRACTOR_MAX_SCORE = (() => {
  let max = NPS_SCALE.min;
  for (let score = NPS_SCALE.min; score <= NPS_SCALE.max; score += 1) {
    if (classifyNpsScore(score) === 'detractor') max = score;
  }
  return max;
})();
