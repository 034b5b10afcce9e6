/**
 * fast-check generators of survey definitions whose rules point only at
 * earlier questions (with values that may be off the scale or name unknown
 * options), and of answers that may be valid, invalid or missing.
 */
import fc from 'fast-check';
import {
  operatorsFor,
  ruleValueKind,
  type Condition,
  type Question,
  type ShowIfRule,
  type SurveyDefinition,
} from '../../../src/domain/surveys/index.ts';
import { options, question, survey } from './factories.ts';

export const SMALL_TYPES = ['csat', 'fcr', 'single_choice', 'multiple_choice', 'open_text'] as const;
export const ALL_TYPES = [...SMALL_TYPES, 'nps', 'ces', 'rating'] as const;
type GeneratedType = (typeof ALL_TYPES)[number];

const conditionSeed = fc.record({
  target: fc.nat(),
  opPick: fc.nat(),
  score: fc.integer({ min: -2, max: 12 }),
  half: fc.boolean(),
  yes: fc.boolean(),
  optionPick: fc.nat(),
  secondOptionPick: fc.nat(),
});
type ConditionSeed = typeof conditionSeed extends fc.Arbitrary<infer T> ? T : never;

const ruleSeed = fc.record({ shape: fc.integer({ min: 0, max: 4 }), conditions: fc.array(conditionSeed, { minLength: 3, maxLength: 3 }) });
type RuleSeed = typeof ruleSeed extends fc.Arbitrary<infer T> ? T : never;

const OPTION_IDS = ['a', 'b', 'c'];
const OPTION_VALUES = [...OPTION_IDS, 'zz'];

function buildCondition(earlier: readonly Question[], seed: ConditionSeed): Condition {
  const target = earlier[seed.target % earlier.length]!;
  const ops = operatorsFor(target);
  const op = ops[seed.opPick % ops.length]!;
  const kind = ruleValueKind(target);
  const scalar = (pick: number) =>
    kind === 'score' ? seed.score + (seed.half ? 0.5 : 0) : kind === 'yes_no' ? seed.yes : OPTION_VALUES[pick % OPTION_VALUES.length]!;
  switch (op) {
    case 'lte':
    case 'gte':
      return { question: target.id, op, value: seed.score + (seed.half ? 0.5 : 0) };
    case 'eq':
    case 'neq':
      return { question: target.id, op, value: scalar(seed.optionPick) };
    case 'in':
      return { question: target.id, op, value: [scalar(seed.optionPick), kind === 'score' ? seed.score + 3 : scalar(seed.secondOptionPick)] as Array<number | string> };
    default:
      return { question: target.id, op };
  }
}

function buildRule(earlier: readonly Question[], seed: RuleSeed): ShowIfRule {
  const [a, b, c] = seed.conditions.map((condition) => ({ when: buildCondition(earlier, condition) }));
  switch (seed.shape) {
    case 0:
      return a!;
    case 1:
      return { all: [a!, b!] };
    case 2:
      return { any: [a!, b!] };
    case 3:
      return { when: a!.when, any: [b!, c!] };
    default:
      return { any: [{ all: [a!, b!] }, c!] };
  }
}

function buildQuestion(type: GeneratedType, id: string, required: boolean): Question {
  switch (type) {
    case 'single_choice':
    case 'multiple_choice':
      return question(type, id, { required, options: options(...OPTION_IDS) });
    case 'rating':
      return question(type, id, { required, min: 1, max: 4 });
    default:
      return question(type, id, { required });
  }
}

export function surveyArbitrary(types: readonly GeneratedType[] = ALL_TYPES, maxQuestions = 6): fc.Arbitrary<SurveyDefinition> {
  const seed = fc.record({ type: fc.constantFrom(...types), required: fc.boolean(), rule: fc.option(ruleSeed, { freq: 2 }) });
  return fc.array(seed, { minLength: 1, maxLength: maxQuestions }).map((seeds) => {
    const questions: Question[] = [];
    seeds.forEach((s, index) => {
      const built = buildQuestion(s.type, `q${index}`, s.required);
      if (s.rule && index > 0) built.showIf = buildRule(questions, s.rule);
      questions.push(built);
    });
    return survey(questions);
  });
}

/** Every answer a question of a small type can take, including "unanswered" (undefined). */
export function answerDomain(q: Question): unknown[] {
  switch (q.type) {
    case 'csat':
      return [undefined, 1, 2, 3, 4, 5];
    case 'fcr':
      return [undefined, true, false];
    case 'single_choice':
      return [undefined, ...OPTION_IDS];
    case 'multiple_choice':
      return [undefined, ['a'], ['b'], ['c'], ['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']];
    case 'open_text':
      return [undefined, 'text'];
    default:
      throw new Error(`no finite domain for ${q.type}`);
  }
}

/** Answers that may be right, wrong or missing for each question, plus a stray id now and then. */
export function answersArbitrary(definition: SurveyDefinition): fc.Arbitrary<Record<string, unknown>> {
  const anyValue = fc.oneof(
    fc.integer({ min: -1, max: 11 }),
    fc.boolean(),
    fc.constantFrom('a', 'b', 'zz', '', '  text  '),
    fc.subarray(['a', 'b', 'c', 'zz']),
    fc.constant(null),
    fc.constant({ recordingId: 'r', durationMs: 1_000 }),
  );
  const entries = definition.questions.map((q) => fc.option(anyValue, { freq: 4 }).map((value) => [q.id, value] as const));
  return fc.tuple(fc.tuple(...entries), fc.boolean()).map(([pairs, stray]) => {
    const answers: Record<string, unknown> = Object.fromEntries(pairs.filter(([, value]) => value !== null));
    if (stray) answers.stray = 1;
    return answers;
  });
}

/** The same JSON with object keys reversed at every level. */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reverseKeys(member)]));
  }
  return value;
}
