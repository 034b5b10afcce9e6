import { describe, expect, it } from 'vitest';
import { pageStartingAt, progressAt, questionAfter, resumeQuestion } from '../../../src/domain/surveys/respondentFlow.ts';
import { templateDefinition } from '../../../src/domain/surveys/templates/index.ts';

const nps = templateDefinition('transactional_nps');
const q = (id: string) => nps.questions.find((question) => question.id === id)!;

describe('respondent flow on a screen', () => {
  it('resumes at the first unanswered shown question and ends when none is left', () => {
    expect(resumeQuestion(nps, {})?.id).toBe('nps');
    expect(resumeQuestion(nps, { nps: 3 })?.id).toBe('low_score_reason');
    expect(resumeQuestion(nps, { nps: 9 })).toBeNull();
  });

  it('follows a page with the next shown question, skipping the follow-up of a promoter', () => {
    expect(questionAfter(nps, { nps: 3 }, ['nps'])?.id).toBe('low_score_reason');
    expect(questionAfter(nps, { nps: 9 }, ['nps'])).toBeNull();
    expect(questionAfter(nps, { nps: 3 }, ['nps', 'low_score_reason'])).toBeNull();
  });

  it('puts a low score’s follow-up on the one-click page, and counts progress over shown questions', () => {
    expect(pageStartingAt(nps, { nps: 3 }, q('nps')).map((x) => x.id)).toEqual(['nps', 'low_score_reason']);
    expect(pageStartingAt(nps, { nps: 10 }, q('nps')).map((x) => x.id)).toEqual(['nps']);
    expect(progressAt(nps, { nps: 3 }, q('low_score_reason'))).toEqual({ step: 2, total: 2 });
  });

  it('leaves a voice comment to the phone', () => {
    const withVoice = templateDefinition('transactional_nps');
    withVoice.questions.push({ id: 'voice', type: 'voice_comment', text: { ru: 'Скажите', en: 'Say' }, label: { ru: 'Голос', en: 'Voice' }, metricKey: null, required: false });
    expect(questionAfter(withVoice, { nps: 9 }, ['nps'])).toBeNull();
  });
});
