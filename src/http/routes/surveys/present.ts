import { z } from 'zod';
import type { SurveyDetails, SurveySummary } from '../../../app/surveys/surveyDetails.ts';
import { LocalizedText, QUESTION_TYPES, SurveyDefinition, type SurveyTemplate } from '../../../domain/surveys/index.ts';
import type { SurveyStatus, SurveyVersionRow, SurveyVersionSummary } from '../../../store/repos/surveys.ts';

const SURVEY_STATUSES = ['draft', 'active', 'paused', 'closed'] as const satisfies readonly SurveyStatus[];

export const SurveySummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(SURVEY_STATUSES),
  templateId: z.string().nullable(),
  anonymous: z.boolean(),
  /** The version number new invitations use; null before the first launch. */
  currentVersion: z.int().nullable(),
  questionCount: z.int(),
  /** Problems in the draft; the survey can be launched only at 0. */
  problemCount: z.int(),
  updatedAt: z.string(),
  createdAt: z.string(),
});

const SurveyProblemView = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const QuestionPathView = z.object({
  questionId: z.string(),
  index: z.int(),
  type: z.enum(QUESTION_TYPES),
  label: LocalizedText,
  required: z.boolean(),
  shownIf: z.object({ ru: z.string(), en: z.string() }).nullable(),
  dependsOn: z.array(z.string()),
  decides: z.array(z.string()),
});

/** One entry of diffSurveys (src/domain/surveys/diffSurveys.ts): `kind` says which fields it has. */
const SurveyChangeView = z.looseObject({ kind: z.string() });

export const SurveyView = SurveySummaryView.extend({
  draft: SurveyDefinition,
  problems: z.array(SurveyProblemView),
  paths: z.object({ questions: z.array(QuestionPathView) }),
  draftDiffersFromCurrent: z.boolean(),
  changes: z.array(SurveyChangeView),
});

export const SurveyVersionSummaryView = z.object({ id: z.uuid(), version: z.int(), fingerprint: z.string(), launchedAt: z.string(), questionCount: z.int() });
export const SurveyVersionView = z.object({ id: z.uuid(), version: z.int(), definition: SurveyDefinition, launchedAt: z.string() });

export const SurveyTemplateView = z.object({
  id: z.string(),
  name: LocalizedText,
  description: LocalizedText,
  anonymous: z.boolean(),
  definition: SurveyDefinition,
});

export const presentSurveySummary = (s: SurveySummary): z.infer<typeof SurveySummaryView> => ({
  id: s.survey.id,
  name: s.survey.name,
  status: s.survey.status as SurveyStatus,
  templateId: s.survey.templateId,
  anonymous: s.survey.draft.anonymous,
  currentVersion: s.currentVersion,
  questionCount: s.questionCount,
  problemCount: s.problemCount,
  updatedAt: s.survey.updatedAt.toISOString(),
  createdAt: s.survey.createdAt.toISOString(),
});

export const presentSurvey = (s: SurveyDetails): z.infer<typeof SurveyView> => ({
  ...presentSurveySummary(s),
  draft: s.survey.draft,
  problems: s.problems,
  paths: s.paths,
  draftDiffersFromCurrent: s.draftDiffersFromCurrent,
  changes: s.changes.map((change) => ({ ...change })),
});

export const presentSurveyVersionSummary = (v: SurveyVersionSummary): z.infer<typeof SurveyVersionSummaryView> => ({
  id: v.id,
  version: v.version,
  fingerprint: v.fingerprint,
  launchedAt: v.launchedAt.toISOString(),
  questionCount: v.questionCount,
});

export const presentSurveyVersion = (v: SurveyVersionRow): z.infer<typeof SurveyVersionView> => ({
  id: v.id,
  version: v.version,
  definition: v.definition,
  launchedAt: v.launchedAt.toISOString(),
});

export const presentSurveyTemplate = (t: SurveyTemplate): z.infer<typeof SurveyTemplateView> => ({
  id: t.id,
  name: t.name,
  description: t.description,
  anonymous: t.definition.anonymous,
  definition: t.definition,
});
