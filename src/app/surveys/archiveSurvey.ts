import type { Actor } from '../../domain/access.ts';
import { updateSurvey } from '../../store/repos/surveys.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { requireSurvey } from './surveyDetails.ts';

/**
 * "Delete" for people: the survey leaves every list and route (404 from now
 * on), but it and its versions stay in the database, because answers refer to
 * them. A survey still taking answers is closed first, so its links stop.
 */
export async function archiveSurvey(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, meta: RequestMeta): Promise<void> {
  requireTenantPermission(actor, tenantId, 'surveys.manage');
  await ctx.db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, tenantId, surveyId, { forUpdate: true });
    const closes = survey.status === 'active' || survey.status === 'paused';
    const archived = await updateSurvey(tx, tenantId, surveyId, { archivedAt: ctx.clock.now(), ...(closes ? { status: 'closed' as const } : {}) }, ctx.clock.now());
    if (!archived) throw notFound('Survey');
    await recordAudit(tx, actor, meta, {
      action: 'survey.archived',
      tenantId,
      targetType: 'survey',
      targetId: surveyId,
      details: { name: survey.name, previousStatus: survey.status },
    });
  });
}
