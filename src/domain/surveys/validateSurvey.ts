/**
 * Everything wrong with a survey definition, as a list. Never throws for
 * content: the editor shows all problems at once, the launch refuses while any
 * remain. Shape problems (from the zod schema) come alone, since content
 * checks on a malformed definition would only add noise.
 */
import { DomainError } from '../errors.ts';
import { checkMetricKeys } from './checks/metricKeys.ts';
import { checkReachability } from './checks/reachability.ts';
import { checkRules } from './checks/rules.ts';
import { checkStructure } from './checks/structure.ts';
import { checkTranslations } from './checks/translations.ts';
import { SurveyDefinition } from './definition.ts';
import { SURVEY_ERROR_CODES } from './errors.ts';
import { problem, SURVEY_PROBLEM_CODES, type SurveyProblem, type SurveyValidation } from './problems.ts';

export function validateSurvey(input: unknown): SurveyValidation {
  const { problems } = inspect(input);
  return { ok: problems.length === 0, problems };
}

function inspect(input: unknown): { problems: SurveyProblem[]; definition?: SurveyDefinition } {
  const parsed = SurveyDefinition.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      problem(SURVEY_PROBLEM_CODES.invalidShape, issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)), issue.message),
    );
    return { problems };
  }
  return { problems: contentProblems(parsed.data), definition: parsed.data };
}

function contentProblems(definition: SurveyDefinition): SurveyProblem[] {
  const rules = checkRules(definition);
  return [
    ...checkStructure(definition),
    ...checkTranslations(definition),
    ...checkMetricKeys(definition),
    ...rules.problems,
    ...checkReachability(definition, rules.unanalysable),
  ];
}

/** For launching: the parsed definition, or a DomainError whose `details.problems` lists what to fix. */
export function assertValidSurvey(input: unknown): SurveyDefinition {
  const { problems, definition } = inspect(input);
  if (problems.length > 0 || !definition) {
    const count = problems.length;
    throw new DomainError(
      SURVEY_ERROR_CODES.invalidDefinition,
      `The survey has ${count} problem${count === 1 ? '' : 's'} to fix: ${problems[0]?.message ?? ''}${count > 1 ? ' …' : ''}`,
      { problems },
    );
  }
  return definition;
}
