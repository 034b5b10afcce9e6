/**
 * Customer Loyalty Index: a configured set of 0–10 questions (typically
 * recommend, repurchase, try other products). Each respondent's answers are
 * averaged first, then the respondent averages are averaged, so a respondent
 * who skipped a question still counts once. Reported as a mean on 0–10.
 */
import { DomainError } from '../errors.ts';
import { estimateMean, sufficientStatsFromValues } from './mean.ts';
import type { EstimateOptions, MeanResult, Scale, SufficientStats } from './types.ts';
import { assertScore, METRICS_ERROR_CODES } from './validate.ts';

export const CLI_SCALE: Scale = { min: 0, max: 10 };

export interface CliOptions extends EstimateOptions {
  /**
   * When true, respondents who did not answer every configured question are
   * left out. Default false: average whatever they answered (at least one).
   */
  requireAllQuestions?: boolean;
}

/** One respondent's answers keyed by question id; null/undefined = not answered. */
export type CliAnswers = Readonly<Record<string, number | null | undefined>>;

/** The per-respondent averages that enter the index; respondents with no usable answers are skipped. */
export function cliRespondentMeans(
  respondents: readonly CliAnswers[],
  questionIds: readonly string[],
  requireAllQuestions = false,
): number[] {
  if (questionIds.length === 0 || new Set(questionIds).size !== questionIds.length) {
    throw new DomainError(
      METRICS_ERROR_CODES.invalidOption,
      'the CLI needs at least one question id, each listed once',
      { field: 'questionIds', value: questionIds },
    );
  }
  const means: number[] = [];
  respondents.forEach((answers, respondentIndex) => {
    const scores: number[] = [];
    for (const questionId of questionIds) {
      const score = answers[questionId];
      if (score === null || score === undefined) continue;
      assertScore(score, CLI_SCALE, `respondents[${respondentIndex}].${questionId}`);
      scores.push(score);
    }
    if (scores.length === 0 || (requireAllQuestions && scores.length < questionIds.length)) return;
    means.push(scores.reduce((a, b) => a + b, 0) / scores.length);
  });
  return means;
}

export function cliFromAnswers(
  respondents: readonly CliAnswers[],
  questionIds: readonly string[],
  options: CliOptions = {},
): MeanResult {
  const means = cliRespondentMeans(respondents, questionIds, options.requireAllQuestions ?? false);
  return estimateMean('cli', sufficientStatsFromValues(means, CLI_SCALE), CLI_SCALE, options);
}

/** For rollups that store (n, Σ, Σ²) of respondent averages rather than the answers. */
export const cliFromSufficientStats = (stats: SufficientStats, options?: EstimateOptions): MeanResult =>
  estimateMean('cli', stats, CLI_SCALE, options);
