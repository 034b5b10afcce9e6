import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMMENTS_PAGE_MAX, listCommentsForExplorer, topicImpact } from '../../../app/analytics/comments.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { CommentView, presentComment, presentTopics, TopicsView } from './commentPresent.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const scopeQuery = {
  surveyId: uuid.optional(),
  dimension: z.string().min(1).max(100).optional().describe("'channel' or an answer attribute (service_type, employee …)"),
  value: z.string().max(500).optional(),
  from: day.optional().describe('Completed on or after this local date (tenant time zone)'),
  to: day.optional().describe('Completed on or before this local date'),
};

export const commentRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/analytics/comments',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Comment explorer: analysed comments, newest first, by search, topic, sentiment, score and dimension (cursor paging)',
        params: z.object({ tenantId: uuid }),
        querystring: z.strictObject({
          ...scopeQuery,
          q: z.string().max(500).optional().describe('Full-text search, web-search syntax, in each comment’s language'),
          topic: z.string().min(1).max(100).optional(),
          sentiment: z.enum(['negative', 'neutral', 'positive']).optional().describe('The combined (text and score) label'),
          scoreMin: z.coerce.number().int().min(0).max(10).optional(),
          scoreMax: z.coerce.number().int().min(0).max(10).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(COMMENTS_PAGE_MAX).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(CommentView),
            nextCursor: z.string().nullable(),
            anonymousWithheld: z.number().int().describe('Anonymous comments on this page not shown because their survey has fewer than 5 answers'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const page = await listCommentsForExplorer(ctx, actorOf(req), req.params.tenantId, req.query);
      return { items: page.items.map(presentComment), nextCursor: page.nextCursor, anonymousWithheld: page.anonymousWithheld };
    },
  );

  app.get(
    '/tenants/:tenantId/analytics/topics',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Topic NPS impact: NPS of respondents mentioning each topic against the rest, with n',
        params: z.object({ tenantId: uuid }),
        querystring: z.strictObject(scopeQuery),
        response: { 200: TopicsView, ...errorResponses },
      },
    },
    async (req) => presentTopics(await topicImpact(ctx, actorOf(req), req.params.tenantId, req.query)),
  );
};
