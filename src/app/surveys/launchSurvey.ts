import type { Actor } from '../../domain/access.ts';
import { surveyFingerprint, validateSurvey } from '../../domain/surveys/index.ts';
import { insertSurveyVersion, updateSurvey } from '../../store/repos/surveys.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { surveyHasProblems, wrongStatus } from './errors.ts';
import { currentVersionOf, describeSurvey, requireSurvey, type SurveyDetails } from './surveyDetails.ts';

/**
 * Publishes the draft: refuses while it has problems; freezes it as a new
 * version only if it differs from the current one (relaunching unchanged, or
 * resuming a paused survey through launch, makes no new version); makes the
 * survey active. The row lock on the survey makes concurrent launches take turns,
 * so the second sees the first one's version and freezes nothing.
 */
export async function launchSurvey(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, meta: RequestMeta): Promise<SurveyDetails> {
  requireTenantPermission(actor, tenantId, 'surveys.manage');
  return ctx.db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, tenantId, surveyId, { forUpdate: true });
    if (survey.status === 'closed') throw wrongStatus('A closed survey cannot be launched again; start a new survey from its definition instead', 'closed');
    const { problems } = validateSurvey(survey.draft);
    if (problems.length > 0) throw surveyHasProblems(problems);

    let current = await currentVersionOf(tx, survey);
    const fingerprint = surveyFingerprint(survey.draft);
    const frozeNewVersion = current === null || current.fingerprint !== fingerprint;
    if (frozeNewVersion) {
      current = await insertSurveyVersion(tx, tenantId, surveyId, {
        definition: survey.draft,
        fingerprint,
        launchedBy: actor.kind === 'user' ? actor.userId : null,
        launchedAt: ctx.clock.now(),
      });
    }
    const launched = await updateSurvey(tx, tenantId, surveyId, { status: 'active', currentVersionId: current!.id }, ctx.clock.now());
    if (!launched) throw notFound('Survey');
    await recordAudit(tx, actor, meta, {
      action: 'survey.launched',
      tenantId,
      targetType: 'survey',
      targetId: surveyId,
      details: { version: current!.version, frozeNewVersion, previousStatus: survey.status },
    });
    return describeSurvey(launched, current);
  });
}
