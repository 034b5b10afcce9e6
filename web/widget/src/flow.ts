/**
 * Which question comes next, by the same rules as the server: the domain's
 * show-if evaluation, bundled into the script (a few hundred bytes). The
 * public API gives each question's rule as in the survey definition.
 */
import type { SurveyDefinition } from '../../../src/domain/surveys/definition.ts';
import { isAskableOnScreen } from '../../../src/domain/surveys/respondentFlow.ts';
import { nextQuestion } from '../../../src/domain/surveys/visibility.ts';
import type { PublicQuestion, Value } from './api.ts';

/** The question after `currentId` (the first one for null) that a screen can ask; null at the end. */
export function nextOnScreen(questions: PublicQuestion[], answers: Record<string, Value>, currentId: string | null): PublicQuestion | null {
  // The rules only read ids, types and show-if rules, which the public view keeps as they are.
  const definition = { questions } as unknown as SurveyDefinition;
  let next = nextQuestion(definition, answers, currentId);
  while (next && !isAskableOnScreen(next)) next = nextQuestion(definition, answers, next.id);
  return next as unknown as PublicQuestion | null;
}

/** Where to start: the server's resume point (first unanswered question shown), else the first question. */
export function startQuestion(questions: PublicQuestion[], answers: Record<string, Value>, serverNext: string | null): PublicQuestion | null {
  return questions.find((q) => q.id === serverNext) ?? (serverNext === null && Object.keys(answers).length > 0 ? null : nextOnScreen(questions, answers, null));
}
