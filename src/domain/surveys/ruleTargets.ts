/**
 * What a rule may ask of each question type: which operators make sense and
 * what kind of value they compare with. The editor uses this to offer only
 * sensible choices; validation uses it to refuse the rest.
 */
import type { Question } from './question.ts';
import type { RuleOperator } from './rule.ts';

export type RuleValueKind = 'score' | 'yes_no' | 'option' | 'none';

const PRESENCE: readonly RuleOperator[] = ['answered', 'not_answered'];

const OPERATORS_BY_KIND: Record<RuleValueKind, readonly RuleOperator[]> = {
  score: ['lte', 'gte', 'eq', 'neq', 'in', ...PRESENCE],
  yes_no: ['eq', 'neq', ...PRESENCE],
  option: ['eq', 'neq', 'in', ...PRESENCE],
  none: PRESENCE,
};

export function ruleValueKind(question: Question): RuleValueKind {
  switch (question.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
      return 'score';
    case 'fcr':
      return 'yes_no';
    case 'single_choice':
    case 'multiple_choice':
      return 'option';
    case 'open_text':
    case 'voice_comment':
      return 'none';
  }
}

export const operatorsFor = (question: Question): readonly RuleOperator[] => OPERATORS_BY_KIND[ruleValueKind(question)];

/** Whether a single compared value has the type the question's answers have. */
export function valueFitsKind(value: unknown, kind: RuleValueKind): boolean {
  switch (kind) {
    case 'score':
      return typeof value === 'number';
    case 'yes_no':
      return typeof value === 'boolean';
    case 'option':
      return typeof value === 'string';
    case 'none':
      return false;
  }
}
