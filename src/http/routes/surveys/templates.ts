import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { listSurveyTemplates } from '../../../app/surveys/listSurveyTemplates.ts';
import { errorResponses } from '../../schemas.ts';
import { presentSurveyTemplate, SurveyTemplateView } from './present.ts';

export const surveyTemplateRoutes = (_ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/survey-templates',
    { schema: { tags: ['surveys'], summary: 'Surveys to start from, in Russian and English', response: { 200: z.object({ items: z.array(SurveyTemplateView) }), ...errorResponses } } },
    async () => ({ items: listSurveyTemplates().map(presentSurveyTemplate) }),
  );
};
