/**
 * What a respondent gives: a score (number), yes/no for FCR (boolean), an
 * option id (single choice), option ids (multiple choice), text, or a voice
 * recording. Answers are keyed by question id; null or absent means "not
 * answered", and so do blank text and an empty selection, because that is
 * what an untouched form field posts.
 */
import { z } from 'zod';

/**
 * A recording kept by the channel (the audio itself is stored elsewhere);
 * `transcript` is filled in later by speech recognition.
 */
export const VoiceRecording = z.strictObject({
  recordingId: z.string().min(1).max(200),
  durationMs: z.int().min(0),
  transcript: z.string().max(20_000).optional(),
});
export type VoiceRecording = z.infer<typeof VoiceRecording>;

export type AnswerValue = number | boolean | string | string[] | VoiceRecording;

/** Answers keyed by question id, as the respondent page, the IVR or the API give them. */
export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Own properties only: a question id such as `constructor` must not find Object.prototype's. */
export function answerOf(answers: Readonly<Record<string, unknown>>, questionId: string): unknown {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}
