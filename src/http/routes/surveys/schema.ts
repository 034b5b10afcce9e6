/** Request schemas of the survey routes. Bodies are strict: unknown fields are refused. */
import { z } from 'zod';
import { SurveyDefinition, surveyTemplates } from '../../../domain/surveys/index.ts';
import { uuid } from '../../schemas.ts';

const templateIds = surveyTemplates.map((template) => template.id) as [string, ...string[]];
const name = z.string().trim().min(1).max(200);

export const surveyParams = z.object({ tenantId: uuid, surveyId: uuid });
export const tenantParams = z.object({ tenantId: uuid });
export const versionParams = surveyParams.extend({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export const CreateSurveyBody = z
  .strictObject({
    /** Defaults to the template's name in the organisation's language, or "New survey". */
    name: name.optional(),
    templateId: z.enum(templateIds).optional(),
    /** A whole definition, e.g. copied from another survey; saved even with problems. */
    definition: SurveyDefinition.optional(),
  })
  .refine((body) => body.templateId === undefined || body.definition === undefined, {
    message: 'Give either a template or a definition, not both',
    path: ['templateId'],
  });

export const UpdateSurveyBody = z.strictObject({
  name: name.optional(),
  /** The whole draft; it must have the shape of a definition, its content may still have problems. */
  draft: SurveyDefinition.optional(),
});
