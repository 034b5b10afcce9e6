import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getLexicon, putLexicon, resetLexicon } from '../../../app/analytics/commentLexicon.ts';
import type { AppContext } from '../../../app/context.ts';
import { TaxonomyInput } from '../../../domain/comments/index.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { LexiconView, presentLexicon } from './lexiconPresent.ts';

const params = z.object({ tenantId: uuid });
const tags = ['analytics'];
const url = '/tenants/:tenantId/analytics/lexicon';

export const lexiconRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    url,
    { schema: { tags, summary: 'The organisation’s topic lexicon (the starter until edited), its version, re-analysis progress and classifier state', params, response: { 200: LexiconView, ...errorResponses } } },
    async (req) => presentLexicon(await getLexicon(ctx, actorOf(req), req.params.tenantId)),
  );

  app.put(
    url,
    {
      schema: {
        tags,
        summary: 'Replace the topic lexicon (same shape as the starter: topics with ru/en terms); bumps the version and re-analyses the comments in the background',
        params,
        body: TaxonomyInput,
        response: { 200: LexiconView, ...errorResponses },
      },
    },
    async (req) => presentLexicon(await putLexicon(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req))),
  );

  app.post(
    `${url}/reset`,
    { schema: { tags, summary: 'Go back to the starter lexicon (as a new version)', params, response: { 200: LexiconView, ...errorResponses } } },
    async (req) => presentLexicon(await resetLexicon(ctx, actorOf(req), req.params.tenantId, requestMeta(req))),
  );
};
