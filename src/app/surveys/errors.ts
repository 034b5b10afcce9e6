import { DomainError } from '../../domain/errors.ts';
import type { SurveyProblem } from '../../domain/surveys/index.ts';
import type { SurveyStatus } from '../../store/repos/surveys.ts';

/** Codes the survey use cases raise; statuses and titles are in src/http/errorCodes.ts. */
export const SURVEY_APP_CODES = {
  /** The draft has problems; `errors` lists them as `{ path, code, message }`. */
  invalid: 'surveys.invalid',
  /** The action does not fit the survey's status (pause a draft, launch a closed survey …). */
  wrongStatus: 'surveys.wrong_status',
} as const;

export function surveyHasProblems(problems: readonly SurveyProblem[]): DomainError {
  const count = problems.length;
  const errors = problems.map((p) => ({ path: p.path.join('.'), code: p.code, message: p.message }));
  return new DomainError(
    SURVEY_APP_CODES.invalid,
    `The survey has ${count} problem${count === 1 ? '' : 's'} to fix before it can be launched: ${problems[0]?.message ?? ''}${count > 1 ? ' …' : ''}`,
    { errors },
  );
}

export const wrongStatus = (message: string, status: SurveyStatus): DomainError =>
  new DomainError(SURVEY_APP_CODES.wrongStatus, `${message} (this survey is ${status})`, { status });
