/**
 * Text a respondent or a report reader sees, per language. Any language code
 * may appear (`ru`, `en`, `kk`, `pt-BR`); which ones must be filled is decided
 * by the survey's `languages`, and a gap is a validation problem, not a parse
 * error, so a half-translated draft can still be saved.
 */
import { z } from 'zod';

/** A BCP 47-style tag with a lowercase primary subtag: `ru`, `en`, `kk`, `sr-Latn`, `pt-BR`. */
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as "ru", "en" or "kk"');
export type LanguageCode = z.infer<typeof LanguageCode>;

/** Long enough for a question read aloud by an IVR; anything longer is a script, not a question. */
export const LOCALIZED_TEXT_MAX_LENGTH = 2_000;

export const LocalizedText = z.record(LanguageCode, z.string().max(LOCALIZED_TEXT_MAX_LENGTH));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Blank text counts as missing: an empty field in the editor is not a translation. */
export function hasTranslation(text: LocalizedText | undefined, language: string): boolean {
  if (!text || !Object.hasOwn(text, language)) return false;
  return text[language]!.trim() !== '';
}

/** The text in `language`, else in `fallbackLanguage`, else null. */
export function localize(text: LocalizedText | undefined, language: string, fallbackLanguage: string): string | null {
  if (hasTranslation(text, language)) return text![language]!;
  if (hasTranslation(text, fallbackLanguage)) return text![fallbackLanguage]!;
  return null;
}
