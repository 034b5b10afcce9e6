/** Builders for survey definitions in tests: valid by default, overridable per field. */
import type { ChoiceOption, LocalizedText, Question, QuestionOfType, QuestionType, SurveyDefinition } from '../../../src/domain/surveys/index.ts';

export const ruEn = (ru: string, en: string): LocalizedText => ({ ru, en });

const defaultsFor = (type: QuestionType): Record<string, unknown> => {
  switch (type) {
    case 'rating':
      return { min: 1, max: 5 };
    case 'single_choice':
    case 'multiple_choice':
      return { options: options('a', 'b', 'c') };
    default:
      return {};
  }
};

export function options(...ids: string[]): ChoiceOption[] {
  return ids.map((id) => ({ id, label: ruEn(`Вариант ${id}`, `Option ${id}`) }));
}

export function question<T extends QuestionType>(type: T, id: string, extra: Partial<QuestionOfType<T>> = {}): QuestionOfType<T> {
  return {
    id,
    type,
    text: ruEn(`Вопрос ${id}?`, `Question ${id}?`),
    label: ruEn(`Метка ${id}`, `Label ${id}`),
    metricKey: null,
    required: false,
    ...defaultsFor(type),
    ...extra,
  } as QuestionOfType<T>;
}

export function survey(questions: Question[], extra: Partial<SurveyDefinition> = {}): SurveyDefinition {
  return {
    defaultLanguage: 'ru',
    languages: ['ru', 'en'],
    anonymous: false,
    questions,
    thankYou: ruEn('Спасибо!', 'Thank you!'),
    ...extra,
  };
}

/** An NPS question followed by a low-score reason: the most common shape. */
export function npsWithReason(threshold = 6): SurveyDefinition {
  return survey([
    question('nps', 'nps', { metricKey: 'nps', required: true, label: ruEn('NPS', 'NPS') }),
    question('open_text', 'reason', { showIf: { when: { question: 'nps', op: 'lte', value: threshold } } }),
  ]);
}
