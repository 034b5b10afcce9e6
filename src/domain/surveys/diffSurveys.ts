/**
 * What changed between two versions of a survey, question by question (matched
 * by id), so a report can say "wording changed in v3" instead of silently
 * comparing answers to different questions.
 */
import type { Scale } from '../metrics/index.ts';
import type { SurveyDefinition } from './definition.ts';
import { canonicalJson } from './fingerprint.ts';
import type { LocalizedText } from './localizedText.ts';
import type { ChoiceOption, Question, QuestionType } from './question.ts';
import { questionScale } from './scales.ts';

interface TextChange {
  language: string;
  before: string | null;
  after: string | null;
}

export type SurveyChange =
  | { kind: 'question_added' | 'question_removed'; questionId: string }
  | { kind: 'questions_reordered'; before: string[]; after: string[] }
  | { kind: 'question_type_changed'; questionId: string; before: QuestionType; after: QuestionType }
  | ({ kind: 'text_changed' | 'label_changed'; questionId: string } & TextChange)
  | { kind: 'option_added' | 'option_removed'; questionId: string; optionId: string }
  | ({ kind: 'option_label_changed'; questionId: string; optionId: string } & TextChange)
  | { kind: 'options_reordered' | 'scale_labels_changed' | 'rule_changed' | 'limits_changed'; questionId: string }
  | { kind: 'scale_changed'; questionId: string; before: Scale; after: Scale }
  | { kind: 'required_changed'; questionId: string; before: boolean; after: boolean }
  | { kind: 'metric_key_changed'; questionId: string; before: string | null; after: string | null }
  | { kind: 'survey_setting_changed'; setting: 'defaultLanguage' | 'languages' | 'anonymous' }
  | ({ kind: 'thank_you_changed' } & TextChange);

export type SurveyChangeKind = SurveyChange['kind'];

/** Changes to what a respondent reads or can answer: answers across them are not like for like. */
export const WORDING_CHANGE_KINDS: ReadonlySet<SurveyChangeKind> = new Set([
  'question_type_changed',
  'text_changed',
  'option_added',
  'option_removed',
  'option_label_changed',
  'scale_changed',
  'scale_labels_changed',
]);

export function questionsWithChangedWording(changes: readonly SurveyChange[]): string[] {
  const ids = changes.flatMap((change) => (WORDING_CHANGE_KINDS.has(change.kind) && 'questionId' in change ? [change.questionId] : []));
  return [...new Set(ids)];
}

export function diffSurveys(before: SurveyDefinition, after: SurveyDefinition): SurveyChange[] {
  const changes: SurveyChange[] = [];
  for (const setting of ['defaultLanguage', 'languages', 'anonymous'] as const) {
    if (canonicalJson(before[setting]) !== canonicalJson(after[setting])) changes.push({ kind: 'survey_setting_changed', setting });
  }
  const afterById = new Map(after.questions.map((question) => [question.id, question]));
  const beforeById = new Map(before.questions.map((question) => [question.id, question]));
  for (const question of before.questions) {
    const next = afterById.get(question.id);
    if (next) changes.push(...diffQuestion(question, next));
    else changes.push({ kind: 'question_removed', questionId: question.id });
  }
  for (const question of after.questions) {
    if (!beforeById.has(question.id)) changes.push({ kind: 'question_added', questionId: question.id });
  }
  const keptBefore = before.questions.map((q) => q.id).filter((id) => afterById.has(id));
  const keptAfter = after.questions.map((q) => q.id).filter((id) => beforeById.has(id));
  if (keptBefore.join('\n') !== keptAfter.join('\n')) changes.push({ kind: 'questions_reordered', before: keptBefore, after: keptAfter });
  changes.push(...diffText(before.thankYou, after.thankYou).map((change) => ({ kind: 'thank_you_changed' as const, ...change })));
  return changes;
}

function diffQuestion(before: Question, after: Question): SurveyChange[] {
  const questionId = before.id;
  const changes: SurveyChange[] = [];
  if (before.type !== after.type) changes.push({ kind: 'question_type_changed', questionId, before: before.type, after: after.type });
  changes.push(...diffText(before.text, after.text).map((change) => ({ kind: 'text_changed' as const, questionId, ...change })));
  changes.push(...diffText(before.label, after.label).map((change) => ({ kind: 'label_changed' as const, questionId, ...change })));
  if ('options' in before && 'options' in after) changes.push(...diffOptions(questionId, before.options, after.options));
  const scaleBefore = questionScale(before);
  const scaleAfter = questionScale(after);
  if (scaleBefore && scaleAfter && (scaleBefore.min !== scaleAfter.min || scaleBefore.max !== scaleAfter.max)) {
    changes.push({ kind: 'scale_changed', questionId, before: scaleBefore, after: scaleAfter });
  }
  if (differs(before, after, 'scaleLabels')) changes.push({ kind: 'scale_labels_changed', questionId });
  if (differs(before, after, 'showIf')) changes.push({ kind: 'rule_changed', questionId });
  if (before.required !== after.required) changes.push({ kind: 'required_changed', questionId, before: before.required, after: after.required });
  if (before.metricKey !== after.metricKey) {
    changes.push({ kind: 'metric_key_changed', questionId, before: before.metricKey, after: after.metricKey });
  }
  if (differs(before, after, 'maxLength') || differs(before, after, 'maxDurationSeconds')) changes.push({ kind: 'limits_changed', questionId });
  return changes;
}

function diffOptions(questionId: string, before: readonly ChoiceOption[], after: readonly ChoiceOption[]): SurveyChange[] {
  const changes: SurveyChange[] = [];
  const afterById = new Map(after.map((option) => [option.id, option]));
  const beforeIds = new Set(before.map((option) => option.id));
  for (const option of before) {
    const next = afterById.get(option.id);
    if (!next) changes.push({ kind: 'option_removed', questionId, optionId: option.id });
    else {
      for (const change of diffText(option.label, next.label)) changes.push({ kind: 'option_label_changed', questionId, optionId: option.id, ...change });
    }
  }
  for (const option of after) if (!beforeIds.has(option.id)) changes.push({ kind: 'option_added', questionId, optionId: option.id });
  const keptBefore = before.map((o) => o.id).filter((id) => afterById.has(id));
  const keptAfter = after.map((o) => o.id).filter((id) => beforeIds.has(id));
  if (keptBefore.join('\n') !== keptAfter.join('\n')) changes.push({ kind: 'options_reordered', questionId });
  return changes;
}

/** Per language, in sorted order; a missing or blank translation reads as null. */
function diffText(before: LocalizedText, after: LocalizedText): TextChange[] {
  const read = (text: LocalizedText, language: string) =>
    Object.hasOwn(text, language) && text[language]!.trim() !== '' ? text[language]! : null;
  const languages = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return languages
    .map((language) => ({ language, before: read(before, language), after: read(after, language) }))
    .filter((change) => change.before !== change.after);
}

const differs = (before: Question, after: Question, field: string): boolean =>
  canonicalJson((before as Record<string, unknown>)[field]) !== canonicalJson((after as Record<string, unknown>)[field]);
