/**
 * Whether one given answer fits its question, and its normal form (text
 * trimmed, multiple-choice ids deduplicated in the definition's option order).
 * Messages speak to the person answering; codes are for the page to translate.
 */
import { VoiceRecording, type AnswerValue } from './answer.ts';
import { DEFAULT_VOICE_MAX_DURATION_SECONDS, TEXT_ANSWER_MAX_LENGTH, type Question } from './question.ts';
import { questionScale } from './scales.ts';

export const ANSWER_PROBLEM_CODES = {
  unknownQuestion: 'answer.unknown_question',
  required: 'answer.required',
  invalidScore: 'answer.invalid_score',
  invalidYesNo: 'answer.invalid_yes_no',
  invalidChoice: 'answer.invalid_choice',
  unknownOption: 'answer.unknown_option',
  tooManyOptions: 'answer.too_many_options',
  invalidText: 'answer.invalid_text',
  textTooLong: 'answer.text_too_long',
  invalidRecording: 'answer.invalid_recording',
  recordingTooLong: 'answer.recording_too_long',
  /** An anonymous survey takes text only: a voice identifies its speaker. */
  recordingNotAllowed: 'answer.recording_not_allowed',
} as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEM_CODES)[keyof typeof ANSWER_PROBLEM_CODES];

export interface AnswerIssue {
  code: AnswerProblemCode;
  message: string;
  details?: Record<string, unknown>;
}

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; issue: AnswerIssue };

const accept = (value: AnswerValue): AnswerCheck => ({ ok: true, value });
const refuse = (code: AnswerProblemCode, message: string, details?: Record<string, unknown>): AnswerCheck => ({
  ok: false,
  issue: details === undefined ? { code, message } : { code, message, details },
});
const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const formatCount = (n: number) => n.toLocaleString('en-US');

/** `answer` is a given (non-blank) answer; `anonymous` is the survey's setting. */
export function checkAnswer(question: Question, answer: unknown, anonymous: boolean): AnswerCheck {
  switch (question.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
      return checkScore(question, answer);
    case 'fcr':
      return typeof answer === 'boolean' ? accept(answer) : refuse(ANSWER_PROBLEM_CODES.invalidYesNo, 'Answer must be yes or no');
    case 'single_choice':
    case 'multiple_choice':
      return checkChoice(question, answer);
    case 'open_text':
      // On the phone an open question is answered by voice, so a recording is a valid answer too.
      if (typeof answer === 'string') return checkText(answer, question.maxLength ?? TEXT_ANSWER_MAX_LENGTH);
      if (!isPlainObject(answer)) return refuse(ANSWER_PROBLEM_CODES.invalidText, 'Answer must be text');
      if (anonymous) {
        return refuse(ANSWER_PROBLEM_CODES.recordingNotAllowed, 'This survey is anonymous: please answer in text, not with a recording');
      }
      return checkRecording(answer, DEFAULT_VOICE_MAX_DURATION_SECONDS);
    case 'voice_comment':
      if (anonymous) return refuse(ANSWER_PROBLEM_CODES.recordingNotAllowed, 'This survey is anonymous and cannot take a recording');
      return checkRecording(answer, question.maxDurationSeconds ?? DEFAULT_VOICE_MAX_DURATION_SECONDS);
  }
}

function checkScore(question: Question, answer: unknown): AnswerCheck {
  const scale = questionScale(question)!;
  if (typeof answer === 'number' && Number.isInteger(answer) && answer >= scale.min && answer <= scale.max) return accept(answer);
  return refuse(ANSWER_PROBLEM_CODES.invalidScore, `Score must be a whole number from ${scale.min} to ${scale.max}`, {
    min: scale.min,
    max: scale.max,
  });
}

function checkChoice(question: Extract<Question, { options: unknown }>, answer: unknown): AnswerCheck {
  const single = question.type === 'single_choice';
  // A form may post a lone option as a string or a one-element list; both mean the same choice.
  const chosen = typeof answer === 'string' ? [answer] : answer;
  if (!Array.isArray(chosen) || !chosen.every((id) => typeof id === 'string')) {
    return refuse(ANSWER_PROBLEM_CODES.invalidChoice, single ? 'Choose one of the options' : 'Choose one or more of the options');
  }
  const unknown = chosen.find((id) => !question.options.some((option) => option.id === id));
  if (unknown !== undefined) {
    return refuse(ANSWER_PROBLEM_CODES.unknownOption, `"${unknown}" is not one of the options`, { optionId: unknown });
  }
  const ids = question.options.map((option) => option.id).filter((id) => chosen.includes(id));
  if (single && ids.length > 1) return refuse(ANSWER_PROBLEM_CODES.tooManyOptions, 'Choose only one option');
  return accept(single ? ids[0]! : ids);
}

function checkText(answer: string, maxLength: number): AnswerCheck {
  const text = answer.trim();
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  if ([...text].length > maxLength) {
    return refuse(ANSWER_PROBLEM_CODES.textTooLong, `Text must be at most ${formatCount(maxLength)} characters`, { maxLength });
  }
  return accept(text);
}

function checkRecording(answer: unknown, maxDurationSeconds: number): AnswerCheck {
  const parsed = VoiceRecording.safeParse(answer);
  if (!parsed.success) return refuse(ANSWER_PROBLEM_CODES.invalidRecording, 'Answer must be a voice recording');
  if (parsed.data.durationMs > maxDurationSeconds * 1_000) {
    return refuse(ANSWER_PROBLEM_CODES.recordingTooLong, `Recording must be at most ${formatCount(maxDurationSeconds)} seconds long`, {
      maxDurationSeconds,
    });
  }
  return accept(parsed.data);
}
