import { describe, expect, it } from 'vitest';
import { describeRule, surveyPaths, summarizeRule, type Condition, type ShowIfRule } from '../../../src/domain/surveys/index.ts';
import { options, question, ruEn, survey } from './factories.ts';

const definition = survey([
  question('nps', 'nps', { label: ruEn('NPS', 'NPS'), required: true }),
  question('fcr', 'fcr', { label: ruEn('Решено', 'Resolved') }),
  question('single_choice', 'why', { label: ruEn('Причина', 'Reason'), options: [{ id: 'price', label: ruEn('Цена', 'Price') }, ...options('b')] }),
  question('multiple_choice', 'topics', { label: ruEn('Темы', 'Topics'), options: [{ id: 'staff', label: ruEn('Персонал', 'Staff') }, ...options('b')] }),
  question('open_text', 'comment', { label: ruEn('Комментарий', 'Comment') }),
  question('open_text', 'follow_up', { showIf: { when: { question: 'nps', op: 'lte', value: 6 } } }),
]);
const summary = (rule: ShowIfRule) => summarizeRule(definition, rule);
const whenSummary = (condition: Condition) => summary({ when: condition });

describe('rule summaries', () => {
  it('reads a low-score rule as "if NPS ≤ 6"', () => {
    expect(whenSummary({ question: 'nps', op: 'lte', value: 6 })).toEqual({ ru: 'если NPS ≤ 6', en: 'if NPS ≤ 6' });
  });

  it.each([
    [{ question: 'nps', op: 'gte', value: 9 }, 'если NPS ≥ 9', 'if NPS ≥ 9'],
    [{ question: 'nps', op: 'eq', value: 10 }, 'если NPS = 10', 'if NPS = 10'],
    [{ question: 'nps', op: 'neq', value: 10 }, 'если NPS ≠ 10', 'if NPS ≠ 10'],
    [{ question: 'nps', op: 'in', value: [0, 1] }, 'если NPS — одно из: 0, 1', 'if NPS is one of 0, 1'],
    [{ question: 'fcr', op: 'eq', value: false }, 'если Решено = «нет»', 'if Resolved = “no”'],
    [{ question: 'why', op: 'eq', value: 'price' }, 'если Причина = «Цена»', 'if Reason = “Price”'],
    [{ question: 'topics', op: 'eq', value: 'staff' }, 'если Темы: выбрано «Персонал»', 'if Topics: “Staff” chosen'],
    [{ question: 'topics', op: 'neq', value: 'staff' }, 'если Темы: не выбрано «Персонал»', 'if Topics: “Staff” not chosen'],
    [{ question: 'topics', op: 'in', value: ['staff', 'b'] }, 'если Темы: выбрано что-то из «Персонал», «Вариант b»', 'if Topics: any of “Staff”, “Option b” chosen'],
    [{ question: 'comment', op: 'answered' }, 'если есть ответ на вопрос «Комментарий»', 'if Comment is answered'],
    [{ question: 'comment', op: 'not_answered' }, 'если нет ответа на вопрос «Комментарий»', 'if Comment is not answered'],
  ] as Array<[Condition, string, string]>)('%j', (condition, ru, en) => {
    expect(whenSummary(condition)).toEqual({ ru, en });
  });

  it('joins all with "and", any with "or", bracketing alternatives inside a conjunction', () => {
    const low: ShowIfRule = { when: { question: 'nps', op: 'lte', value: 6 } };
    const unresolved: ShowIfRule = { when: { question: 'fcr', op: 'eq', value: false } };
    const commented: ShowIfRule = { when: { question: 'comment', op: 'answered' } };
    expect(describeRule(definition, { all: [low, unresolved] }, 'en')).toBe('if NPS ≤ 6 and Resolved = “no”');
    expect(describeRule(definition, { any: [low, unresolved] }, 'ru')).toBe('если NPS ≤ 6 или Решено = «нет»');
    expect(describeRule(definition, { when: commented.when, any: [low, unresolved] }, 'en')).toBe(
      'if Comment is answered and (NPS ≤ 6 or Resolved = “no”)',
    );
    expect(describeRule(definition, { any: [{ all: [low, unresolved] }, commented] }, 'en')).toBe(
      'if (NPS ≤ 6 and Resolved = “no”) or Comment is answered',
    );
    expect(describeRule(definition, { all: [{ any: [low, unresolved] }, commented] }, 'en')).toBe(
      'if (NPS ≤ 6 or Resolved = “no”) and Comment is answered',
    );
  });

  it('falls back to the default language, then to ids', () => {
    const partial = survey([question('nps', 'score', { label: { ru: 'Оценка' } }), question('open_text', 'x')]);
    expect(describeRule(partial, { when: { question: 'score', op: 'lte', value: 6 } }, 'en')).toBe('if Оценка ≤ 6');
    expect(describeRule(partial, { when: { question: 'ghost', op: 'answered' } }, 'en')).toBe('if ghost is answered');
  });
});

describe('surveyPaths', () => {
  it('lists each question with its condition, what it depends on and what it decides', () => {
    const paths = surveyPaths(definition).questions;
    expect(paths.map((p) => p.questionId)).toEqual(['nps', 'fcr', 'why', 'topics', 'comment', 'follow_up']);
    expect(paths[0]).toMatchObject({ index: 0, type: 'nps', required: true, shownIf: null, dependsOn: [], decides: ['follow_up'] });
    expect(paths[5]).toMatchObject({ shownIf: { ru: 'если NPS ≤ 6', en: 'if NPS ≤ 6' }, dependsOn: ['nps'], decides: [] });
  });
});
