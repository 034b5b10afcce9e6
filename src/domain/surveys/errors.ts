/**
 * Codes of the DomainErrors this module throws. Content problems are returned
 * as lists (see problems.ts and validateAnswers.ts), never thrown; these are
 * for callers that need a definition or a question to exist before going on.
 */
export const SURVEY_ERROR_CODES = {
  /** The definition has problems; `details.problems` lists them. */
  invalidDefinition: 'survey.invalid_definition',
  /** A question id that is not in the definition. */
  unknownQuestion: 'survey.unknown_question',
  unknownTemplate: 'survey.unknown_template',
} as const;
