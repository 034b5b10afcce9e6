import { describe, expect, it } from 'vitest';
import { SURVEY_PROBLEM_CODES as CODES, validateSurvey, type Condition, type Question, type ShowIfRule } from '../../../src/domain/surveys/index.ts';
import { options, question, survey } from './factories.ts';

const codesOf = (questions: Question[]) => validateSurvey(survey(questions)).problems.map((p) => p.code);
const onlyProblem = (questions: Question[]) => {
  const { problems } = validateSurvey(survey(questions));
  expect(problems).toHaveLength(1);
  return problems[0]!;
};
const when = (condition: Condition): ShowIfRule => ({ when: condition });

const sources = (): Question[] => [
  question('nps', 'nps', { required: true }),
  question('fcr', 'fcr'),
  question('single_choice', 'why', { options: options('price', 'staff', 'speed') }),
  question('multiple_choice', 'topics', { options: options('price', 'staff', 'speed') }),
  question('open_text', 'comment'),
];
const followUp = (showIf: ShowIfRule) => question('open_text', 'follow_up', { showIf });

describe('rule references', () => {
  it('refuses a reference to a question that does not exist', () => {
    const p = onlyProblem([...sources(), followUp(when({ question: 'nope', op: 'answered' }))]);
    expect(p).toMatchObject({ code: CODES.ruleUnknownQuestion, path: ['questions', 5, 'showIf', 'when', 'question'] });
  });

  it('refuses a reference to a later question as a loop', () => {
    const p = onlyProblem([followUp(when({ question: 'nps', op: 'lte', value: 6 })), question('nps', 'nps')]);
    expect(p).toMatchObject({ code: CODES.ruleLoop, path: ['questions', 0, 'showIf', 'when', 'question'] });
    expect(p.message).toMatch(/loop/);
  });

  it('refuses a rule on the question itself as a loop', () => {
    const p = onlyProblem([question('open_text', 'q', { showIf: when({ question: 'q', op: 'not_answered' }) })]);
    expect(p).toMatchObject({ code: CODES.ruleLoop, details: { questionId: 'q', referencedQuestionId: 'q' } });
  });

  it('finds references nested in all / any, with their path', () => {
    const rule: ShowIfRule = { all: [when({ question: 'nps', op: 'lte', value: 6 }), { any: [when({ question: 'later', op: 'answered' })] }] };
    const p = onlyProblem([question('nps', 'nps'), followUp(rule), question('open_text', 'later')]);
    expect(p).toMatchObject({ code: CODES.ruleLoop, path: ['questions', 1, 'showIf', 'all', 1, 'any', 0, 'when', 'question'] });
  });
});

describe('operators and values', () => {
  it.each([
    ['lte on a yes/no question', { question: 'fcr', op: 'lte', value: 1 }],
    ['gte on a choice', { question: 'why', op: 'gte', value: 1 }],
    ['in on a yes/no question', { question: 'fcr', op: 'in', value: [1] }],
    ['eq on open text', { question: 'comment', op: 'eq', value: 'x' }],
  ] as Array<[string, Condition]>)('refuses %s', (_, condition) => {
    expect(onlyProblem([...sources(), followUp(when(condition))])).toMatchObject({ code: CODES.ruleOperatorMismatch, path: ['questions', 5, 'showIf', 'when', 'op'] });
  });

  it.each([
    ['a string on a score', { question: 'nps', op: 'eq', value: '6' }, ['value']],
    ['a number on yes/no', { question: 'fcr', op: 'eq', value: 1 }, ['value']],
    ['a number among option ids', { question: 'why', op: 'in', value: ['price', 2] }, ['value', 1]],
  ] as Array<[string, Condition, Array<string | number>]>)('refuses %s', (_, condition, valuePath) => {
    expect(onlyProblem([...sources(), followUp(when(condition))])).toMatchObject({
      code: CODES.ruleValueMismatch,
      path: ['questions', 5, 'showIf', 'when', ...valuePath],
    });
  });

  it('accepts answered / not_answered on every type', () => {
    for (const target of ['nps', 'fcr', 'why', 'topics', 'comment']) {
      expect(codesOf([...sources(), followUp(when({ question: target, op: 'answered' }))])).toEqual([]);
    }
  });

  it('refuses an option id the question does not have, each at its own path', () => {
    const problems = validateSurvey(survey([...sources(), followUp(when({ question: 'why', op: 'in', value: ['price', 'prise'] }))])).problems;
    expect(problems).toEqual([expect.objectContaining({ code: CODES.ruleUnknownOption, path: ['questions', 5, 'showIf', 'when', 'value', 1] })]);
  });
});

