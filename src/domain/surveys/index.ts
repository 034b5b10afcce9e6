/**
 * The survey domain: definitions and their schema, show-if rules, validation
 * of definitions and of answers, paths for the design screen, templates,
 * versioning helpers and answer dimensions. Pure: no I/O.
 */
export { DomainError } from '../errors.ts';
export { SURVEY_ERROR_CODES } from './errors.ts';

export { SLUG_PATTERN, METRIC_KEY_PATTERN, QuestionId, OptionId, MetricKey } from './identifiers.ts';
export { LanguageCode, LocalizedText, LOCALIZED_TEXT_MAX_LENGTH, hasTranslation, localize } from './localizedText.ts';
export {
  RULE_OPERATORS,
  RULE_MAX_DEPTH,
  Condition,
  ConditionValue,
  ShowIfRule,
  ShowIf,
  lowScoreFollowUp,
  readLowScoreFollowUp,
  forEachCondition,
  referencedQuestionIds,
  type RuleOperator,
  type RulePath,
} from './rule.ts';
export {
  QUESTION_TYPES,
  TEXT_ANSWER_MAX_LENGTH,
  DEFAULT_VOICE_MAX_DURATION_SECONDS,
  Question,
  ScaleLabel,
  ChoiceOption,
  isScaleQuestion,
  isChoiceQuestion,
  type QuestionType,
  type QuestionOfType,
  type ScaleQuestion,
  type ChoiceQuestion,
} from './question.ts';
export { SurveyDefinition } from './definition.ts';
export { FIXED_SCALES, NPS_DETRACTOR_MAX_SCORE, questionScale } from './scales.ts';
export { operatorsFor, ruleValueKind, type RuleValueKind } from './ruleTargets.ts';

export { VoiceRecording, isAnswered, type AnswerValue, type Answers } from './answer.ts';
export { evaluateRule, evaluateCondition } from './evaluateRule.ts';
export { visibleQuestions, effectiveAnswers, nextQuestion, resolveVisibility, type Visibility } from './visibility.ts';

export {
  SURVEY_PROBLEM_CODES,
  type SurveyProblem,
  type SurveyProblemCode,
  type SurveyValidation,
  type ProblemPath,
} from './problems.ts';
export { validateSurvey, assertValidSurvey } from './validateSurvey.ts';
export { STANDARD_METRIC_KEYS, CLI_METRIC_KEY_PREFIX, metricKeyExpectation } from './checks/metricKeys.ts';

export { ANSWER_PROBLEM_CODES, type AnswerProblemCode } from './answerChecks.ts';
export { validateAnswers, type AnswerProblem, type AnswerValidation, type AnswerValidationOptions } from './validateAnswers.ts';

export { SUMMARY_LANGUAGES, describeRule, summarizeRule, type RuleSummary, type SummaryLanguage } from './describeRule.ts';
export { surveyPaths, type QuestionPath, type SurveyPaths } from './paths.ts';

export { canonicalJson, fnv1a64, surveyFingerprint } from './fingerprint.ts';
export { diffSurveys, questionsWithChangedWording, WORDING_CHANGE_KINDS, type SurveyChange, type SurveyChangeKind } from './diffSurveys.ts';

export {
  DIMENSIONS,
  DIMENSION_KEY_PATTERN,
  DIMENSION_PROBLEM_CODES,
  ATTRIBUTES_MAX,
  DIMENSION_VALUE_MAX_LENGTH,
  DimensionKey,
  AnswerAttributes,
  isBuiltInDimension,
  isValidDimensionKey,
  customDimensionKeyProblem,
  type BuiltInDimension,
} from './dimensions.ts';

export { surveyTemplates, findSurveyTemplate, templateDefinition, type SurveyTemplate } from './templates/index.ts';
export { blankSurveyDefinition } from './templates/blank.ts';
