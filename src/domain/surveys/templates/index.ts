/**
 * Surveys to start from. Each is a complete definition in Russian and English
 * that passes validateSurvey as is (a test holds every template to that).
 * Templates are frozen; copy one with `templateDefinition(id)` to edit it.
 */
import { DomainError } from '../../errors.ts';
import type { SurveyDefinition } from '../definition.ts';
import { SURVEY_ERROR_CODES } from '../errors.ts';
import type { LocalizedText } from '../localizedText.ts';
import { employeeNps } from './employees.ts';
import { customerLoyaltyIndex, wouldMissUs } from './loyalty.ts';
import { relationalNps, transactionalNps } from './nps.ts';
import { customerEffort, postCallCsatFcr } from './service.ts';
import { ruEn } from './shared.ts';

export interface SurveyTemplate {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  definition: SurveyDefinition;
}

export const surveyTemplates: readonly SurveyTemplate[] = deepFreeze([
  {
    id: 'transactional_nps',
    name: ruEn('NPS после обращения', 'Transactional NPS'),
    description: ruEn(
      'Готовность рекомендовать компанию сразу после обращения. Тем, кто поставил 6 и ниже, задаётся вопрос, что улучшить.',
      'Likelihood to recommend right after a service contact. Anyone scoring 6 or below is asked what to improve.',
    ),
    definition: transactionalNps,
  },
  {
    id: 'relational_nps',
    name: ruEn('Регулярный замер NPS', 'Relational NPS'),
    description: ruEn(
      'Периодический замер лояльности, не привязанный к конкретному обращению, с вопросом о причине оценки.',
      'A periodic loyalty check, not tied to any one contact, with a question about the reason for the score.',
    ),
    definition: relationalNps,
  },
  {
    id: 'post_call_csat_fcr',
    name: ruEn('CSAT и FCR после звонка', 'Post-call CSAT + FCR'),
    description: ruEn(
      'Оценка разговора со специалистом и вопрос, решена ли проблема с первого обращения. При оценке 3 и ниже — вопрос, что можно улучшить.',
      'Satisfaction with the call and whether the issue was resolved on first contact. Scores of 3 or below get a question on what to improve.',
    ),
    definition: postCallCsatFcr,
  },
  {
    id: 'ces',
    name: ruEn('Индекс усилий клиента (CES)', 'Customer Effort Score (CES)'),
    description: ruEn(
      'Насколько легко клиенту было решить свой вопрос. При низкой оценке — вопрос о том, что вызвало сложности.',
      'How easy it was for the customer to get their issue resolved. Low scores get a question on what made it hard.',
    ),
    definition: customerEffort,
  },
  {
    id: 'cli',
    name: ruEn('Индекс лояльности клиентов (CLI)', 'Customer Loyalty Index (CLI)'),
    description: ruEn(
      'Три вопроса по шкале от 0 до 10: готовность рекомендовать, продолжать пользоваться услугами и общая удовлетворённость. Индекс — их среднее.',
      'Three 0–10 questions — likelihood to recommend, to keep using the service, and overall satisfaction — averaged into one index.',
    ),
    definition: customerLoyaltyIndex,
  },
  {
    id: 'enps',
    name: ruEn('eNPS — лояльность сотрудников', 'Employee NPS (eNPS)'),
    description: ruEn(
      'Анонимный опрос сотрудников из двух вопросов: порекомендовали бы они компанию как место работы и почему.',
      'An anonymous two-question employee survey: would they recommend the company as a place to work, and why.',
    ),
    definition: employeeNps,
  },
  {
    id: 'would_miss_us',
    name: ruEn('«Будет ли нас не хватать?»', '“Would you miss us?”'),
    description: ruEn(
      'Один вопрос о том, насколько клиенту будет не хватать компании, и что он ценит в ней больше всего.',
      'One question on how much the customer would miss the company, and what they value most about it.',
    ),
    definition: wouldMissUs,
  },
]);

export function findSurveyTemplate(id: string): SurveyTemplate | undefined {
  return surveyTemplates.find((template) => template.id === id);
}

/** An editable copy of a template's definition. Throws survey.unknown_template for an unknown id. */
export function templateDefinition(id: string): SurveyDefinition {
  const template = findSurveyTemplate(id);
  if (!template) throw new DomainError(SURVEY_ERROR_CODES.unknownTemplate, `There is no survey template "${id}"`, { templateId: id });
  return structuredClone(template.definition);
}

/** Shared constants must not be edited in place by one caller and seen changed by the next. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
