/**
 * One question of a survey. The type fixes how it is answered and on what
 * scale; `metricKey` says which metric (if any) its answers feed in reports.
 */
import { z } from 'zod';
import { MetricKey, OptionId, QuestionId } from './identifiers.ts';
import { LocalizedText } from './localizedText.ts';
import { ShowIf } from './rule.ts';

export const QUESTION_TYPES = [
  'nps',
  'csat',
  'ces',
  'fcr',
  'rating',
  'single_choice',
  'multiple_choice',
  'open_text',
  'voice_comment',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Longest text answer, in characters (code points): about two pages, far beyond any real comment. */
export const TEXT_ANSWER_MAX_LENGTH = 5_000;
/** Longest voice answer when the question sets no limit. */
export const DEFAULT_VOICE_MAX_DURATION_SECONDS = 120;
const VOICE_MAX_DURATION_SECONDS_CEILING = 600;
/** Bounds for a generic rating scale; wide enough for a 0–100 slider. */
const RATING_BOUND = 1_000;
const OPTIONS_MAX = 100;

/** A caption for one point of a scale, e.g. 0 = "Not at all likely". */
export const ScaleLabel = z.strictObject({ value: z.int(), label: LocalizedText });
export type ScaleLabel = z.infer<typeof ScaleLabel>;

export const ChoiceOption = z.strictObject({ id: OptionId, label: LocalizedText });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const questionBase = {
  id: QuestionId,
  text: LocalizedText,
  /** Short name for reports and rule summaries ("NPS", "Low-score reason"). */
  label: LocalizedText,
  metricKey: MetricKey.nullable(),
  required: z.boolean(),
  showIf: ShowIf.optional(),
};

const scaleLabels = z.array(ScaleLabel).max(21).optional();

export const NpsQuestion = z.strictObject({ ...questionBase, type: z.literal('nps'), scaleLabels });
export const CsatQuestion = z.strictObject({ ...questionBase, type: z.literal('csat'), scaleLabels });
export const CesQuestion = z.strictObject({ ...questionBase, type: z.literal('ces'), scaleLabels });
export const FcrQuestion = z.strictObject({ ...questionBase, type: z.literal('fcr') });
export const RatingQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('rating'),
  min: z.int().min(-RATING_BOUND).max(RATING_BOUND),
  max: z.int().min(-RATING_BOUND).max(RATING_BOUND),
  scaleLabels,
});
export const SingleChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('single_choice'),
  options: z.array(ChoiceOption).max(OPTIONS_MAX),
});
export const MultipleChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('multiple_choice'),
  options: z.array(ChoiceOption).max(OPTIONS_MAX),
});
export const OpenTextQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('open_text'),
  /** Characters; defaults to TEXT_ANSWER_MAX_LENGTH, which is also the ceiling. */
  maxLength: z.int().min(1).max(TEXT_ANSWER_MAX_LENGTH).optional(),
});
export const VoiceCommentQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('voice_comment'),
  maxDurationSeconds: z.int().min(5).max(VOICE_MAX_DURATION_SECONDS_CEILING).optional(),
});

export const Question = z.discriminatedUnion('type', [
  NpsQuestion,
  CsatQuestion,
  CesQuestion,
  FcrQuestion,
  RatingQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  OpenTextQuestion,
  VoiceCommentQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>;
export type ScaleQuestion = QuestionOfType<'nps' | 'csat' | 'ces' | 'rating'>;
export type ChoiceQuestion = QuestionOfType<'single_choice' | 'multiple_choice'>;

export const isScaleQuestion = (q: Question): q is ScaleQuestion =>
  q.type === 'nps' || q.type === 'csat' || q.type === 'ces' || q.type === 'rating';

export const isChoiceQuestion = (q: Question): q is ChoiceQuestion =>
  q.type === 'single_choice' || q.type === 'multiple_choice';
