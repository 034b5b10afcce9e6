import { describe, expect, it } from 'vitest';
import { ANSWER_PROBLEM_CODES as CODES, TEXT_ANSWER_MAX_LENGTH, validateAnswers } from '../../../src/domain/surveys/index.ts';
import { npsWithReason, options, question, survey } from './factories.ts';

const everyType = survey([
  question('nps', 'nps', { required: true }),
  question('csat', 'csat'),
  question('ces', 'ces'),
  question('rating', 'stars', { min: 1, max: 10 }),
  question('fcr', 'fcr'),
  question('single_choice', 'one', { options: options('a', 'b', 'c') }),
  question('multiple_choice', 'many', { options: options('a', 'b', 'c') }),
  question('open_text', 'comment', { maxLength: 10 }),
  question('voice_comment', 'voice', { maxDurationSeconds: 30 }),
]);

const problemFor = (answers: Record<string, unknown>) => {
  const result = validateAnswers(everyType, { nps: 5, ...answers });
  expect(result.ok).toBe(false);
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
};

describe('validateAnswers: scores', () => {
  it.each([
    ['nps', 11, 'Score must be a whole number from 0 to 10'],
    ['nps', -1, 'Score must be a whole number from 0 to 10'],
    ['nps', 7.5, 'Score must be a whole number from 0 to 10'],
    ['nps', '7', 'Score must be a whole number from 0 to 10'],
    ['csat', 0, 'Score must be a whole number from 1 to 5'],
    ['ces', 8, 'Score must be a whole number from 1 to 7'],
    ['stars', 11, 'Score must be a whole number from 1 to 10'],
  ])('%s = %j is refused', (questionId, value, message) => {
    expect(problemFor({ [questionId]: value })).toEqual({ questionId, code: CODES.invalidScore, message, details: expect.any(Object) });
  });

  it('accepts the ends of each scale', () => {
    const result = validateAnswers(everyType, { nps: 0, csat: 5, ces: 1, stars: 10 });
    expect(result).toMatchObject({ ok: true, answers: { nps: 0, csat: 5, ces: 1, stars: 10 } });
  });
});

describe('validateAnswers: other types', () => {
  it('yes / no must be a boolean', () => {
    expect(problemFor({ fcr: 'yes' })).toMatchObject({ code: CODES.invalidYesNo, message: 'Answer must be yes or no' });
    expect(validateAnswers(everyType, { nps: 5, fcr: false }).answers.fcr).toBe(false);
  });

  it('single choice takes one known option, as a string or a one-element list', () => {
    expect(problemFor({ one: 'z' })).toMatchObject({ code: CODES.unknownOption, message: '"z" is not one of the options' });
    expect(problemFor({ one: ['a', 'b'] })).toMatchObject({ code: CODES.tooManyOptions, message: 'Choose only one option' });
    expect(problemFor({ one: 3 })).toMatchObject({ code: CODES.invalidChoice });
    expect(validateAnswers(everyType, { nps: 5, one: ['b'] }).answers.one).toBe('b');
  });

  it('multiple choice keeps known options once, in the order of the survey', () => {
    expect(validateAnswers(everyType, { nps: 5, many: ['c', 'a', 'c'] }).answers.many).toEqual(['a', 'c']);
    expect(problemFor({ many: ['a', 'x'] })).toMatchObject({ code: CODES.unknownOption, details: { optionId: 'x' } });
    expect(problemFor({ many: [1] })).toMatchObject({ code: CODES.invalidChoice });
  });

  it('text is trimmed and limited in characters, an emoji counting as one', () => {
    expect(validateAnswers(everyType, { nps: 5, comment: '  slow  ' }).answers.comment).toBe('slow');
    expect(validateAnswers(everyType, { nps: 5, comment: '😀'.repeat(10) }).ok).toBe(true);
    expect(problemFor({ comment: 'x'.repeat(11) })).toMatchObject({ code: CODES.textTooLong, message: 'Text must be at most 10 characters' });
    expect(problemFor({ comment: 42 })).toMatchObject({ code: CODES.invalidText });
  });

  it(`caps text at ${TEXT_ANSWER_MAX_LENGTH} characters by default`, () => {
    const definition = survey([question('open_text', 'c')]);
    expect(validateAnswers(definition, { c: 'x'.repeat(TEXT_ANSWER_MAX_LENGTH) }).ok).toBe(true);
    expect(validateAnswers(definition, { c: 'x'.repeat(TEXT_ANSWER_MAX_LENGTH + 1) }).problems[0]).toMatchObject({
      code: CODES.textTooLong,
      message: 'Text must be at most 5,000 characters',
    });
  });

  it('an open question also takes a recording (phone channels), except in an anonymous survey', () => {
    const recording = { recordingId: 'rec-1', durationMs: 4_000 };
    expect(validateAnswers(everyType, { nps: 5, comment: recording }).answers.comment).toEqual(recording);
    const anonymous = { ...everyType, anonymous: true };
    expect(validateAnswers(anonymous, { nps: 5, comment: recording }).problems[0]).toMatchObject({ code: CODES.recordingNotAllowed });
  });

  it('a voice comment takes a recording within its length limit', () => {
    expect(validateAnswers(everyType, { nps: 5, voice: { recordingId: 'r', durationMs: 30_000 } }).ok).toBe(true);
    expect(problemFor({ voice: { recordingId: 'r', durationMs: 30_001 } })).toMatchObject({
      code: CODES.recordingTooLong,
      message: 'Recording must be at most 30 seconds long',
    });
    expect(problemFor({ voice: 'hello' })).toMatchObject({ code: CODES.invalidRecording });
  });
});

