/**
 * Finds questions no respondent can ever see: their rule is false for every
 * possible set of earlier answers (`lte -1` on NPS, `in` of options that do
 * not exist, an `all` that contradicts itself, a rule on a question that is
 * itself never shown …).
 *
 * Exact, by search: each question the rule depends on (directly or through
 * that question's own rule) takes every value that can make a difference —
 * the scale ends and the points around each number the rules mention, each
 * mentioned option, "unanswered" — and the real evaluateRule decides; a
 * branch is abandoned as soon as the answers decided so far make the rule
 * false. Paths obey the survey: a hidden question is unanswered, a shown
 * required question is answered. Rules can encode any yes/no puzzle, so the
 * search has a budget; what it cannot finish is assumed reachable — better to
 * miss a warning than to refuse a valid survey.
 */
import type { AnswerValue } from '../answer.ts';
import type { SurveyDefinition } from '../definition.ts';
import { evaluateRule } from '../evaluateRule.ts';
import { problem, SURVEY_PROBLEM_CODES as CODES, type SurveyProblem } from '../problems.ts';
import type { Question } from '../question.ts';
import { forEachCondition, referencedQuestionIds, type Condition, type ShowIfRule } from '../rule.ts';
import { ruleValueKind } from '../ruleTargets.ts';
import { questionScale } from '../scales.ts';
import { evaluateRulePartially } from './partialEvaluation.ts';

/**
 * Condition evaluations for a whole survey, shared by its questions, so a
 * hostile definition costs well under a second; real surveys need hundreds.
 */
const SEARCH_BUDGET_EVALUATIONS = 500_000;
/** 2^10 subsets of mentioned options is still quick; beyond that, give up rather than stall. */
const MAX_MENTIONED_OPTIONS = 10;
const UNANSWERED = Symbol('unanswered');
type Candidate = AnswerValue | typeof UNANSWERED;

interface SearchContext {
  definition: SurveyDefinition;
  /** First index of each question id. */
  indexOf: ReadonlyMap<string, number>;
  unanalysable: ReadonlySet<number>;
  budget: { evaluations: number };
}

export function checkReachability(definition: SurveyDefinition, unanalysable: ReadonlySet<number>): SurveyProblem[] {
  const indexOf = new Map<string, number>();
  definition.questions.forEach((question, index) => {
    if (!indexOf.has(question.id)) indexOf.set(question.id, index);
  });
  const context: SearchContext = { definition, indexOf, unanalysable, budget: { evaluations: SEARCH_BUDGET_EVALUATIONS } };
  const problems: SurveyProblem[] = [];
  definition.questions.forEach((question, index) => {
    if (!question.showIf || unanalysable.has(index)) return;
    if (canBeShown(context, question.showIf) !== false) return;
    problems.push(
      problem(
        CODES.unreachableQuestion,
        ['questions', index, 'showIf'],
        `Question "${question.id}" can never be shown: no answers to the earlier questions satisfy its rule`,
        { questionId: question.id },
      ),
    );
  });
  return problems;
}

/** true or false when decided; null when the rule cannot be analysed or the budget ran out. */
function canBeShown(context: SearchContext, rule: ShowIfRule): boolean | null {
  const indexes = dependencyIndexes(context, rule);
  if (indexes === null || indexes.some((index) => context.unanalysable.has(index))) return null;
  const order = indexes.map((index) => context.definition.questions[index]!);
  const conditionsByQuestion = groupConditions([rule, ...order.flatMap((question) => (question.showIf ? [question.showIf] : []))]);
  const domains: Candidate[][] = [];
  for (const question of order) {
    const values = representativeAnswers(question, conditionsByQuestion.get(question.id) ?? []);
    if (values === null) return null;
    domains.push(values);
  }
  // Once the rule holds, the remaining questions can always be completed if each has some answer to give.
  const completable = new Array<boolean>(domains.length + 1).fill(true);
  for (let position = domains.length - 1; position >= 0; position -= 1) {
    completable[position] = completable[position + 1]! && domains[position]!.length > 0;
  }
  const ruleSize = conditionCount(rule);
  const stepCost = [...order.map((question) => ruleSize + conditionCount(question.showIf)), ruleSize];
  const decided = new Set<string>();
  const assignment: Record<string, AnswerValue> = {};
  const search = (position: number): boolean | null => {
    if ((context.budget.evaluations -= stepCost[position]!) < 0) return null;
    const verdict = evaluateRulePartially(rule, assignment, (id) => decided.has(id));
    if (verdict === false) return false;
    if (verdict === true && completable[position]) return true;
    if (position === order.length) return evaluateRule(rule, assignment);
    const question = order[position]!;
    const shown = !question.showIf || evaluateRule(question.showIf, assignment);
    const candidates: Candidate[] = !shown ? [UNANSWERED] : question.required ? domains[position]! : [UNANSWERED, ...domains[position]!];
    decided.add(question.id);
    for (const candidate of candidates) {
      if (candidate === UNANSWERED) delete assignment[question.id];
      else assignment[question.id] = candidate;
      const found = search(position + 1);
      if (found !== false) return found;
    }
    decided.delete(question.id);
    delete assignment[question.id];
    return false;
  };
  return search(0);
}

