/**
 * Whether a show-if rule holds on a set of answers. The same function serves
 * the respondent page, the IVR and the reachability check, so what the design
 * screen promises is what respondents get.
 *
 * A comparison on an unanswered question is false — including `neq` — because
 * "not 10" should not show a question to someone who gave no score at all;
 * `not_answered` is there for that case. On a multiple-choice answer, `eq x`
 * means "x was selected", `neq x` "answered without x", `in [...]` "any of
 * these was selected".
 */
import { answerOf, isAnswered } from './answer.ts';
import type { Condition, ConditionValue, ShowIfRule } from './rule.ts';

export function evaluateRule(rule: ShowIfRule, answers: Readonly<Record<string, unknown>>): boolean {
  if (rule.when && !evaluateCondition(rule.when, answers)) return false;
  if (rule.all && !rule.all.every((child) => evaluateRule(child, answers))) return false;
  if (rule.any && !rule.any.some((child) => evaluateRule(child, answers))) return false;
  return true;
}

export function evaluateCondition(condition: Condition, answers: Readonly<Record<string, unknown>>): boolean {
  const answer = answerOf(answers, condition.question);
  const answered = isAnswered(answer);
  switch (condition.op) {
    case 'answered':
      return answered;
    case 'not_answered':
      return !answered;
    case 'lte':
      return answered && typeof answer === 'number' && answer <= condition.value;
    case 'gte':
      return answered && typeof answer === 'number' && answer >= condition.value;
    case 'eq':
      return answered && matches(answer, condition.value);
    case 'neq':
      return answered && !matches(answer, condition.value);
    case 'in':
      return answered && condition.value.some((value) => matches(answer, value));
  }
}

function matches(answer: unknown, value: ConditionValue): boolean {
  if (Array.isArray(answer)) return answer.includes(value);
  return answer === value;
}
