/**
 * Checks of each show-if condition against the question it looks at: the
 * question exists, comes earlier (answers flow forward; a rule on the same or
 * a later question is a loop), the operator suits its type, and the compared
 * values are of the right kind and name real options.
 */
import type { SurveyDefinition } from '../definition.ts';
import { problem, SURVEY_PROBLEM_CODES as CODES, type ProblemPath, type SurveyProblem } from '../problems.ts';
import type { Question } from '../question.ts';
import { forEachCondition, type Condition } from '../rule.ts';
import { operatorsFor, ruleValueKind, valueFitsKind } from '../ruleTargets.ts';

export interface RuleCheck {
  problems: SurveyProblem[];
  /**
   * Indexes of questions whose rule cannot be reasoned about (it names a
   * missing, later or ill-typed question); reachability skips them, since the
   * problem already reported says more than "unreachable" would.
   */
  unanalysable: Set<number>;
}

export function checkRules(definition: SurveyDefinition): RuleCheck {
  const firstIndexOf = new Map<string, number>();
  definition.questions.forEach((question, index) => {
    if (!firstIndexOf.has(question.id)) firstIndexOf.set(question.id, index);
  });
  const problems: SurveyProblem[] = [];
  const unanalysable = new Set<number>();
  definition.questions.forEach((question, index) => {
    if (!question.showIf) return;
    forEachCondition(question.showIf, (condition, rulePath) => {
      const path = ['questions', index, 'showIf', ...rulePath];
      const targetIndex = firstIndexOf.get(condition.question);
      const target = targetIndex === undefined ? undefined : definition.questions[targetIndex];
      const found = checkCondition(question, index, condition, path, target, targetIndex);
      problems.push(...found);
      if (found.some((p) => p.code !== CODES.ruleUnknownOption)) unanalysable.add(index);
    });
  });
  return { problems, unanalysable };
}

function checkCondition(
  question: Question,
  index: number,
  condition: Condition,
  path: ProblemPath,
  target: Question | undefined,
  targetIndex: number | undefined,
): SurveyProblem[] {
  const details = { questionId: question.id, referencedQuestionId: condition.question };
  if (target === undefined || targetIndex === undefined) {
    return [problem(CODES.ruleUnknownQuestion, [...path, 'question'], `The rule of question "${question.id}" refers to "${condition.question}", which is not in the survey`, details)];
  }
  if (targetIndex >= index) {
    const where = targetIndex === index ? 'itself' : `"${condition.question}", which comes later`;
    return [
      problem(CODES.ruleLoop, [...path, 'question'], `The rule of question "${question.id}" depends on ${where}; answers flow forward, so this is a loop`, details),
    ];
  }
  if (!operatorsFor(target).includes(condition.op)) {
    return [
      problem(CODES.ruleOperatorMismatch, [...path, 'op'], `Operator "${condition.op}" does not apply to ${target.type} question "${target.id}"`, {
        ...details,
        op: condition.op,
        type: target.type,
      }),
    ];
  }
  if (!('value' in condition)) return [];
  const kind = ruleValueKind(target);
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const valuePath = (at: number): ProblemPath => (Array.isArray(condition.value) ? [...path, 'value', at] : [...path, 'value']);
  const problems: SurveyProblem[] = [];
  values.forEach((value, at) => {
    if (!valueFitsKind(value, kind)) {
      problems.push(
        problem(CODES.ruleValueMismatch, valuePath(at), `${JSON.stringify(value)} cannot be compared with answers to ${target.type} question "${target.id}"`, {
          ...details,
          value,
          type: target.type,
        }),
      );
    } else if ('options' in target && !target.options.some((option) => option.id === value)) {
      problems.push(
        problem(CODES.ruleUnknownOption, valuePath(at), `Question "${target.id}" has no option "${String(value)}"`, { ...details, optionId: value }),
      );
    }
  });
  return problems;
}
