import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { isScaleQuestion, type Question } from '../../domain/surveys/question.ts';
import { isAskableOnScreen } from '../../domain/surveys/respondentFlow.ts';

/** A posted HTML form: repeated names (checkboxes) become lists. */
export type FormBody = Record<string, string | string[]>;

export const FORM_BODY_LIMIT = 64 * 1024;

export function parseForm(text: string): FormBody {
  const body: FormBody = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = body[key];
    body[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return body;
}

export const field = (body: FormBody, key: string): string | undefined => {
  const value = body[key];
  return Array.isArray(value) ? value[0] : value;
};

/** The questions a posted page claims to have shown; null when any is not a question of this version (a stale or forged page). */
export function postedPage(definition: SurveyDefinition, body: FormBody): Question[] | null {
  const ids = (field(body, '_page') ?? '').split(',').filter(Boolean);
  const questions = ids.map((id) => definition.questions.find((q) => q.id === id));
  if (questions.length === 0 || questions.some((q) => !q || !isAskableOnScreen(q))) return null;
  return questions as Question[];
}

/**
 * The answers of a page as the domain reads them. A blank field means "no
 * answer" (null) and clears an earlier one; a value that is not what the
 * question takes is passed on as it is, so validation names the problem.
 */
export function pageAnswers(questions: readonly Question[], body: FormBody): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const given = body[`a_${question.id}`];
    const single = (Array.isArray(given) ? given[0] : given)?.trim() ?? '';
    if (question.type === 'multiple_choice') answers[question.id] = given === undefined ? [] : Array.isArray(given) ? given : [given];
    else if (question.type === 'open_text') answers[question.id] = single;
    else if (single === '') answers[question.id] = null;
    else if (isScaleQuestion(question)) answers[question.id] = /^-?\d{1,6}$/.test(single) ? Number(single) : single;
    else if (question.type === 'fcr') answers[question.id] = single === 'yes' ? true : single === 'no' ? false : single;
    else answers[question.id] = single;
  }
  return answers;
}
