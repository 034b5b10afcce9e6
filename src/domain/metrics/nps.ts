/**
 * NPS (customers) and eNPS (employees): the same 0–10 question and the same
 * math, kept under separate metric keys so they are never mixed in a report.
 * Promoters 9–10, passives 7–8, detractors 0–6; NPS = %promoters − %detractors.
 */
import { estimateNps } from './npsEstimate.ts';
import type { NpsCounts, NpsMetric, NpsOptions, NpsResult, Scale } from './types.ts';
import { assertCount, assertHistogram, assertScore } from './validate.ts';

export const NPS_SCALE: Scale = { min: 0, max: 10 };
const PROMOTER_MIN_SCORE = 9;
const PASSIVE_MIN_SCORE = 7;

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function classifyNpsScore(score: number): NpsCategory {
  assertScore(score, NPS_SCALE);
  if (score >= PROMOTER_MIN_SCORE) return 'promoter';
  if (score >= PASSIVE_MIN_SCORE) return 'passive';
  return 'detractor';
}

export function assertNpsCounts(counts: NpsCounts): void {
  assertCount(counts.promoters, 'promoters');
  assertCount(counts.passives, 'passives');
  assertCount(counts.detractors, 'detractors');
}

/** Collapses a 0–10 histogram (`countsByScore[s]` = answers with score s) into categories. */
export function npsCountsFromHistogram(countsByScore: readonly number[]): NpsCounts {
  assertHistogram(countsByScore, NPS_SCALE.max - NPS_SCALE.min + 1, 'countsByScore');
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  countsByScore.forEach((count, score) => {
    const category = classifyNpsScore(score);
    if (category === 'promoter') counts.promoters += count;
    else if (category === 'passive') counts.passives += count;
    else counts.detractors += count;
  });
  return counts;
}

export function npsCountsFromScores(scores: readonly number[]): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = classifyNpsScore(score);
    if (category === 'promoter') counts.promoters += 1;
    else if (category === 'passive') counts.passives += 1;
    else counts.detractors += 1;
  }
  return counts;
}

function fromCounts(metric: NpsMetric, counts: NpsCounts, options?: NpsOptions): NpsResult {
  assertNpsCounts(counts);
  const n = counts.promoters + counts.passives + counts.detractors;
  const raw = { promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors };
  return estimateNps({ metric, counts: raw, weightedTotals: raw, effectiveN: n, options });
}

export const npsFromCounts = (counts: NpsCounts, options?: NpsOptions): NpsResult =>
  fromCounts('nps', counts, options);

export const npsFromHistogram = (countsByScore: readonly number[], options?: NpsOptions): NpsResult =>
  fromCounts('nps', npsCountsFromHistogram(countsByScore), options);

export const npsFromScores = (scores: readonly number[], options?: NpsOptions): NpsResult =>
  fromCounts('nps', npsCountsFromScores(scores), options);

export const enpsFromCounts = (counts: NpsCounts, options?: NpsOptions): NpsResult =>
  fromCounts('enps', counts, options);

export const enpsFromHistogram = (countsByScore: readonly number[], options?: NpsOptions): NpsResult =>
  fromCounts('enps', npsCountsFromHistogram(countsByScore), options);

export const enpsFromScores = (scores: readonly number[], options?: NpsOptions): NpsResult =>
  fromCounts('enps', npsCountsFromScores(scores), options);