describe('unreachable questions', () => {
  const unreachable = (rule: ShowIfRule, before: Question[] = sources()) =>
    validateSurvey(survey([...before, followUp(rule)])).problems.filter((p) => p.code === CODES.unreachableQuestion);

  it.each([
    ['lte -1 on NPS', when({ question: 'nps', op: 'lte', value: -1 })],
    ['gte 11 on NPS', when({ question: 'nps', op: 'gte', value: 11 })],
    ['eq 11 on NPS', when({ question: 'nps', op: 'eq', value: 11 })],
    ['eq 6.5 on NPS', when({ question: 'nps', op: 'eq', value: 6.5 })],
    ['in of scores off the scale', when({ question: 'nps', op: 'in', value: [11, 12] })],
    ['a contradictory all', { all: [when({ question: 'nps', op: 'lte', value: 6 }), when({ question: 'nps', op: 'gte', value: 9 })] }],
    ['both yes and no', { all: [when({ question: 'fcr', op: 'eq', value: true }), when({ question: 'fcr', op: 'eq', value: false })] }],
    ['an any whose every branch is impossible', { any: [when({ question: 'nps', op: 'gte', value: 20 }), when({ question: 'nps', op: 'lte', value: -5 })] }],
    ['not answered on a required question shown to everyone', when({ question: 'nps', op: 'not_answered' })],
    ['one choice equal to two options', { all: [when({ question: 'why', op: 'eq', value: 'price' }), when({ question: 'why', op: 'eq', value: 'staff' })] }],
    ['answered and not answered at once', { all: [when({ question: 'comment', op: 'answered' }), when({ question: 'comment', op: 'not_answered' })] }],
  ])('flags %s', (_, rule) => {
    expect(unreachable(rule)).toEqual([expect.objectContaining({ path: ['questions', 5, 'showIf'], details: { questionId: 'follow_up' } })]);
  });

  it('flags `in` of options that do not exist, besides naming each unknown option', () => {
    const codes = codesOf([...sources(), followUp(when({ question: 'why', op: 'in', value: ['cost', 'rude'] }))]);
    expect(codes).toEqual([CODES.ruleUnknownOption, CODES.ruleUnknownOption, CODES.unreachableQuestion]);
  });

  it('flags a question that depends on a question nobody sees', () => {
    const before = [...sources(), question('open_text', 'never', { showIf: when({ question: 'nps', op: 'gte', value: 11 }) })];
    const problems = validateSurvey(survey([...before, question('open_text', 'after', { showIf: when({ question: 'never', op: 'answered' }) })])).problems;
    expect(problems.map((p) => p.details?.questionId)).toEqual(['never', 'after']);
  });

  it('follows the path: a reason asked only of detractors cannot be there for promoters', () => {
    const before = [...sources(), question('open_text', 'reason', { showIf: when({ question: 'nps', op: 'lte', value: 6 }) })];
    const rule: ShowIfRule = { all: [when({ question: 'reason', op: 'answered' }), when({ question: 'nps', op: 'gte', value: 9 })] };
    expect(unreachable(rule, before)).toHaveLength(1);
    expect(unreachable({ all: [when({ question: 'reason', op: 'answered' }), when({ question: 'nps', op: 'lte', value: 3 })] }, before)).toEqual([]);
  });

  it.each([
    ['lte 6', when({ question: 'nps', op: 'lte', value: 6 })],
    ['gte 0 (always, once answered)', when({ question: 'nps', op: 'gte', value: 0 })],
    ['lte 6.5', when({ question: 'nps', op: 'lte', value: 6.5 })],
    ['neq 11', when({ question: 'nps', op: 'neq', value: 11 })],
    ['not answered on an optional question', when({ question: 'fcr', op: 'not_answered' })],
    ['two options chosen together in a multiple choice', { all: [when({ question: 'topics', op: 'eq', value: 'price' }), when({ question: 'topics', op: 'eq', value: 'staff' })] }],
    ['answered without any named option', when({ question: 'topics', op: 'neq', value: 'price' })],
    ['an any with one possible branch', { any: [when({ question: 'nps', op: 'gte', value: 20 }), when({ question: 'fcr', op: 'eq', value: false })] }],
  ])('does not flag %s', (_, rule) => {
    expect(unreachable(rule)).toEqual([]);
  });

  it('does not pile "unreachable" on top of a broken reference', () => {
    expect(codesOf([...sources(), followUp(when({ question: 'nps', op: 'eq', value: 'high' }))])).toEqual([CODES.ruleValueMismatch]);
    expect(codesOf([followUp(when({ question: 'nps', op: 'gte', value: 11 })), question('nps', 'nps')])).toEqual([CODES.ruleLoop]);
  });

  it('handles a rating scale', () => {
    const rating = question('rating', 'stars', { min: 1, max: 3, required: true });
    expect(unreachable(when({ question: 'stars', op: 'in', value: [0, 4] }), [rating])).toHaveLength(1);
    expect(unreachable(when({ question: 'stars', op: 'eq', value: 2 }), [rating])).toEqual([]);
  });
});
