/**
 * Show-if rules: a question is shown only when its rule holds on the answers
 * given so far. Rules may only look at earlier questions (answers flow forward),
 * which checks/rules.ts enforces.
 *
 * A rule is `{ when?, all?, any? }`; every part present must hold:
 * `when` is one condition, `all` a list of rules that must all hold, `any` a
 * list of which at least one must hold. Nesting composes them.
 */
import { z } from 'zod';
import { QuestionId } from './identifiers.ts';

export const RULE_OPERATORS = ['lte', 'gte', 'eq', 'neq', 'in', 'answered', 'not_answered'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** A value a condition compares with: a score, yes/no (FCR) or an option id. */
export const ConditionValue = z.union([z.number(), z.boolean(), z.string()]);
export type ConditionValue = z.infer<typeof ConditionValue>;

const RULE_LIST_MAX = 20;

export const Condition = z.discriminatedUnion('op', [
  z.strictObject({ question: QuestionId, op: z.enum(['lte', 'gte']), value: z.number() }),
  z.strictObject({ question: QuestionId, op: z.enum(['eq', 'neq']), value: ConditionValue }),
  z.strictObject({
    question: QuestionId,
    op: z.literal('in'),
    value: z.array(z.union([z.number(), z.string()])).min(1).max(100),
  }),
  z.strictObject({ question: QuestionId, op: z.enum(['answered', 'not_answered']) }),
]);
export type Condition = z.infer<typeof Condition>;

export interface ShowIfRule {
  when?: Condition;
  all?: ShowIfRule[];
  any?: ShowIfRule[];
}

export const ShowIfRule: z.ZodType<ShowIfRule> = z.lazy(() =>
  z
    .strictObject({
      when: Condition.optional(),
      all: z.array(ShowIfRule).min(1).max(RULE_LIST_MAX).optional(),
      any: z.array(ShowIfRule).min(1).max(RULE_LIST_MAX).optional(),
    })
    .refine((rule) => rule.when !== undefined || rule.all !== undefined || rule.any !== undefined, {
      message: 'A rule needs "when", "all" or "any"',
    }),
);

/** Nesting deeper than this is never needed by a person and only risks the parser's stack. */
export const RULE_MAX_DEPTH = 6;

/**
 * The rule as a question carries it: depth is measured without recursion
 * before the recursive schema runs, so a hostile body cannot overflow the stack.
 */
export const ShowIf = z
  .unknown()
  .refine((value) => ruleDepthWithin(value, RULE_MAX_DEPTH), `Rules may nest at most ${RULE_MAX_DEPTH} levels deep`)
  .pipe(ShowIfRule);

function ruleDepthWithin(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > maxDepth) return false;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of ['all', 'any'] as const) {
      const children = (node as Record<string, unknown>)[key];
      if (Array.isArray(children)) children.forEach((child) => stack.push({ node: child, depth: depth + 1 }));
    }
  }
  return true;
}

/** "If the score is at or below `threshold`, ask this question": the rule for a low-score follow-up. */
export function lowScoreFollowUp(scoreQuestionId: string, threshold: number): ShowIfRule {
  return { when: { question: scoreQuestionId, op: 'lte', value: threshold } };
}

/**
 * The inverse of lowScoreFollowUp, so the editor can show a rule it made as a
 * simple "threshold" control; null for any other rule.
 */
export function readLowScoreFollowUp(rule: ShowIfRule | undefined): { scoreQuestionId: string; threshold: number } | null {
  if (!rule?.when || rule.all || rule.any || rule.when.op !== 'lte') return null;
  return { scoreQuestionId: rule.when.question, threshold: rule.when.value };
}

export type RulePath = Array<string | number>;

/** Visits every condition of a rule with its path inside the rule (e.g. `['all', 0, 'when']`). */
export function forEachCondition(rule: ShowIfRule, visit: (condition: Condition, path: RulePath) => void, path: RulePath = []): void {
  if (rule.when) visit(rule.when, [...path, 'when']);
  rule.all?.forEach((child, index) => forEachCondition(child, visit, [...path, 'all', index]));
  rule.any?.forEach((child, index) => forEachCondition(child, visit, [...path, 'any', index]));
}

/** Ids of the questions a rule looks at, each once, in first-mention order. */
export function referencedQuestionIds(rule: ShowIfRule): string[] {
  const ids = new Set<string>();
  forEachCondition(rule, (condition) => ids.add(condition.question));
  return [...ids];
}
