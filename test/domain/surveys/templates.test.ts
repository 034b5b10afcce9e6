import { describe, expect, it } from 'vitest';
import {
  NPS_DETRACTOR_MAX_SCORE,
  SURVEY_ERROR_CODES,
  findSurveyTemplate,
  readLowScoreFollowUp,
  surveyTemplates,
  templateDefinition,
  validateSurvey,
  visibleQuestions,
} from '../../../src/domain/surveys/index.ts';
import { expectDomainError } from '../metrics/expectDomainError.ts';

const definitionOf = (id: string) => findSurveyTemplate(id)!.definition;

describe('survey templates', () => {
  it('offers the seven templates of the brief, each id once', () => {
    expect(surveyTemplates.map((t) => t.id)).toEqual([
      'transactional_nps',
      'relational_nps',
      'post_call_csat_fcr',
      'ces',
      'cli',
      'enps',
      'would_miss_us',
    ]);
  });

  it.each(surveyTemplates.map((t) => [t.id, t] as const))('%s passes validateSurvey with no problems', (_, template) => {
    expect(validateSurvey(template.definition)).toEqual({ ok: true, problems: [] });
  });

  it.each(surveyTemplates.map((t) => [t.id, t] as const))('%s has a name and description in Russian and English', (_, template) => {
    for (const text of [template.name, template.description]) {
      expect(text.ru?.trim()).toBeTruthy();
      expect(text.en?.trim()).toBeTruthy();
      expect(text.ru).toMatch(/[а-яё]/i);
    }
    expect(template.definition.languages).toEqual(['ru', 'en']);
  });

  it('transactional NPS asks the reason at 6 and below', () => {
    const definition = definitionOf('transactional_nps');
    expect(NPS_DETRACTOR_MAX_SCORE).toBe(6);
    expect(readLowScoreFollowUp(definition.questions[1]!.showIf)).toEqual({ scoreQuestionId: 'nps', threshold: 6 });
    expect(visibleQuestions(definition, { nps: 6 })).toHaveLength(2);
    expect(visibleQuestions(definition, { nps: 7 })).toHaveLength(1);
  });

  it('CLI has three 0–10 questions keyed cli.*', () => {
    const questions = definitionOf('cli').questions;
    expect(questions.map((q) => q.metricKey)).toEqual(['cli.recommend', 'cli.continue', 'cli.satisfaction']);
    expect(questions.every((q) => q.type === 'rating' && q.min === 0 && q.max === 10)).toBe(true);
  });

  it('eNPS is anonymous with two questions', () => {
    const definition = definitionOf('enps');
    expect(definition.anonymous).toBe(true);
    expect(definition.questions.map((q) => [q.type, q.metricKey])).toEqual([
      ['nps', 'enps'],
      ['open_text', null],
    ]);
  });

  it('"would you miss us" is a single choice keyed miss_us with the option "very"', () => {
    const [missUs] = definitionOf('would_miss_us').questions;
    expect(missUs).toMatchObject({ type: 'single_choice', metricKey: 'miss_us' });
    expect(missUs!.type === 'single_choice' && missUs!.options.map((o) => o.id)).toEqual(['very', 'somewhat', 'not_at_all']);
  });

  it('post-call CSAT + FCR and CES carry their metric keys', () => {
    expect(definitionOf('post_call_csat_fcr').questions.map((q) => q.metricKey)).toEqual(['csat', 'fcr', null]);
    expect(definitionOf('ces').questions.map((q) => q.metricKey)).toEqual(['ces', null]);
  });

  it('templates are frozen; templateDefinition gives an editable copy', () => {
    const shared = definitionOf('transactional_nps');
    expect(Object.isFrozen(shared.questions[0]!.text)).toBe(true);
    const copy = templateDefinition('transactional_nps');
    copy.questions[0]!.text.ru = 'Изменено';
    expect(shared.questions[0]!.text.ru).not.toBe('Изменено');
    expectDomainError(() => templateDefinition('nope'), SURVEY_ERROR_CODES.unknownTemplate);
  });
});
