import type { Actor } from '../../domain/access.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { loadSurveyDetails, type SurveyDetails } from './surveyDetails.ts';

export async function getSurvey(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string): Promise<SurveyDetails> {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  return loadSurveyDetails(ctx.db, tenantId, surveyId);
}
