/**
 * Checks a response against the survey version it was given under.
 *
 * Pass the whole response (stored answers merged with the new ones), not a
 * delta: whether a question is shown depends on earlier answers.
 *
 * Answers to questions hidden by their rule are DROPPED, not refused: a
 * respondent who wrote a low-score reason and then raised the score to 9 has
 * done nothing wrong, and refusing would trap them. The dropped ids are
 * returned so the caller can tell an API client; the cleaned `answers` never
 * contain them, so reports see no reason under a promoter's score.
 * Answers to ids the survey does not have are refused: that is a client bug.
 */
import { answerOf, isAnswered, type AnswerValue } from './answer.ts';
import { ANSWER_PROBLEM_CODES, checkAnswer, type AnswerProblemCode } from './answerChecks.ts';
import type { SurveyDefinition } from './definition.ts';
import { evaluateRule } from './evaluateRule.ts';

export interface AnswerValidationOptions {
  /** True while the respondent is still going: skipped required questions are not yet a problem. */
  partial?: boolean;
}

export interface AnswerProblem {
  questionId: string;
  code: AnswerProblemCode;
  message: string;
  details?: Record<string, unknown>;
}

export interface AnswerValidation {
  ok: boolean;
  /** At most one per question, in the survey's order (unknown ids first). */
  problems: AnswerProblem[];
  /** The valid answers to visible questions, normalised; what to store. */
  answers: Record<string, AnswerValue>;
  /** Questions answered but hidden by their rule; their answers are not kept. */
  dropped: string[];
}

export function validateAnswers(
  definition: SurveyDefinition,
  input: Readonly<Record<string, unknown>>,
  options: AnswerValidationOptions = {},
): AnswerValidation {
  const known = new Set(definition.questions.map((question) => question.id));
  const problems: AnswerProblem[] = Object.keys(input)
    .filter((id) => !known.has(id))
    .map((questionId) => ({ questionId, code: ANSWER_PROBLEM_CODES.unknownQuestion, message: 'This survey has no such question' }));
  const answers: Record<string, AnswerValue> = {};
  const dropped: string[] = [];
  for (const question of definition.questions) {
    const given = answerOf(input, question.id);
    // Rules see only the valid answers so far, so an invalid score cannot open a follow-up.
    if (question.showIf && !evaluateRule(question.showIf, answers)) {
      if (isAnswered(given)) dropped.push(question.id);
      continue;
    }
    if (!isAnswered(given)) {
      if (question.required && !options.partial) {
        problems.push({ questionId: question.id, code: ANSWER_PROBLEM_CODES.required, message: 'This question needs an answer' });
      }
      continue;
    }
    const check = checkAnswer(question, given, definition.anonymous);
    if (check.ok) answers[question.id] = check.value;
    else problems.push({ questionId: question.id, ...check.issue });
  }
  return { ok: problems.length === 0, problems, answers, dropped };
}
