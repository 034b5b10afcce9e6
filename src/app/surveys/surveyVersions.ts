import type { Actor } from '../../domain/access.ts';
import { findSurveyVersion, listSurveyVersions as listVersionRows, type SurveyVersionRow, type SurveyVersionSummary } from '../../store/repos/surveys.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { requireSurvey } from './surveyDetails.ts';

/** The launched versions of a survey, newest first. */
export async function listSurveyVersions(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string): Promise<SurveyVersionSummary[]> {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  await requireSurvey(ctx.db, tenantId, surveyId);
  return listVersionRows(ctx.db, tenantId, surveyId);
}

/** One frozen version, exactly as it was launched. */
export async function getSurveyVersion(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, version: number): Promise<SurveyVersionRow> {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  await requireSurvey(ctx.db, tenantId, surveyId);
  const row = await findSurveyVersion(ctx.db, tenantId, surveyId, version);
  if (!row) throw notFound('Survey version');
  return row;
}
