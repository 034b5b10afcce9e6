import type { Actor } from '../../domain/access.ts';
import type { SurveyDefinition } from '../../domain/surveys/index.ts';
import { updateSurvey } from '../../store/repos/surveys.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { currentVersionOf, describeSurvey, type SurveyDetails } from './surveyDetails.ts';

export interface SurveyDraftChanges {
  name?: string;
  draft?: SurveyDefinition;
}

/**
 * Saves the name and the draft, even half-done (the view lists its problems).
 * Launched versions are never touched: respondents keep getting the current
 * version until the survey is launched again. Not audited: the editor saves as
 * the author types, and the launch that publishes a draft is audited.
 */
export async function updateSurveyDraft(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  surveyId: string,
  changes: SurveyDraftChanges,
): Promise<SurveyDetails> {
  requireTenantPermission(actor, tenantId, 'surveys.manage');
  return ctx.db.transaction(async (tx) => {
    const patch = { ...(changes.name !== undefined ? { name: changes.name } : {}), ...(changes.draft !== undefined ? { draft: changes.draft } : {}) };
    const survey = await updateSurvey(tx, tenantId, surveyId, patch, ctx.clock.now());
    if (!survey) throw notFound('Survey');
    return describeSurvey(survey, await currentVersionOf(tx, survey));
  });
}
