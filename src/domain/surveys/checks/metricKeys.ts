/**
 * A metric key promises reports a kind of answer: "nps" must be a 0–10 NPS
 * question, "miss_us" a single choice with a "very" option, and so on. A
 * mismatch would be computed silently on the wrong scale, so it is refused.
 * Keys outside this table are the tenant's own and are not checked.
 */
import { CLI_SCALE, DEFAULT_WOULD_MISS_US_CATEGORY } from '../../metrics/index.ts';
import type { SurveyDefinition } from '../definition.ts';
import { problem, SURVEY_PROBLEM_CODES as CODES, type SurveyProblem } from '../problems.ts';
import type { Question } from '../question.ts';
import { questionScale } from '../scales.ts';
import { repeatedEntries } from './repeatedEntries.ts';

export const STANDARD_METRIC_KEYS = ['nps', 'enps', 'csat', 'ces', 'fcr', 'miss_us'] as const;
/** CLI questions are keyed `cli.<name>`; the index averages every question of the family. */
export const CLI_METRIC_KEY_PREFIX = 'cli.';

interface Expectation {
  accepts: (question: Question) => boolean;
  /** Completes "… must be on ". */
  description: string;
}

const ofType = (type: Question['type'], description: string): Expectation => ({
  accepts: (question) => question.type === type,
  description,
});

const EXPECTATIONS: Record<(typeof STANDARD_METRIC_KEYS)[number], Expectation> = {
  nps: ofType('nps', 'an NPS question (0–10)'),
  enps: ofType('nps', 'an NPS question (0–10)'),
  csat: ofType('csat', 'a CSAT question (1–5)'),
  ces: ofType('ces', 'a CES question (1–7)'),
  fcr: ofType('fcr', 'an FCR question (yes / no)'),
  miss_us: {
    accepts: (question) =>
      question.type === 'single_choice' && question.options.some((option) => option.id === DEFAULT_WOULD_MISS_US_CATEGORY),
    description: `a single-choice question with an option "${DEFAULT_WOULD_MISS_US_CATEGORY}"`,
  },
};

const CLI_EXPECTATION: Expectation = {
  accepts: (question) => {
    const scale = questionScale(question);
    return (question.type === 'nps' || question.type === 'rating') && scale?.min === CLI_SCALE.min && scale.max === CLI_SCALE.max;
  },
  description: `a 0–10 question (NPS or a rating from ${CLI_SCALE.min} to ${CLI_SCALE.max})`,
};

/** What a key requires of its question; null for a tenant's own key. */
export function metricKeyExpectation(metricKey: string): Expectation | null {
  if (metricKey.startsWith(CLI_METRIC_KEY_PREFIX)) return CLI_EXPECTATION;
  return Object.hasOwn(EXPECTATIONS, metricKey) ? EXPECTATIONS[metricKey as keyof typeof EXPECTATIONS] : null;
}

export function checkMetricKeys(definition: SurveyDefinition): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  definition.questions.forEach((question, index) => {
    const { metricKey } = question;
    if (metricKey === null) return;
    const path = ['questions', index, 'metricKey'];
    const details = { questionId: question.id, metricKey };
    if (metricKey === 'cli') {
      problems.push(problem(CODES.metricKeyMismatch, path, `Name each CLI question with its own key, e.g. "cli.recommend"`, details));
      return;
    }
    const expectation = metricKeyExpectation(metricKey);
    if (expectation && !expectation.accepts(question)) {
      problems.push(
        problem(CODES.metricKeyMismatch, path, `Metric key "${metricKey}" must be on ${expectation.description}; question "${question.id}" is ${question.type}`, {
          ...details,
          type: question.type,
        }),
      );
    }
  });
  const keyed = definition.questions.flatMap((question, index) => (question.metricKey === null ? [] : [{ index, key: question.metricKey }]));
  repeatedEntries(keyed.map(({ key }) => key)).forEach(({ index, value }) =>
    problems.push(
      problem(
        CODES.duplicateMetricKey,
        ['questions', keyed[index]!.index, 'metricKey'],
        `Metric key "${value}" is on more than one question; reports could not tell which answer to count`,
        { metricKey: value },
      ),
    ),
  );
  return problems;
}
