// A survey problem in the interface language: what is wrong (by its stable code) and where.
import { SURVEY_PROBLEM_CODES, type SurveyDefinition, type SurveyProblem } from '../../../../../src/domain/surveys/index.ts';
import type { MessageKey, Translate } from '../../../i18n/index.tsx';
import { questionName } from './questionName.ts';

const FIELD_KEYS: Record<string, MessageKey> = {
  text: 'editor.text',
  label: 'editor.label',
  options: 'editor.options',
  scaleLabels: 'editor.scaleLabelsShort',
  showIf: 'editor.showIf',
  metricKey: 'editor.metricKey',
  id: 'editor.questionId',
  type: 'editor.type',
  min: 'editor.min',
  max: 'editor.max',
};

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(SURVEY_PROBLEM_CODES));

export function problemMessage(problem: SurveyProblem, t: Translate): string {
  const details = problem.details ?? {};
  const params = {
    language: String(details.language ?? problem.path[problem.path.length - 1] ?? '').toUpperCase(),
    metricKey: String(details.metricKey ?? ''),
  };
  // An unknown code (from a newer server) shows the server's own words.
  if (!KNOWN_CODES.has(problem.code)) return problem.message;
  return t(`problem.${problem.code.replace(/^survey\./, '')}` as MessageKey, params);
}

/** "Question 2 «What to improve» · Text (RU)", "Thank-you text", "Languages" … */
export function problemPlace(problem: SurveyProblem, definition: SurveyDefinition, t: Translate, lang: string): string {
  const [head, index, field] = problem.path;
  if (head === 'questions' && typeof index === 'number') {
    const question = definition.questions[index];
    const name = question ? questionName(question, lang, definition.defaultLanguage) : '';
    const where = t('problem.place.question', { n: index + 1, name });
    const fieldKey = typeof field === 'string' ? FIELD_KEYS[field] : undefined;
    return fieldKey ? `${where} · ${t(fieldKey)}` : where;
  }
  if (head === 'thankYou') return t('editor.thankYou');
  if (head === 'languages' || head === 'defaultLanguage') return t('editor.languages');
  return problem.path.join('.');
}

/** The question a problem is about, for a link to its card. */
export const problemQuestionIndex = (problem: SurveyProblem): number | null =>
  problem.path[0] === 'questions' && typeof problem.path[1] === 'number' ? problem.path[1] : null;
