/**
 * The order a respondent walks through a survey on a screen (web page,
 * widget, chat): which question comes next, how far along they are, and
 * which follow-ups belong on the same page as a one-click score.
 *
 * A voice comment cannot be given on a screen, so screens skip it; the
 * phone channels ask it.
 */
import { isAnswered, type Answers } from './answer.ts';
import type { SurveyDefinition } from './definition.ts';
import type { Question } from './question.ts';
import { referencedQuestionIds } from './rule.ts';
import { resolveVisibility } from './visibility.ts';

export const isAskableOnScreen = (question: Question): boolean => question.type !== 'voice_comment';

/** The questions a screen asks, given the answers so far, in the survey's order. */
export function screenQuestions(definition: SurveyDefinition, answers: Answers): Question[] {
  return resolveVisibility(definition, answers).visible.filter(isAskableOnScreen);
}

/** Where a returning respondent picks up: the first shown question without an answer; null when none is left. */
export function resumeQuestion(definition: SurveyDefinition, answers: Answers): Question | null {
  return screenQuestions(definition, answers).find((question) => !isAnswered(answers[question.id])) ?? null;
}

/** The question shown after the page that asked `pageIds`; null when that page was the last. */
export function questionAfter(definition: SurveyDefinition, answers: Answers, pageIds: readonly string[]): Question | null {
  const order = definition.questions.map((question) => question.id);
  const last = Math.max(...pageIds.map((id) => order.indexOf(id)));
  return screenQuestions(definition, answers).find((question) => order.indexOf(question.id) > last) ?? null;
}

/**
 * The questions of the page that starts at `first`: the question itself and
 * the follow-ups right after it that depend on it and are shown with the
 * answers given (or preselected, for a one-click score).
 */
export function pageStartingAt(definition: SurveyDefinition, answers: Answers, first: Question): Question[] {
  const shown = screenQuestions(definition, answers);
  const start = shown.indexOf(first);
  if (start < 0) return [];
  const page = [first];
  for (const question of shown.slice(start + 1)) {
    if (!question.showIf || !referencedQuestionIds(question.showIf).includes(first.id)) break;
    page.push(question);
  }
  return page;
}

/** "Question `step` of `total`" for the page starting at `first`; total changes as answers open or close follow-ups. */
export function progressAt(definition: SurveyDefinition, answers: Answers, first: Question): { step: number; total: number } {
  const shown = screenQuestions(definition, answers);
  return { step: Math.max(1, shown.indexOf(first) + 1), total: shown.length };
}