describe('validateAnswers: the response as a whole', () => {
  it('refuses a skipped required question, unless the response is partial', () => {
    expect(validateAnswers(everyType, {}).problems).toEqual([
      { questionId: 'nps', code: CODES.required, message: 'This question needs an answer' },
    ]);
    expect(validateAnswers(everyType, { nps: '  ' }).problems[0]?.code).toBe(CODES.required);
    expect(validateAnswers(everyType, {}, { partial: true })).toEqual({ ok: true, problems: [], answers: {}, dropped: [] });
  });

  it('refuses answers to questions the survey does not have', () => {
    expect(validateAnswers(everyType, { nps: 5, extra: 1 }).problems).toEqual([
      { questionId: 'extra', code: CODES.unknownQuestion, message: 'This survey has no such question' },
    ]);
  });

  it('drops an answer to a question its rule hides, and says so', () => {
    const result = validateAnswers(npsWithReason(6), { nps: 9, reason: 'slow' });
    expect(result).toEqual({ ok: true, problems: [], answers: { nps: 9 }, dropped: ['reason'] });
  });

  it('keeps the follow-up when the rule shows it', () => {
    expect(validateAnswers(npsWithReason(6), { nps: 3, reason: 'slow' })).toEqual({
      ok: true,
      problems: [],
      answers: { nps: 3, reason: 'slow' },
      dropped: [],
    });
  });

  it('does not let an invalid score open a follow-up', () => {
    const result = validateAnswers(npsWithReason(6), { nps: -3, reason: 'slow' });
    expect(result.problems.map((p) => p.code)).toEqual([CODES.invalidScore]);
    expect(result.dropped).toEqual(['reason']);
  });

  it('does not require a required question that is hidden', () => {
    const definition = survey([question('nps', 'nps', { required: true }), question('open_text', 'reason', { required: true, showIf: { when: { question: 'nps', op: 'lte', value: 6 } } })]);
    expect(validateAnswers(definition, { nps: 9 }).ok).toBe(true);
    expect(validateAnswers(definition, { nps: 3 }).problems).toEqual([expect.objectContaining({ questionId: 'reason', code: CODES.required })]);
  });
});
