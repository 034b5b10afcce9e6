/**
 * The read model of a survey that every survey use case returns: the row, its
 * current version and what the editor needs to know about the draft (problems,
 * paths, and how it differs from what respondents currently see).
 */
import {
  diffSurveys,
  surveyFingerprint,
  surveyPaths,
  validateSurvey,
  type SurveyChange,
  type SurveyPaths,
  type SurveyProblem,
} from '../../domain/surveys/index.ts';
import type { Queryable } from '../../store/db.ts';
import { findSurvey, findSurveyVersionById, type SurveyRow, type SurveyVersionRow } from '../../store/repos/surveys.ts';
import { notFound } from '../errors.ts';

export interface SurveySummary {
  survey: SurveyRow;
  currentVersion: number | null;
  questionCount: number;
  problemCount: number;
}

export interface SurveyDetails extends SurveySummary {
  problems: SurveyProblem[];
  paths: SurveyPaths;
  /** True when launching now would freeze a new version (always, before the first launch). */
  draftDiffersFromCurrent: boolean;
  /** From the current version to the draft; empty before the first launch. */
  changes: SurveyChange[];
}

export function summarizeSurvey(survey: SurveyRow, currentVersion: number | null): SurveySummary {
  return { survey, currentVersion, questionCount: survey.draft.questions.length, problemCount: validateSurvey(survey.draft).problems.length };
}

export function describeSurvey(survey: SurveyRow, current: SurveyVersionRow | null): SurveyDetails {
  const { problems } = validateSurvey(survey.draft);
  return {
    survey,
    currentVersion: current?.version ?? null,
    questionCount: survey.draft.questions.length,
    problemCount: problems.length,
    problems,
    paths: surveyPaths(survey.draft),
    draftDiffersFromCurrent: current === null || surveyFingerprint(survey.draft) !== current.fingerprint,
    changes: current ? diffSurveys(current.definition, survey.draft) : [],
  };
}

/** A survey that is not archived, or a 404. */
export async function requireSurvey(q: Queryable, tenantId: string, surveyId: string, opts: { forUpdate?: boolean } = {}): Promise<SurveyRow> {
  const survey = await findSurvey(q, tenantId, surveyId, opts);
  if (!survey) throw notFound('Survey');
  return survey;
}

export async function currentVersionOf(q: Queryable, survey: SurveyRow): Promise<SurveyVersionRow | null> {
  return survey.currentVersionId ? findSurveyVersionById(q, survey.tenantId, survey.currentVersionId) : null;
}

export async function loadSurveyDetails(q: Queryable, tenantId: string, surveyId: string): Promise<SurveyDetails> {
  const survey = await requireSurvey(q, tenantId, surveyId);
  return describeSurvey(survey, await currentVersionOf(q, survey));
}
