/**
 * Problems found in a survey definition. Each has a stable code (the HTTP
 * layer and the editor translate by code), a path into the definition in
 * zod's style (`['questions', 2, 'showIf', 'when', 'question']`) and an
 * English message for logs and API clients.
 */
export const SURVEY_PROBLEM_CODES = {
  /** The JSON does not have the shape of a definition (from the zod schema). */
  invalidShape: 'survey.invalid_shape',
  noQuestions: 'survey.no_questions',
  duplicateQuestionId: 'survey.duplicate_question_id',
  duplicateLanguage: 'survey.duplicate_language',
  defaultLanguageNotListed: 'survey.default_language_not_listed',
  missingTranslation: 'survey.missing_translation',
  duplicateOptionId: 'survey.duplicate_option_id',
  tooFewOptions: 'survey.too_few_options',
  invalidScale: 'survey.invalid_scale',
  invalidScaleLabel: 'survey.invalid_scale_label',
  metricKeyMismatch: 'survey.metric_key_mismatch',
  duplicateMetricKey: 'survey.duplicate_metric_key',
  /** A voice recording identifies its speaker, so anonymous surveys cannot ask for one. */
  voiceInAnonymousSurvey: 'survey.voice_in_anonymous_survey',
  ruleUnknownQuestion: 'survey.rule_unknown_question',
  /** A rule looks at its own question or a later one: answers flow forward, so that is a loop. */
  ruleLoop: 'survey.rule_loop',
  ruleOperatorMismatch: 'survey.rule_operator_mismatch',
  ruleValueMismatch: 'survey.rule_value_mismatch',
  ruleUnknownOption: 'survey.rule_unknown_option',
  /** No path of answers shows the question. */
  unreachableQuestion: 'survey.unreachable_question',
} as const;

export type SurveyProblemCode = (typeof SURVEY_PROBLEM_CODES)[keyof typeof SURVEY_PROBLEM_CODES];

export type ProblemPath = Array<string | number>;

export interface SurveyProblem {
  code: SurveyProblemCode;
  path: ProblemPath;
  message: string;
  /** Values a translated message needs (question id, language …). */
  details?: Record<string, unknown>;
}

export interface SurveyValidation {
  ok: boolean;
  problems: SurveyProblem[];
}

export function problem(
  code: SurveyProblemCode,
  path: ProblemPath,
  message: string,
  details?: Record<string, unknown>,
): SurveyProblem {
  return details === undefined ? { code, path, message } : { code, path, message, details };
}
