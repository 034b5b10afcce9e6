/**
 * One respondent's way through a survey, for any screen: where to start,
 * and what answering a question does (save it, work out the next question,
 * complete the response after the last one).
 */
import type { Client, PublicQuestion, PublicSurvey, Value } from './api.ts';
import { nextOnScreen, startQuestion } from './flow.ts';

export interface Conversation {
  survey: PublicSurvey;
  answers: Record<string, Value>;
  /** The question being asked; null when the survey is done. */
  current: PublicQuestion | null;
  completed: boolean;
}

export async function beginConversation(client: Client, language: string | null): Promise<Conversation> {
  const survey = await client.load(language);
  const answers = survey.response.answers as Record<string, Value>;
  const completed = survey.response.status === 'completed';
  return { survey, answers, current: completed ? null : startQuestion(survey.questions, answers, survey.response.next), completed };
}

/** Saves the answer to the current question (null: skipped) and moves on; the last answer completes the response. Throws ApiError. */
export async function answerCurrent(c: Conversation, client: Client, value: Value | null): Promise<void> {
  const question = c.current!;
  const given: Record<string, Value> = value === null ? {} : { [question.id]: value };
  const answers = { ...c.answers, ...given };
  const next = nextOnScreen(c.survey.questions, answers, question.id);
  const state = await client.save(given, next === null, c.survey.language);
  c.answers = state ? (state.answers as Record<string, Value>) : answers;
  c.current = next;
  c.completed = next === null;
}
