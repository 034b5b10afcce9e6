/**
 * What saving a page (or an API call) would do to a response: pure, so the
 * rules are read in one place. Given answers are laid over the stored ones;
 * the result is validated against the version as a whole, answers to hidden
 * questions are dropped, and the page's required questions must be answered.
 */
import { isAnswered, type AnswerValue } from '../../domain/surveys/answer.ts';
import { ANSWER_PROBLEM_CODES } from '../../domain/surveys/answerChecks.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import type { Question } from '../../domain/surveys/question.ts';
import { isAskableOnScreen, questionAfter, resumeQuestion, screenQuestions } from '../../domain/surveys/respondentFlow.ts';
import { validateAnswers, type AnswerProblem } from '../../domain/surveys/validateAnswers.ts';

export interface SaveRequest {
  given: Record<string, unknown>;
  /** The questions the page showed: their required ones must be answered, and the next page follows them. */
  pageIds?: readonly string[];
  /** The respondent says they are done (the public API): every required question must be answered. */
  final?: boolean;
}

export type SavePlan =
  | { ok: false; problems: AnswerProblem[] }
  | { ok: true; answers: Record<string, AnswerValue>; dropped: string[]; next: Question | null; complete: boolean; reachedEnd: boolean };

const required = (questionId: string): AnswerProblem => ({ questionId, code: ANSWER_PROBLEM_CODES.required, message: 'This question needs an answer' });

export function planSave(definition: SurveyDefinition, stored: Record<string, unknown>, request: SaveRequest): SavePlan {
  const validation = validateAnswers(definition, { ...stored, ...request.given }, { partial: true });
  const problems = [...validation.problems];
  const shown = screenQuestions(definition, validation.answers);
  for (const question of shown) {
    const onPage = request.pageIds?.includes(question.id) ?? false;
    if ((onPage || request.final) && question.required && !isAnswered(validation.answers[question.id])) problems.push(required(question.id));
  }
  if (problems.length > 0) return { ok: false, problems };
  const answers = validation.answers;
  const next = request.pageIds ? questionAfter(definition, answers, request.pageIds) : resumeQuestion(definition, answers);
  // Complete when no question a screen can ask is left unanswered-but-required; a voice comment is the phone's to ask.
  const complete = validateAnswers(definition, answers).problems.every((p) => {
    const question = definition.questions.find((q) => q.id === p.questionId);
    return question !== undefined && !isAskableOnScreen(question);
  });
  return { ok: true, answers, dropped: validation.dropped, next, complete, reachedEnd: Boolean(request.final) || (request.pageIds !== undefined && next === null) };
}
