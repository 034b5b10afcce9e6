/**
 * A person's preferred language as a two-letter code, from what CRM exports
 * hold: "ru", "RU", "ru-RU", "rus", "Русский", "English". Only languages the
 * tenant offers surveys in are accepted: a code we cannot survey in is an
 * error the person should see, not a silent fallback.
 */
import { foldText } from './text.ts';

export const DEFAULT_LANGUAGES: readonly string[] = ['ru', 'en'];

/** Names and three-letter codes of languages our tenants' respondents speak; two-letter codes need no entry. */
const NAMES: Readonly<Record<string, string>> = {
  rus: 'ru', русский: 'ru', рус: 'ru', russian: 'ru', ру: 'ru',
  eng: 'en', английский: 'en', англ: 'en', english: 'en',
  kaz: 'kk', kazakh: 'kk', казахский: 'kk', қазақ: 'kk',
  ukr: 'uk', ukrainian: 'uk', украинский: 'uk',
  bel: 'be', belarusian: 'be', белорусский: 'be',
  uzb: 'uz', uzbek: 'uz', узбекский: 'uz',
  tat: 'tt', tatar: 'tt', татарский: 'tt',
  deu: 'de', ger: 'de', german: 'de', немецкий: 'de',
  fra: 'fr', fre: 'fr', french: 'fr', французский: 'fr',
};

/** The code, or null when the text names no language in `allowed`. Empty text is the caller's business. */
export function normalizeLanguage(text: string, allowed: readonly string[] = DEFAULT_LANGUAGES): string | null {
  const folded = foldText(text);
  // "ru-RU", "ru_RU", "en-GB": the language is the first subtag.
  const primary = /^([a-z]{2,3})(?: [a-z]{2,4})?$/.exec(folded)?.[1] ?? folded;
  const code = NAMES[primary] ?? primary;
  return allowed.includes(code) ? code : null;
}
