import type { Actor } from '../../domain/access.ts';
import { listSurveys as listSurveyRows } from '../../store/repos/surveys.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { summarizeSurvey, type SurveySummary } from './surveyDetails.ts';

/** Surveys that are not archived, newest first. */
export async function listSurveys(ctx: AppContext, actor: Actor, tenantId: string): Promise<SurveySummary[]> {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  const rows = await listSurveyRows(ctx.db, tenantId);
  return rows.map((row) => summarizeSurvey(row.survey, row.currentVersion));
}
