import type { Actor } from '../../domain/access.ts';
import { updateSurvey, type SurveyStatus } from '../../store/repos/surveys.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { wrongStatus } from './errors.ts';
import { currentVersionOf, describeSurvey, requireSurvey, type SurveyDetails } from './surveyDetails.ts';

export type SurveyStatusAction = 'pause' | 'resume' | 'close';

/** Which statuses each action starts from, where it leads, and what to say otherwise. */
const TRANSITIONS: Record<SurveyStatusAction, { from: readonly SurveyStatus[]; to: SurveyStatus; audit: string; refusal: string }> = {
  pause: { from: ['active'], to: 'paused', audit: 'survey.paused', refusal: 'Only an active survey can be paused' },
  resume: { from: ['paused'], to: 'active', audit: 'survey.resumed', refusal: 'Only a paused survey can be resumed' },
  close: { from: ['active', 'paused'], to: 'closed', audit: 'survey.closed', refusal: 'Only a launched survey can be closed; a draft can be deleted instead' },
};

/** Pause (links say "closed for now"), resume, or close for good. The draft and versions are untouched. */
export async function changeSurveyStatus(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  surveyId: string,
  action: SurveyStatusAction,
  meta: RequestMeta,
): Promise<SurveyDetails> {
  requireTenantPermission(actor, tenantId, 'surveys.manage');
  const transition = TRANSITIONS[action];
  return ctx.db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, tenantId, surveyId, { forUpdate: true });
    const status = survey.status as SurveyStatus;
    if (!transition.from.includes(status)) throw wrongStatus(transition.refusal, status);
    const changed = await updateSurvey(tx, tenantId, surveyId, { status: transition.to }, ctx.clock.now());
    if (!changed) throw notFound('Survey');
    await recordAudit(tx, actor, meta, {
      action: transition.audit,
      tenantId,
      targetType: 'survey',
      targetId: surveyId,
      details: { from: status, to: transition.to },
    });
    return describeSurvey(changed, await currentVersionOf(tx, changed));
  });
}