/** Indexes (ascending) of every question the rule depends on, through earlier rules too; null if one is missing. */
function dependencyIndexes(context: SearchContext, rule: ShowIfRule): number[] | null {
  const found = new Set<number>();
  const pending = [...referencedQuestionIds(rule)];
  while (pending.length > 0) {
    const index = context.indexOf.get(pending.pop()!);
    if (index === undefined) return null;
    if (found.has(index)) continue;
    found.add(index);
    const showIf = context.definition.questions[index]!.showIf;
    if (showIf) pending.push(...referencedQuestionIds(showIf));
  }
  return [...found].sort((a, b) => a - b);
}

function conditionCount(rule: ShowIfRule | undefined): number {
  let count = 0;
  if (rule) forEachCondition(rule, () => (count += 1));
  return count;
}

function groupConditions(rules: readonly ShowIfRule[]): Map<string, Condition[]> {
  const byQuestion = new Map<string, Condition[]>();
  for (const rule of rules) {
    forEachCondition(rule, (condition) => {
      const list = byQuestion.get(condition.question);
      if (list) list.push(condition);
      else byQuestion.set(condition.question, [condition]);
    });
  }
  return byQuestion;
}

const mentionedValues = (conditions: readonly Condition[]): unknown[] =>
  conditions.flatMap((condition) => (!('value' in condition) ? [] : Array.isArray(condition.value) ? condition.value : [condition.value]));

/** One answer per class of answers the conditions cannot tell apart; null when that set would be too large. */
function representativeAnswers(question: Question, conditions: readonly Condition[]): AnswerValue[] | null {
  switch (ruleValueKind(question)) {
    case 'score':
      return representativeScores(question, mentionedValues(conditions));
    case 'yes_no':
      return [true, false];
    case 'option':
      return representativeChoices(question, mentionedValues(conditions));
    case 'none':
      return question.type === 'voice_comment' ? [{ recordingId: 'representative', durationMs: 1_000 }] : ['representative'];
  }
}

/**
 * Truth of `lte v`, `gte v`, `eq v` changes only between floor(v) and ceil(v)
 * and at v itself, so the scale ends plus the neighbours of each mentioned
 * number cover every distinguishable class.
 */
function representativeScores(question: Question, mentioned: readonly unknown[]): number[] | null {
  const scale = questionScale(question);
  if (!scale || scale.min >= scale.max) return null;
  const points = new Set([scale.min, scale.max]);
  for (const value of mentioned) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    for (const point of [Math.floor(value) - 1, Math.floor(value), Math.ceil(value), Math.ceil(value) + 1]) {
      if (point >= scale.min && point <= scale.max) points.add(point);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/** Conditions only ask whether a mentioned option is chosen, so one unmentioned option stands for all the others. */
function representativeChoices(question: Question, mentioned: readonly unknown[]): AnswerValue[] | null {
  if (!('options' in question)) return null;
  const ids = question.options.map((option) => option.id);
  const named = [...new Set(ids.filter((id) => mentioned.includes(id)))];
  const other = ids.find((id) => !named.includes(id));
  if (question.type === 'single_choice') return other === undefined ? named : [...named, other];
  if (named.length > MAX_MENTIONED_OPTIONS) return null;
  const selections: string[][] = [];
  for (let mask = 1; mask < 1 << named.length; mask += 1) {
    selections.push(named.filter((_, bit) => (mask & (1 << bit)) !== 0));
  }
  return other === undefined ? selections : [...selections, [other]];
}
