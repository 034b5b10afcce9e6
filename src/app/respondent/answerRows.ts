import type { AnswerValue } from '../../domain/surveys/answer.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import type { AnswerRowInsert } from '../../store/repos/responses.ts';

/** The analytics rows of a response's answers: scores as numbers (FCR yes = 1), choices as ids, text (or a transcript) as text. */
export function answerRows(definition: SurveyDefinition, answers: Record<string, AnswerValue>): AnswerRowInsert[] {
  return definition.questions.flatMap((question) => {
    if (!Object.hasOwn(answers, question.id)) return [];
    const value = answers[question.id]!;
    const row: AnswerRowInsert = { questionId: question.id, questionType: question.type, metricKey: question.metricKey, score: null, choices: null, text: null };
    if (typeof value === 'number') row.score = value;
    else if (typeof value === 'boolean') row.score = value ? 1 : 0;
    else if (Array.isArray(value)) row.choices = value;
    else if (typeof value === 'string') {
      if (question.type === 'single_choice') row.choices = [value];
      else row.text = value;
    } else row.text = value.transcript ?? null;
    return [row];
  });
}
