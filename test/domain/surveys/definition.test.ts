import { describe, expect, it } from 'vitest';
import {
  RULE_MAX_DEPTH,
  SURVEY_PROBLEM_CODES,
  ShowIf,
  SurveyDefinition,
  surveyTemplates,
  validateSurvey,
  type ShowIfRule,
} from '../../../src/domain/surveys/index.ts';
import { question, ruEn, survey } from './factories.ts';

describe('SurveyDefinition schema', () => {
  it('accepts every question type', () => {
    const definition = survey([
      question('nps', 'nps'),
      question('csat', 'csat'),
      question('ces', 'ces'),
      question('fcr', 'fcr'),
      question('rating', 'stars', { min: 1, max: 5, scaleLabels: [{ value: 1, label: ruEn('Плохо', 'Bad') }] }),
      question('single_choice', 'one'),
      question('multiple_choice', 'many'),
      question('open_text', 'comment', { maxLength: 500 }),
      question('voice_comment', 'voice', { maxDurationSeconds: 60 }),
    ]);
    expect(SurveyDefinition.safeParse(definition).success).toBe(true);
  });

  it('accepts any language code, such as Kazakh', () => {
    const definition = survey([question('nps', 'nps', { text: { kk: 'Сұрақ?', ru: 'Вопрос?' }, label: { kk: 'NPS', ru: 'NPS' } })], {
      languages: ['kk', 'ru'],
      defaultLanguage: 'kk',
      thankYou: { kk: 'Рақмет!', ru: 'Спасибо!' },
    });
    expect(validateSurvey(definition)).toEqual({ ok: true, problems: [] });
  });

  it('refuses unknown fields, bad ids and bad language codes', () => {
    const withExtra = { ...survey([question('nps', 'nps')]), title: 'x' };
    expect(SurveyDefinition.safeParse(withExtra).success).toBe(false);
    expect(SurveyDefinition.safeParse(survey([question('nps', 'Bad Id')])).success).toBe(false);
    expect(SurveyDefinition.safeParse(survey([question('nps', 'nps', { text: { RU: 'x' } })])).success).toBe(false);
  });

  it('refuses a rule with no condition and a value on answered', () => {
    expect(ShowIf.safeParse({}).success).toBe(false);
    expect(ShowIf.safeParse({ any: [] }).success).toBe(false);
    expect(ShowIf.safeParse({ when: { question: 'a', op: 'answered', value: 1 } }).success).toBe(false);
    expect(ShowIf.safeParse({ when: { question: 'a', op: 'lte', value: 'x' } }).success).toBe(false);
    expect(ShowIf.safeParse({ when: { question: 'a', op: 'in', value: [1, 'b'] } }).success).toBe(true);
  });

  it(`refuses rules nested deeper than ${RULE_MAX_DEPTH} levels without recursing into them`, () => {
    let rule: ShowIfRule = { when: { question: 'a', op: 'answered' } };
    for (let level = 1; level < RULE_MAX_DEPTH; level += 1) rule = { all: [rule] };
    expect(ShowIf.safeParse(rule).success).toBe(true);
    expect(ShowIf.safeParse({ all: [rule] }).success).toBe(false);
    let hostile: unknown = { when: { question: 'a', op: 'answered' } };
    for (let level = 0; level < 100_000; level += 1) hostile = { all: [hostile] };
    expect(ShowIf.safeParse(hostile).success).toBe(false);
  });

  it('parses every template', () => {
    for (const template of surveyTemplates) expect(SurveyDefinition.parse(template.definition)).toEqual(template.definition);
  });
});

describe('validateSurvey on malformed input', () => {
  it.each([null, 42, 'survey', [], {}, { questions: 'none' }])('reports shape problems for %j and does not throw', (input) => {
    const result = validateSurvey(input);
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.code === SURVEY_PROBLEM_CODES.invalidShape)).toBe(true);
  });

  it('points at the offending field', () => {
    const definition = survey([question('nps', 'nps'), question('rating', 'r', { min: 1.5 })]);
    const result = validateSurvey(definition);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: SURVEY_PROBLEM_CODES.invalidShape, path: ['questions', 1, 'min'] }),
    ]);
  });
});
