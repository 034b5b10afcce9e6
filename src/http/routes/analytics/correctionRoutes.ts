import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { correctComment, uncorrectComment } from '../../../app/analytics/commentCorrections.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { CommentView, presentComment } from './commentPresent.ts';

const params = z.object({ tenantId: uuid, answerId: z.string().regex(/^\d{1,18}$/, 'must be a comment id').transform(Number) });
const tags = ['analytics'];
const url = '/tenants/:tenantId/analytics/comments/:answerId/correction';

export const CorrectionBody = z.strictObject({
  topics: z.array(z.string().min(1).max(40)).max(20).describe('The comment’s topics (ids of the organisation’s lexicon); [] for none'),
  sentiment: z.enum(['negative', 'neutral', 'positive']),
});

export const correctionRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.put(
    url,
    {
      schema: {
        tags,
        summary: 'Correct a comment’s topics and sentiment: applies at once, survives re-analysis, teaches the organisation’s classifier',
        params,
        body: CorrectionBody,
        response: { 200: CommentView, ...errorResponses },
      },
    },
    async (req) => presentComment(await correctComment(ctx, actorOf(req), req.params.tenantId, req.params.answerId, req.body)),
  );

  app.delete(
    url,
    { schema: { tags, summary: 'Remove the correction: the engine’s analysis comes back', params, response: { 200: CommentView, ...errorResponses } } },
    async (req) => presentComment(await uncorrectComment(ctx, actorOf(req), req.params.tenantId, req.params.answerId)),
  );
};
