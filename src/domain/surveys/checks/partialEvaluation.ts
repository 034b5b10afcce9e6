/**
 * A rule evaluated while only some answers are decided: true or false when the
 * decided answers settle it, null while it still depends on the others. Lets
 * the reachability search abandon a branch as soon as its rule is already
 * false, instead of enumerating every later answer first.
 */
import { evaluateCondition } from '../evaluateRule.ts';
import type { ShowIfRule } from '../rule.ts';

export function evaluateRulePartially(
  rule: ShowIfRule,
  answers: Readonly<Record<string, unknown>>,
  isDecided: (questionId: string) => boolean,
): boolean | null {
  // Kleene logic: a rule is false as soon as one part is false, true only when every part is.
  let open = false;
  if (rule.when) {
    if (!isDecided(rule.when.question)) open = true;
    else if (!evaluateCondition(rule.when, answers)) return false;
  }
  for (const child of rule.all ?? []) {
    const value = evaluateRulePartially(child, answers, isDecided);
    if (value === false) return false;
    if (value === null) open = true;
  }
  if (rule.any) {
    let anyOpen = false;
    let anyTrue = false;
    for (const child of rule.any) {
      const value = evaluateRulePartially(child, answers, isDecided);
      if (value === true) {
        anyTrue = true;
        break;
      }
      if (value === null) anyOpen = true;
    }
    if (!anyTrue && !anyOpen) return false;
    if (!anyTrue) open = true;
  }
  return open ? null : true;
}
