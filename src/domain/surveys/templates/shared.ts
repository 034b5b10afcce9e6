/** Pieces the templates share; the templates themselves are plain data. */
import type { LocalizedText } from '../localizedText.ts';
import type { ScaleLabel } from '../question.ts';

export const ruEn = (ru: string, en: string): LocalizedText => ({ ru, en });

/** Russian first: it is the language of most respondents; English is always offered alongside. */
export const ruEnLanguages = (): { defaultLanguage: string; languages: string[] } => ({ defaultLanguage: 'ru', languages: ['ru', 'en'] });

export const LIKELIHOOD_0_10_LABELS: ScaleLabel[] = [
  { value: 0, label: ruEn('Точно нет', 'Not at all likely') },
  { value: 10, label: ruEn('Точно да', 'Extremely likely') },
];

export const DEFAULT_THANK_YOU = ruEn('Спасибо за ответ! Он поможет нам работать лучше.', 'Thank you for your answer! It helps us do better.');
