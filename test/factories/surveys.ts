import type { AppContext } from '../../src/app/context.ts';
import { surveyFingerprint, templateDefinition, type SurveyDefinition } from '../../src/domain/surveys/index.ts';
import { insertSurvey, insertSurveyVersion, updateSurvey, type SurveyRow, type SurveyVersionRow } from '../../src/store/repos/surveys.ts';

/**
 * A survey of `tenantId`, by default a copy of the transactional NPS template.
 * With `launched: true` its draft is also frozen as version 1 and the survey is active.
 */
export async function makeSurvey(
  ctx: AppContext,
  tenantId: string,
  opts: { name?: string; templateId?: string | null; draft?: SurveyDefinition; launched?: boolean } = {},
): Promise<{ survey: SurveyRow; version: SurveyVersionRow | null }> {
  const templateId = opts.templateId === undefined ? 'transactional_nps' : opts.templateId;
  const draft = opts.draft ?? templateDefinition(templateId ?? 'transactional_nps');
  const survey = await insertSurvey(ctx.db, tenantId, { name: opts.name ?? 'Test survey', templateId, draft, createdBy: null });
  if (!opts.launched) return { survey, version: null };
  const version = await insertSurveyVersion(ctx.db, tenantId, survey.id, { definition: draft, fingerprint: surveyFingerprint(draft), launchedBy: null, launchedAt: ctx.clock.now() });
  const active = await updateSurvey(ctx.db, tenantId, survey.id, { status: 'active', currentVersionId: version.id }, ctx.clock.now());
  return { survey: active!, version };
}
