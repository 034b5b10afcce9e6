import { describe, expect, it } from 'vitest';
import {
  evaluateRule,
  lowScoreFollowUp,
  readLowScoreFollowUp,
  referencedQuestionIds,
  type Condition,
  type ShowIfRule,
} from '../../../src/domain/surveys/index.ts';

const holds = (when: Condition, answers: Record<string, unknown>) => evaluateRule({ when }, answers);

describe('conditions on scores', () => {
  it.each([
    ['lte', 6, 6, true],
    ['lte', 6, 7, false],
    ['gte', 9, 9, true],
    ['gte', 9, 8, false],
    ['eq', 10, 10, true],
    ['eq', 10, 9, false],
    ['neq', 10, 9, true],
    ['neq', 10, 10, false],
  ] as const)('%s %d on %d is %s', (op, value, answer, expected) => {
    expect(holds({ question: 'nps', op, value }, { nps: answer })).toBe(expected);
  });

  it('in matches any listed score', () => {
    expect(holds({ question: 'nps', op: 'in', value: [0, 1, 2] }, { nps: 1 })).toBe(true);
    expect(holds({ question: 'nps', op: 'in', value: [0, 1, 2] }, { nps: 3 })).toBe(false);
  });

  it('every comparison, neq included, is false when the question is unanswered', () => {
    for (const when of [
      { question: 'nps', op: 'lte', value: 10 },
      { question: 'nps', op: 'gte', value: 0 },
      { question: 'nps', op: 'neq', value: 5 },
      { question: 'nps', op: 'in', value: [0, 10] },
    ] as Condition[]) {
      expect(holds(when, {})).toBe(false);
      expect(holds(when, { nps: null })).toBe(false);
    }
  });
});

describe('conditions on other answers', () => {
  it('yes / no', () => {
    expect(holds({ question: 'fcr', op: 'eq', value: false }, { fcr: false })).toBe(true);
    expect(holds({ question: 'fcr', op: 'eq', value: false }, { fcr: true })).toBe(false);
    expect(holds({ question: 'fcr', op: 'neq', value: true }, { fcr: false })).toBe(true);
  });

  it('single choice compares the option id', () => {
    expect(holds({ question: 'why', op: 'eq', value: 'price' }, { why: 'price' })).toBe(true);
    expect(holds({ question: 'why', op: 'in', value: ['price', 'speed'] }, { why: 'speed' })).toBe(true);
    expect(holds({ question: 'why', op: 'neq', value: 'price' }, { why: 'speed' })).toBe(true);
  });

  it('multiple choice: eq means chosen, neq means answered without it, in means any chosen', () => {
    const answers = { topics: ['price', 'staff'] };
    expect(holds({ question: 'topics', op: 'eq', value: 'staff' }, answers)).toBe(true);
    expect(holds({ question: 'topics', op: 'eq', value: 'speed' }, answers)).toBe(false);
    expect(holds({ question: 'topics', op: 'neq', value: 'speed' }, answers)).toBe(true);
    expect(holds({ question: 'topics', op: 'neq', value: 'price' }, answers)).toBe(false);
    expect(holds({ question: 'topics', op: 'in', value: ['speed', 'price'] }, answers)).toBe(true);
    expect(holds({ question: 'topics', op: 'neq', value: 'price' }, { topics: [] })).toBe(false);
  });

  it('answered and not_answered treat blank text and an empty selection as no answer', () => {
    for (const blank of [undefined, null, '', '   ', []]) {
      expect(holds({ question: 'q', op: 'answered' }, { q: blank })).toBe(false);
      expect(holds({ question: 'q', op: 'not_answered' }, { q: blank })).toBe(true);
    }
    expect(holds({ question: 'q', op: 'answered' }, { q: 'ok' })).toBe(true);
    expect(holds({ question: 'q', op: 'answered' }, { q: 0 })).toBe(true);
    expect(holds({ question: 'q', op: 'answered' }, { q: false })).toBe(true);
  });

  it('looks at own answers only, not at Object.prototype', () => {
    expect(holds({ question: 'constructor', op: 'answered' }, {})).toBe(false);
  });
});

describe('composition', () => {
  const lowNps: ShowIfRule = { when: { question: 'nps', op: 'lte', value: 6 } };
  const unresolved: ShowIfRule = { when: { question: 'fcr', op: 'eq', value: false } };

  it('all needs every part, any needs one', () => {
    expect(evaluateRule({ all: [lowNps, unresolved] }, { nps: 3, fcr: false })).toBe(true);
    expect(evaluateRule({ all: [lowNps, unresolved] }, { nps: 3, fcr: true })).toBe(false);
    expect(evaluateRule({ any: [lowNps, unresolved] }, { nps: 9, fcr: false })).toBe(true);
    expect(evaluateRule({ any: [lowNps, unresolved] }, { nps: 9, fcr: true })).toBe(false);
  });

  it('when, all and any on one rule must all hold', () => {
    const rule: ShowIfRule = { when: { question: 'q', op: 'answered' }, all: [lowNps], any: [unresolved] };
    expect(evaluateRule(rule, { q: 'x', nps: 1, fcr: false })).toBe(true);
    expect(evaluateRule(rule, { nps: 1, fcr: false })).toBe(false);
    expect(evaluateRule(rule, { q: 'x', nps: 1, fcr: true })).toBe(false);
  });

  it('lists referenced questions once, in order of mention', () => {
    expect(referencedQuestionIds({ when: { question: 'b', op: 'answered' }, any: [lowNps, { all: [unresolved, lowNps] }] })).toEqual([
      'b',
      'nps',
      'fcr',
    ]);
  });
});

describe('lowScoreFollowUp', () => {
  it('is "score at or below the threshold"', () => {
    const rule = lowScoreFollowUp('nps', 6);
    expect(rule).toEqual({ when: { question: 'nps', op: 'lte', value: 6 } });
    expect(evaluateRule(rule, { nps: 6 })).toBe(true);
    expect(evaluateRule(rule, { nps: 7 })).toBe(false);
  });

  it('is recognised back for the editor, and other rules are not', () => {
    expect(readLowScoreFollowUp(lowScoreFollowUp('csat', 3))).toEqual({ scoreQuestionId: 'csat', threshold: 3 });
    expect(readLowScoreFollowUp({ when: { question: 'nps', op: 'gte', value: 9 } })).toBeNull();
    expect(readLowScoreFollowUp({ ...lowScoreFollowUp('nps', 6), any: [lowScoreFollowUp('x', 1)] })).toBeNull();
    expect(readLowScoreFollowUp(undefined)).toBeNull();
  });
});
