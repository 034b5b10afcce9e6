import { z } from 'zod';
import type { Respondent } from '../../app/respondent/openRespondent.ts';
import type { Answers } from '../../domain/surveys/answer.ts';
import { localize } from '../../domain/surveys/localizedText.ts';
import type { Question } from '../../domain/surveys/question.ts';
import { resumeQuestion } from '../../domain/surveys/respondentFlow.ts';
import { questionScale } from '../../domain/surveys/scales.ts';

const PublicQuestion = z.object({
  id: z.string(),
  type: z.string(),
  text: z.string(),
  label: z.string(),
  required: z.boolean(),
  showIf: z.unknown().nullable().describe('The show-if rule, as in the survey definition; the widget evaluates it on the answers so far'),
  scale: z.object({ min: z.number(), max: z.number() }).nullable(),
  scaleLabels: z.array(z.object({ value: z.number(), label: z.string() })),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  maxLength: z.number().nullable(),
});

export const PublicResponseState = z.object({
  status: z.enum(['new', 'partial', 'completed']),
  answers: z.record(z.string(), z.unknown()),
  next: z.string().nullable().describe('The question to ask next; null when nothing is left'),
  dropped: z.array(z.string()).describe('Answers given to questions that the other answers hide; not kept'),
  handle: z.string().nullable().describe('The link secret to continue with (equals the token for invitations)'),
});

export const PublicSurveyView = z.object({
  surveyVersion: z.number().int(),
  language: z.string(),
  languages: z.array(z.string()),
  anonymous: z.boolean(),
  thankYou: z.string(),
  questions: z.array(PublicQuestion),
  response: PublicResponseState,
});

function presentQuestion(question: Question, lang: string, fallback: string): z.infer<typeof PublicQuestion> {
  const text = (value: Parameters<typeof localize>[0]) => localize(value, lang, fallback) ?? '';
  return {
    id: question.id,
    type: question.type,
    text: text(question.text),
    label: text(question.label),
    required: question.required,
    showIf: question.showIf ?? null,
    scale: questionScale(question),
    scaleLabels: 'scaleLabels' in question ? (question.scaleLabels ?? []).map((l) => ({ value: l.value, label: text(l.label) })) : [],
    options: 'options' in question ? question.options.map((o) => ({ id: o.id, label: text(o.label) })) : [],
    maxLength: question.type === 'open_text' ? (question.maxLength ?? null) : null,
  };
}

export function presentState(
  respondent: Respondent,
  answers: Answers | null,
  status: string | null,
  extra: { dropped?: string[]; handle?: string | null } = {},
): z.infer<typeof PublicResponseState> {
  const definition = respondent.version.definition;
  return {
    status: (status ?? 'new') as 'new' | 'partial' | 'completed',
    answers: answers ?? {},
    next: resumeQuestion(definition, answers ?? {})?.id ?? null,
    dropped: extra.dropped ?? [],
    handle: extra.handle ?? respondent.handle,
  };
}

export function presentSurvey(respondent: Respondent, lang: string): z.infer<typeof PublicSurveyView> {
  const { definition, number } = respondent.version;
  const fallback = definition.defaultLanguage;
  return {
    surveyVersion: number,
    language: lang,
    languages: definition.languages,
    anonymous: definition.anonymous,
    thankYou: localize(definition.thankYou, lang, fallback) ?? '',
    questions: definition.questions.map((q) => presentQuestion(q, lang, fallback)),
    response: presentState(respondent, respondent.response?.answers ?? null, respondent.response?.status ?? null),
  };
}
