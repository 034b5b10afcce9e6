import { surveyTemplates, type SurveyTemplate } from '../../domain/surveys/index.ts';

/** Templates are the same for everyone signed in; they hold no tenant data. */
export function listSurveyTemplates(): readonly SurveyTemplate[] {
  return surveyTemplates;
}
