import { isAnswered, type Answers } from '../../domain/surveys/answer.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { isScaleQuestion, type Question } from '../../domain/surveys/question.ts';
import { pageStartingAt, progressAt, resumeQuestion, screenQuestions } from '../../domain/surveys/respondentFlow.ts';
import { questionScale } from '../../domain/surveys/scales.ts';

export type Screen =
  | { kind: 'questions'; questions: Question[]; values: Answers; progress: { step: number; total: number } }
  | { kind: 'summary'; questions: Question[]; answers: Answers }
  | { kind: 'thanks' };

export interface ScreenQuery {
  /** One-click score from an email: preselected on the first question, recorded only when the page is sent. */
  score?: string | undefined;
  /** A question to (re)answer, from the summary or the previous page. */
  q?: string | undefined;
  /** Just finished. */
  done?: string | undefined;
}

function questionsFrom(definition: SurveyDefinition, values: Answers, first: Question): Screen {
  return { kind: 'questions', questions: pageStartingAt(definition, values, first), values, progress: progressAt(definition, values, first) };
}

/** What GET shows: the asked-for page, else the thank-you page, the summary of a finished response, or where they left off. */
export function screenFor(definition: SurveyDefinition, stored: Answers | null, completed: boolean, query: ScreenQuery): Screen {
  const answers = stored ?? {};
  const first = screenQuestions(definition, {})[0];
  if (query.score !== undefined && first && isScaleQuestion(first)) {
    const score = Number(query.score);
    const scale = questionScale(first)!;
    if (/^\d{1,4}$/.test(query.score) && score >= scale.min && score <= scale.max) {
      return questionsFrom(definition, { ...answers, [first.id]: score }, first);
    }
  }
  if (query.q !== undefined) {
    const asked = screenQuestions(definition, answers).find((question) => question.id === query.q);
    if (asked) return questionsFrom(definition, answers, asked);
  }
  if (completed && query.done !== undefined) return { kind: 'thanks' };
  const resume = completed ? null : resumeQuestion(definition, answers);
  if (resume) return questionsFrom(definition, answers, resume);
  if (!stored) return first ? questionsFrom(definition, answers, first) : { kind: 'thanks' };
  const shown = screenQuestions(definition, answers);
  return { kind: 'summary', questions: shown.filter((q) => isAnswered(answers[q.id]) || !q.showIf), answers };
}
