import { describe, expect, it } from 'vitest';
import { SURVEY_ERROR_CODES, effectiveAnswers, nextQuestion, visibleQuestions } from '../../../src/domain/surveys/index.ts';
import { expectDomainError } from '../metrics/expectDomainError.ts';
import { npsWithReason, question, survey } from './factories.ts';

const ids = (questions: Array<{ id: string }>) => questions.map((q) => q.id);

describe('visibleQuestions', () => {
  const definition = npsWithReason(6);

  it('shows the low-score reason to detractors only', () => {
    expect(ids(visibleQuestions(definition, { nps: 6 }))).toEqual(['nps', 'reason']);
    expect(ids(visibleQuestions(definition, { nps: 7 }))).toEqual(['nps']);
    expect(ids(visibleQuestions(definition, {}))).toEqual(['nps']);
  });

  it('treats an answer to a hidden question as absent for later rules', () => {
    const chained = survey([
      ...npsWithReason(6).questions,
      question('open_text', 'callback', { showIf: { when: { question: 'reason', op: 'answered' } } }),
    ]);
    // The respondent wrote a reason at 3, then changed the score to 9.
    expect(ids(visibleQuestions(chained, { nps: 9, reason: 'slow', callback: 'yes' }))).toEqual(['nps']);
    expect(effectiveAnswers(chained, { nps: 9, reason: 'slow', callback: 'yes' })).toEqual({ nps: 9 });
    expect(ids(visibleQuestions(chained, { nps: 3, reason: 'slow' }))).toEqual(['nps', 'reason', 'callback']);
  });
});

describe('nextQuestion', () => {
  const definition = survey([
    question('nps', 'nps', { required: true }),
    question('open_text', 'reason', { showIf: { when: { question: 'nps', op: 'lte', value: 6 } } }),
    question('fcr', 'fcr'),
  ]);

  it('starts with the first visible question', () => {
    expect(nextQuestion(definition, {}, null)?.id).toBe('nps');
  });

  it('branches on the answer just given', () => {
    expect(nextQuestion(definition, { nps: 2 }, 'nps')?.id).toBe('reason');
    expect(nextQuestion(definition, { nps: 10 }, 'nps')?.id).toBe('fcr');
    expect(nextQuestion(definition, { nps: 2, reason: 'x' }, 'reason')?.id).toBe('fcr');
  });

  it('returns null at the end', () => {
    expect(nextQuestion(definition, { nps: 10, fcr: true }, 'fcr')).toBeNull();
  });

  it('returns null for a survey whose every question is hidden', () => {
    const allHidden = survey([question('open_text', 'a', { showIf: { when: { question: 'a', op: 'answered' } } })]);
    expect(nextQuestion(allHidden, {}, null)).toBeNull();
  });

  it('refuses a position that is not a question of the survey', () => {
    expectDomainError(() => nextQuestion(definition, {}, 'nope'), SURVEY_ERROR_CODES.unknownQuestion);
  });
});
