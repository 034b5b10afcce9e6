// Shapes of the surveys API (docs/API-ISSUE4.md). Definitions, problems, paths and
// changes are the domain's own types, so the editor and the server speak one language.
import type { SurveyChange, SurveyDefinition, SurveyPaths, SurveyProblem } from '../../src/domain/surveys/index.ts';
import type { LocalizedText } from '../../src/domain/surveys/localizedText.ts';

export type { SurveyChange, SurveyDefinition, SurveyPaths, SurveyProblem };

export const SURVEY_STATUSES = ['draft', 'active', 'paused', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export interface SurveySummary {
  id: string;
  name: string;
  status: SurveyStatus;
  templateId: string | null;
  anonymous: boolean;
  currentVersion: number | null;
  questionCount: number;
  problemCount: number;
  updatedAt: string;
  createdAt: string;
}

export interface SurveyView extends SurveySummary {
  draft: SurveyDefinition;
  problems: SurveyProblem[];
  paths: SurveyPaths;
  draftDiffersFromCurrent: boolean;
  changes: SurveyChange[];
}

export interface SurveyTemplateView {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  anonymous: boolean;
  definition: SurveyDefinition;
}
