// Helpers for the simple rule forms: which rule shape is being edited and sensible starting values.
import {
  NPS_DETRACTOR_MAX_SCORE,
  isScaleQuestion,
  operatorsFor,
  questionScale,
  readLowScoreFollowUp,
  ruleValueKind,
  type Condition,
  type Question,
  type RuleOperator,
  type ShowIfRule,
} from '../../../../../src/domain/surveys/index.ts';

export type RuleMode = 'always' | 'lowScore' | 'condition' | 'advanced';

export function modeOf(rule: ShowIfRule | undefined, earlier: readonly Question[]): RuleMode {
  if (!rule) return 'always';
  const low = readLowScoreFollowUp(rule);
  if (low && earlier.some((q) => q.id === low.scoreQuestionId && isScaleQuestion(q))) return 'lowScore';
  if (rule.when && !rule.all && !rule.any) return 'condition';
  return 'advanced';
}

/** The usual "low" end of a scale: detractors on NPS, the bottom half elsewhere. */
export function defaultThreshold(question: Question): number {
  if (question.type === 'nps') return NPS_DETRACTOR_MAX_SCORE;
  const scale = questionScale(question);
  return scale ? Math.floor((scale.min + scale.max) / 2) : 0;
}

/** A condition on `question` with `op`, keeping the old value when it still fits. */
export function conditionFor(question: Question, op: RuleOperator, previous?: Condition): Condition {
  const kind = ruleValueKind(question);
  const oldValue = previous && 'value' in previous ? previous.value : undefined;
  if (op === 'answered' || op === 'not_answered') return { question: question.id, op };
  if (kind === 'score') {
    const fallback = defaultThreshold(question);
    if (op === 'in') return { question: question.id, op, value: Array.isArray(oldValue) ? oldValue : [typeof oldValue === 'number' ? oldValue : fallback] };
    const value = typeof oldValue === 'number' ? oldValue : fallback;
    return op === 'lte' || op === 'gte' ? { question: question.id, op, value } : { question: question.id, op: op as 'eq' | 'neq', value };
  }
  if (kind === 'yes_no') return { question: question.id, op: op as 'eq' | 'neq', value: typeof oldValue === 'boolean' ? oldValue : false };
  const firstOption = 'options' in question ? (question.options[0]?.id ?? '') : '';
  if (op === 'in') return { question: question.id, op, value: Array.isArray(oldValue) ? oldValue : [firstOption] };
  return { question: question.id, op: op as 'eq' | 'neq', value: typeof oldValue === 'string' ? oldValue : firstOption };
}

export function firstCondition(earlier: readonly Question[]): Condition | null {
  const question = earlier[earlier.length - 1];
  if (!question) return null;
  return conditionFor(question, operatorsFor(question)[0]!);
}
