import { describe, expect, it } from 'vitest';
import {
  SURVEY_ERROR_CODES,
  SURVEY_PROBLEM_CODES as CODES,
  assertValidSurvey,
  validateSurvey,
  type SurveyDefinition,
} from '../../../src/domain/surveys/index.ts';
import { expectDomainError } from '../metrics/expectDomainError.ts';
import { npsWithReason, options, question, ruEn, survey } from './factories.ts';

const problemsOf = (definition: SurveyDefinition) => validateSurvey(definition).problems;

describe('validateSurvey: a sound survey', () => {
  it('has no problems', () => {
    expect(validateSurvey(npsWithReason())).toEqual({ ok: true, problems: [] });
  });

  it('gives every problem a code, a path and an English message', () => {
    const broken = survey([question('nps', 'nps', { text: { ru: '' } }), question('nps', 'nps')], { defaultLanguage: 'de' });
    const problems = problemsOf(broken);
    expect(problems.length).toBeGreaterThan(2);
    for (const p of problems) {
      expect(Object.values(CODES)).toContain(p.code);
      expect(Array.isArray(p.path)).toBe(true);
      expect(p.message).toMatch(/^[A-Z"“]/);
    }
  });
});

describe('validateSurvey: structure', () => {
  it('needs at least one question', () => {
    expect(problemsOf(survey([]))).toEqual([expect.objectContaining({ code: CODES.noQuestions, path: ['questions'] })]);
  });

  it('refuses duplicate question ids, pointing at the repeat', () => {
    expect(problemsOf(survey([question('nps', 'q'), question('csat', 'q')]))).toEqual([
      expect.objectContaining({ code: CODES.duplicateQuestionId, path: ['questions', 1, 'id'], details: { questionId: 'q' } }),
    ]);
  });

  it('refuses duplicate languages and a default language that is not listed', () => {
    const definition = survey([question('nps', 'nps')], { languages: ['ru', 'en', 'ru'] });
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ code: CODES.duplicateLanguage, path: ['languages', 2] })]);
    const unlisted = survey([question('nps', 'nps')], { defaultLanguage: 'kk' });
    expect(problemsOf(unlisted)).toEqual([expect.objectContaining({ code: CODES.defaultLanguageNotListed, path: ['defaultLanguage'] })]);
  });

  it('refuses duplicate option ids and fewer than two options', () => {
    expect(problemsOf(survey([question('single_choice', 'q', { options: options('a', 'b', 'a') })]))).toEqual([
      expect.objectContaining({ code: CODES.duplicateOptionId, path: ['questions', 0, 'options', 2, 'id'] }),
    ]);
    expect(problemsOf(survey([question('multiple_choice', 'q', { options: options('a') })]))).toEqual([
      expect.objectContaining({ code: CODES.tooFewOptions, path: ['questions', 0, 'options'] }),
    ]);
  });

  it('refuses a rating scale whose min is not below its max', () => {
    for (const [min, max] of [
      [5, 5],
      [7, 1],
    ]) {
      expect(problemsOf(survey([question('rating', 'r', { min, max })]))).toEqual([
        expect.objectContaining({ code: CODES.invalidScale, path: ['questions', 0, 'min'], details: { questionId: 'r', min, max } }),
      ]);
    }
  });

  it('refuses scale labels off the scale or on the same point twice', () => {
    const label = (value: number) => ({ value, label: ruEn('x', 'x') });
    const definition = survey([question('csat', 'csat', { scaleLabels: [label(1), label(0), label(1)] })]);
    expect(problemsOf(definition)).toEqual([
      expect.objectContaining({ code: CODES.invalidScaleLabel, path: ['questions', 0, 'scaleLabels', 1, 'value'] }),
      expect.objectContaining({ code: CODES.invalidScaleLabel, path: ['questions', 0, 'scaleLabels', 2, 'value'] }),
    ]);
  });

  it('refuses a voice question in an anonymous survey', () => {
    expect(problemsOf(survey([question('voice_comment', 'v')], { anonymous: true }))).toEqual([
      expect.objectContaining({ code: CODES.voiceInAnonymousSurvey, path: ['questions', 0, 'type'] }),
    ]);
  });
});

