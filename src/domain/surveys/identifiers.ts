/**
 * The names a survey definition uses for its parts. They are stable across
 * versions (answers, reports and rules refer to them), so they are slugs a
 * person can read and type, not generated ids.
 */
import { z } from 'zod';

/** A question or option id: `nps`, `low_score_reason`, `not-at-all`. */
export const SLUG_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

export const QuestionId = z
  .string()
  .regex(SLUG_PATTERN, 'Use a lowercase slug: a letter, then letters, digits, "_" or "-" (at most 64)');
export type QuestionId = z.infer<typeof QuestionId>;

export const OptionId = QuestionId;
export type OptionId = z.infer<typeof OptionId>;

/**
 * What a question measures in reports: `nps`, `csat`, `cli.recommend`, or a
 * tenant's own key. Known keys are checked against the question type in
 * checks/metricKeys.ts.
 */
export const METRIC_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}(\.[a-z0-9_]{1,40})?$/;

export const MetricKey = z
  .string()
  .regex(METRIC_KEY_PATTERN, 'Use a metric key like "nps", "csat" or "cli.recommend"');
export type MetricKey = z.infer<typeof MetricKey>;
