/** A survey with no questions yet: what "start from scratch" opens in the editor. */
import type { SurveyDefinition } from '../definition.ts';
import { DEFAULT_THANK_YOU } from './shared.ts';

/** Russian and English are always offered; `defaultLanguage` (the tenant's) comes first. */
export function blankSurveyDefinition(defaultLanguage: 'ru' | 'en'): SurveyDefinition {
  const other = defaultLanguage === 'ru' ? 'en' : 'ru';
  return { defaultLanguage, languages: [defaultLanguage, other], anonymous: false, questions: [], thankYou: { ...DEFAULT_THANK_YOU } };
}
