/**
 * A tenant's survey settings: how often one person may be asked (across all
 * its surveys) and the answer dimensions it defines beyond the built-in ones.
 */
import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { customDimensionsProblems, type CustomDimension } from '../../domain/surveys/dimensions.ts';
import { findSurveySettings, updateSurveySettings, type SurveySettingsRow } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

export interface SurveySettings {
  /** Ask one person at most once in this many days; null = no cap. */
  frequencyCapDays: number | null;
  customDimensions: CustomDimension[];
}

const fromRow = (row: SurveySettingsRow): SurveySettings => ({ frequencyCapDays: row.surveyFrequencyCapDays, customDimensions: row.customDimensions });

export async function getSurveySettings(ctx: AppContext, actor: Actor, tenantId: string): Promise<SurveySettings> {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  const row = await findSurveySettings(ctx.db, tenantId);
  if (!row) throw notFound('Organisation');
  return fromRow(row);
}

/** Replaces both settings; audited with the fields that changed (dimension keys only, labels are wording). */
export async function putSurveySettings(ctx: AppContext, actor: Actor, tenantId: string, settings: SurveySettings, meta: RequestMeta): Promise<SurveySettings> {
  requireTenantPermission(actor, tenantId, 'surveys.manage');
  const problems = customDimensionsProblems(settings.customDimensions);
  if (problems.length > 0) throw new DomainError('validation', problems.map((p) => p.message).join('; '), { errors: problems });
  const customDimensions = settings.customDimensions.map(({ key, label }) => ({ key, label: { ru: label.ru, en: label.en } }));
  return ctx.db.transaction(async (tx) => {
    const before = await findSurveySettings(tx, tenantId);
    if (!before) throw notFound('Organisation');
    const after = await updateSurveySettings(tx, tenantId, { surveyFrequencyCapDays: settings.frequencyCapDays, customDimensions });
    if (!after) throw notFound('Organisation');
    const changed = [
      ...(before.surveyFrequencyCapDays !== after.surveyFrequencyCapDays ? ['frequencyCapDays'] : []),
      ...(JSON.stringify(before.customDimensions) !== JSON.stringify(after.customDimensions) ? ['customDimensions'] : []),
    ];
    if (changed.length > 0) {
      await recordAudit(tx, actor, meta, {
        action: 'tenant.survey_settings_changed',
        tenantId,
        targetType: 'tenant',
        targetId: tenantId,
        details: { changed, frequencyCapDays: after.surveyFrequencyCapDays, customDimensionKeys: after.customDimensions.map((d) => d.key) },
      });
    }
    return fromRow(after);
  });
}
