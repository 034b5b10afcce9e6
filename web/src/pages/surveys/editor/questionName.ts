import { localize, type Question } from '../../../../../src/domain/surveys/index.ts';

/** How the editor names a question in lists: its report label, else its id. */
export const questionName = (question: Question, language: string, fallback: string): string =>
  localize(question.label, language, fallback) ?? question.id;