describe('validateSurvey: translations', () => {
  it('reports each missing or blank text, label, option, scale label and thank-you per language', () => {
    const definition = survey(
      [
        question('nps', 'nps', { text: { ru: 'Порекомендуете?' }, scaleLabels: [{ value: 0, label: { en: 'No' } }] }),
        question('single_choice', 'why', { label: ruEn('Почему', '  '), options: [{ id: 'a', label: { ru: 'А' } }, ...options('b')] }),
      ],
      { thankYou: { ru: 'Спасибо' } },
    );
    const missing = problemsOf(definition).map((p) => [p.code, p.path.join('.')]);
    expect(missing).toEqual([
      [CODES.missingTranslation, 'questions.0.text.en'],
      [CODES.missingTranslation, 'questions.0.scaleLabels.0.label.ru'],
      [CODES.missingTranslation, 'questions.1.label.en'],
      [CODES.missingTranslation, 'questions.1.options.0.label.en'],
      [CODES.missingTranslation, 'thankYou.en'],
    ]);
  });

  it('asks for every listed language, including ones beyond ru and en', () => {
    const definition = survey([question('nps', 'nps')], { languages: ['ru', 'en', 'kk'] });
    const problems = problemsOf(definition);
    expect(problems.every((p) => p.code === CODES.missingTranslation && p.details?.language === 'kk')).toBe(true);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['questions.0.text.kk', 'questions.0.label.kk', 'thankYou.kk']);
  });
});

describe('validateSurvey: metric keys', () => {
  it.each([
    ['nps', 'nps'],
    ['enps', 'nps'],
    ['csat', 'csat'],
    ['ces', 'ces'],
    ['fcr', 'fcr'],
  ] as const)('accepts %s on a %s question and refuses it elsewhere', (metricKey, type) => {
    expect(problemsOf(survey([question(type, 'q', { metricKey })]))).toEqual([]);
    const other = type === 'fcr' ? 'nps' : 'fcr';
    expect(problemsOf(survey([question(other, 'q', { metricKey })]))).toEqual([
      expect.objectContaining({ code: CODES.metricKeyMismatch, path: ['questions', 0, 'metricKey'] }),
    ]);
  });

  it('accepts cli.* on 0–10 questions only, and wants a name after "cli"', () => {
    expect(problemsOf(survey([question('nps', 'a', { metricKey: 'cli.q1' }), question('rating', 'b', { metricKey: 'cli.q2', min: 0, max: 10 })]))).toEqual([]);
    expect(problemsOf(survey([question('rating', 'a', { metricKey: 'cli.q1', min: 1, max: 10 })]))[0]?.code).toBe(CODES.metricKeyMismatch);
    expect(problemsOf(survey([question('csat', 'a', { metricKey: 'cli.q1' })]))[0]?.code).toBe(CODES.metricKeyMismatch);
    expect(problemsOf(survey([question('nps', 'a', { metricKey: 'cli' })]))[0]?.code).toBe(CODES.metricKeyMismatch);
  });

  it('wants miss_us on a single choice with a "very" option', () => {
    expect(problemsOf(survey([question('single_choice', 'm', { metricKey: 'miss_us', options: options('very', 'no') })]))).toEqual([]);
    expect(problemsOf(survey([question('single_choice', 'm', { metricKey: 'miss_us', options: options('yes', 'no') })]))[0]?.code).toBe(
      CODES.metricKeyMismatch,
    );
    expect(problemsOf(survey([question('multiple_choice', 'm', { metricKey: 'miss_us', options: options('very', 'no') })]))[0]?.code).toBe(
      CODES.metricKeyMismatch,
    );
  });

  it("leaves a tenant's own keys alone", () => {
    expect(problemsOf(survey([question('open_text', 'a', { metricKey: 'wait_time_comment' }), question('rating', 'b', { metricKey: 'speed' })]))).toEqual(
      [],
    );
  });

  it('refuses the same key on two questions', () => {
    expect(problemsOf(survey([question('nps', 'a', { metricKey: 'nps' }), question('nps', 'b', { metricKey: 'nps' })]))).toEqual([
      expect.objectContaining({ code: CODES.duplicateMetricKey, path: ['questions', 1, 'metricKey'] }),
    ]);
  });
});

describe('assertValidSurvey', () => {
  it('returns the parsed definition when sound', () => {
    expect(assertValidSurvey(npsWithReason())).toEqual(npsWithReason());
  });

  it('throws survey.invalid_definition with the problems in details', () => {
    const error = expectDomainError(() => assertValidSurvey(survey([])), SURVEY_ERROR_CODES.invalidDefinition);
    expect(error.details).toEqual({ problems: [expect.objectContaining({ code: CODES.noQuestions })] });
  });
});
