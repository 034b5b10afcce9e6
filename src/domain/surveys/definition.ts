/**
 * A survey definition: what is frozen into a version when a survey launches.
 * The schema checks shape only; whether the content makes sense (ids unique,
 * rules point backwards, translations complete …) is validateSurvey's job, so
 * a draft can be saved half-done and the problems listed to its author.
 */
import { z } from 'zod';
import { LanguageCode, LocalizedText } from './localizedText.ts';
import { Question } from './question.ts';

const QUESTIONS_MAX = 200;

export const SurveyDefinition = z.strictObject({
  /** The language shown when the respondent's is not among `languages`. */
  defaultLanguage: LanguageCode,
  /** Every text must be translated into each of these. */
  languages: z.array(LanguageCode).min(1).max(20),
  /** Answers store no contact, IP address or user agent (eNPS, complaint line). */
  anonymous: z.boolean(),
  questions: z.array(Question).max(QUESTIONS_MAX),
  thankYou: LocalizedText,
});
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;
