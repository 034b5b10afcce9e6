/**
 * The metrics engine: pure functions from answer counts to estimates with
 * intervals, comparisons, sample-size plans and weighting. No I/O.
 */
export type * from './types.ts';
export { DomainError } from '../errors.ts';
export { METRICS_ERROR_CODES, DEFAULT_LEVEL, DEFAULT_SMALL_SAMPLE_THRESHOLD } from './validate.ts';

export { normalCdf, normalPdf, normalQuantile, studentTCdf, studentTPdf, studentTQuantile } from './distributions.ts';
export { criticalZ, criticalT, finitePopulationCorrection } from './interval.ts';

export {
  NPS_SCALE,
  classifyNpsScore,
  npsCountsFromHistogram,
  npsCountsFromScores,
  npsFromCounts,
  npsFromHistogram,
  npsFromScores,
  enpsFromCounts,
  enpsFromHistogram,
  enpsFromScores,
  type NpsCategory,
} from './nps.ts';
export { NPS_POINTS_BOUNDS } from './npsEstimate.ts';
export { SHARE_BOUNDS, shareFromCounts, wilsonInterval, type ShareCounts } from './proportion.ts';
export {
  meanFromValues,
  meanFromHistogram,
  meanFromSufficientStats,
  sufficientStatsFromValues,
  sufficientStatsFromHistogram,
} from './mean.ts';
export { CSAT_SCALE, csatFromHistogram, csatFromScores, type CsatResult } from './csat.ts';
export { CES_SCALE, cesFromHistogram, cesFromScores, type CesResult } from './ces.ts';
export { fcrFromCounts, fcrFromAnswers, type FcrCounts } from './fcr.ts';
export {
  CLI_SCALE,
  cliFromAnswers,
  cliFromSufficientStats,
  cliRespondentMeans,
  type CliAnswers,
  type CliOptions,
} from './cli.ts';
export {
  DEFAULT_WOULD_MISS_US_CATEGORY,
  wouldMissUsFromCounts,
  wouldMissUsFromAnswers,
  type WouldMissUsOptions,
} from './wouldMissUs.ts';

export { compareNps, compareNpsResults, type CompareNpsOptions } from './compareNps.ts';
export { compareShares, type CompareOptions } from './compareShares.ts';
export { compareMeans } from './compareMeans.ts';
export { npsSampleSize, type NpsSampleSizeInput, type NpsSampleSizePlan } from './sampleSize.ts';
export {
  postStratificationWeights,
  weightedNps,
  postStratifiedNps,
  type StratumSample,
  type StratumWeight,
  type WeightedNpsGroup,
  type WeightedNpsOptions,
  type NpsStratum,
} from './weighting.ts';
