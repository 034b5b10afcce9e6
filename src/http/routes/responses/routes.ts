import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { listResponses, RESPONSES_PAGE_MAX } from '../../../app/responses/listResponses.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { presentResponse, ResponseView } from './present.ts';

export const responseRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/surveys/:surveyId/responses',
    {
      schema: {
        tags: ['responses'],
        summary: 'Answers to a survey, newest first, with their dimensions (cursor paging)',
        params: z.object({ tenantId: uuid, surveyId: uuid }),
        querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(RESPONSES_PAGE_MAX).default(50) }),
        response: {
          200: z.object({
            items: z.array(ResponseView),
            nextCursor: z.string().nullable(),
            anonymousWithheld: z.number().int().describe('Anonymous answers on this page not shown because the survey has fewer than 5 (they still count in totals)'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const page = await listResponses(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.query);
      return { items: page.items.map(presentResponse), nextCursor: page.nextCursor, anonymousWithheld: page.anonymousWithheld };
    },
  );
};
