import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { getSurveySettings, putSurveySettings } from '../../../app/surveySettings/surveySettings.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { presentSurveySettings, SurveySettingsView } from './present.ts';
import { SurveySettingsBody } from './schema.ts';

const params = z.object({ tenantId: uuid });
const tags = ['surveys'];

export const surveySettingsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/survey-settings',
    { schema: { tags, summary: 'The frequency cap and the answer dimensions (built-in and custom) of the organisation', params, response: { 200: SurveySettingsView, ...errorResponses } } },
    async (req) => presentSurveySettings(await getSurveySettings(ctx, actorOf(req), req.params.tenantId)),
  );

  app.put(
    '/tenants/:tenantId/survey-settings',
    {
      schema: {
        tags,
        summary: 'Replace the frequency cap (null = none) and the custom dimensions; keys must not repeat or reuse a built-in one',
        params,
        body: SurveySettingsBody,
        response: { 200: SurveySettingsView, ...errorResponses },
      },
    },
    async (req) => presentSurveySettings(await putSurveySettings(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req))),
  );
};
