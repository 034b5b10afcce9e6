/**
 * Which questions a respondent sees, given their answers. Walks the questions
 * in order; a question hidden by its rule counts as unanswered for every later
 * rule, even if an answer to it was given earlier (the respondent went back and
 * changed the score that led to it). That keeps a hidden answer from steering
 * the rest of the survey.
 */
import { DomainError } from '../errors.ts';
import { answerOf, isAnswered, type AnswerValue, type Answers } from './answer.ts';
import type { SurveyDefinition } from './definition.ts';
import { SURVEY_ERROR_CODES } from './errors.ts';
import { evaluateRule } from './evaluateRule.ts';
import type { Question } from './question.ts';

export interface Visibility {
  visible: Question[];
  /** The answers that count: those to visible questions. */
  answers: Record<string, AnswerValue>;
}

export function resolveVisibility(definition: SurveyDefinition, answers: Answers): Visibility {
  const visible: Question[] = [];
  const counted: Record<string, AnswerValue> = {};
  for (const question of definition.questions) {
    if (question.showIf && !evaluateRule(question.showIf, counted)) continue;
    visible.push(question);
    const answer = answerOf(answers, question.id);
    if (isAnswered(answer)) counted[question.id] = answer as AnswerValue;
  }
  return { visible, answers: counted };
}

export const visibleQuestions = (definition: SurveyDefinition, answers: Answers): Question[] =>
  resolveVisibility(definition, answers).visible;

/** The answers to visible questions only: what a response should keep. */
export const effectiveAnswers = (definition: SurveyDefinition, answers: Answers): Record<string, AnswerValue> =>
  resolveVisibility(definition, answers).answers;

/**
 * The question to ask after `currentId` (or the first one when `currentId` is
 * null); null when the survey is done. `answers` should include the answer to
 * the current question. Throws survey.unknown_question for an id not in the
 * definition: the caller holds a stale or forged position.
 */
export function nextQuestion(definition: SurveyDefinition, answers: Answers, currentId: string | null): Question | null {
  const visible = visibleQuestions(definition, answers);
  if (currentId === null) return visible[0] ?? null;
  const currentIndex = definition.questions.findIndex((question) => question.id === currentId);
  if (currentIndex < 0) {
    throw new DomainError(SURVEY_ERROR_CODES.unknownQuestion, `There is no question "${currentId}" in this survey`, {
      questionId: currentId,
    });
  }
  const shown = new Set(visible);
  return definition.questions.slice(currentIndex + 1).find((question) => shown.has(question)) ?? null;
}
