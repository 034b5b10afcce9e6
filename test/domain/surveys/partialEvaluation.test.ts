import { describe, expect, it } from 'vitest';
import { evaluateRulePartially } from '../../../src/domain/surveys/checks/partialEvaluation.ts';
import { validateSurvey, SURVEY_PROBLEM_CODES, type ShowIfRule, type SurveyDefinition } from '../../../src/domain/surveys/index.ts';
import { question, survey } from './factories.ts';

const low: ShowIfRule = { when: { question: 'a', op: 'lte', value: 6 } };
const yes: ShowIfRule = { when: { question: 'b', op: 'eq', value: true } };
const onlyA = (id: string) => id === 'a';

describe('evaluateRulePartially', () => {
  it('is undecided while the rule still depends on an undecided answer', () => {
    expect(evaluateRulePartially(yes, {}, onlyA)).toBeNull();
    expect(evaluateRulePartially({ all: [low, yes] }, { a: 3 }, onlyA)).toBeNull();
    expect(evaluateRulePartially({ any: [low, yes] }, { a: 9 }, onlyA)).toBeNull();
  });

  it('is false once one part of a conjunction is false, true once one alternative is true', () => {
    expect(evaluateRulePartially({ all: [low, yes] }, { a: 9 }, onlyA)).toBe(false);
    expect(evaluateRulePartially({ when: low.when, any: [yes] }, { a: 9 }, onlyA)).toBe(false);
    expect(evaluateRulePartially({ any: [yes, low] }, { a: 3 }, onlyA)).toBe(true);
  });

  it('treats an undecided question as unknown even if an answer is present', () => {
    expect(evaluateRulePartially(yes, { b: true }, onlyA)).toBeNull();
    expect(evaluateRulePartially(yes, { b: true }, () => true)).toBe(true);
  });
});

describe('reachability search on a hostile definition', () => {
  it('finishes and reports only what it could prove', () => {
    const rating = (index: number) => question('rating', `q${index}`, { min: 0, max: 100 });
    const questions = Array.from({ length: 200 }, (_, index) => {
      if (index === 0) return rating(0);
      // Each question is shown only if any of up to 20 earlier ones equals a score off the scale: all unreachable.
      const any = Array.from({ length: Math.min(index, 20) }, (_, k): ShowIfRule => ({ when: { question: `q${index - 1 - k}`, op: 'eq', value: 200 } }));
      return { ...rating(index), showIf: { any } };
    });
    const definition: SurveyDefinition = survey(questions);
    const { problems } = validateSurvey(definition);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === SURVEY_PROBLEM_CODES.unreachableQuestion)).toBe(true);
  });
});
