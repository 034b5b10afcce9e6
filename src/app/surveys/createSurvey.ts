import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { blankSurveyDefinition, findSurveyTemplate, localize, SURVEY_ERROR_CODES, type SurveyDefinition } from '../../domain/surveys/index.ts';
import { insertSurvey } from '../../store/repos/surveys.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { describeSurvey, type SurveyDetails } from './surveyDetails.ts';

/** At most one of `templateId` and `definition`; with neither the survey starts blank. */
export interface NewSurveyInput {
  name?: string;
  templateId?: string;
  definition?: SurveyDefinition;
}

const UNTITLED = { ru: 'Новый опрос', en: 'New survey' } as const;

export async function createSurvey(ctx: AppContext, actor: Actor, tenantId: string, input: NewSurveyInput, meta: RequestMeta): Promise<SurveyDetails> {
  requireTenantPermission(actor, tenantId, 'surveys.manage');
  if (input.templateId !== undefined && input.definition !== undefined) {
    const message = 'Give either a template or a definition, not both';
    throw new DomainError('validation', message, { errors: [{ path: 'templateId', message }] });
  }
  return ctx.db.transaction(async (tx) => {
    const tenant = await findTenant(tx, tenantId, null);
    if (!tenant) throw notFound('Organisation');
    const locale = tenant.locale === 'en' ? 'en' : 'ru';
    const start = startingPoint(input, locale);
    const survey = await insertSurvey(tx, tenantId, {
      name: input.name ?? start.name,
      templateId: input.templateId ?? null,
      draft: start.draft,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, meta, {
      action: 'survey.created',
      tenantId,
      targetType: 'survey',
      targetId: survey.id,
      details: { name: survey.name, templateId: survey.templateId },
    });
    return describeSurvey(survey, null);
  });
}

function startingPoint(input: NewSurveyInput, locale: 'ru' | 'en'): { name: string; draft: SurveyDefinition } {
  if (input.templateId !== undefined) {
    const template = findSurveyTemplate(input.templateId);
    if (!template) {
      throw new DomainError(SURVEY_ERROR_CODES.unknownTemplate, `There is no survey template "${input.templateId}"`, {
        errors: [{ path: 'templateId', message: 'is not a known template' }],
      });
    }
    return { name: localize(template.name, locale, 'en') ?? template.id, draft: structuredClone(template.definition) };
  }
  return { name: UNTITLED[locale], draft: input.definition ?? blankSurveyDefinition(locale) };
}
