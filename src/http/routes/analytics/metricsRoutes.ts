import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { responseFunnel } from '../../../app/analytics/funnel.ts';
import { metricsOverview } from '../../../app/analytics/metricsOverview.ts';
import { weightedNps } from '../../../app/analytics/weightedNps.ts';
import { createWeightingScheme, deleteWeightingScheme, getWeightingScheme, listWeightingSchemes, updateWeightingScheme } from '../../../app/analytics/weightingSchemes.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { FunnelView, MetricsView, presentFunnel, presentMetrics, presentScheme, presentWeighted, WeightedView, WeightingSchemeView } from './metricsPresent.ts';
import { FunnelQuery, MetricsQuery, WeightedQuery, WeightingSchemeBody, WeightingSchemePatch } from './schema.ts';

const params = z.object({ tenantId: uuid });
const schemeParams = z.object({ tenantId: uuid, schemeId: uuid });
const tags = ['analytics'];
const SCHEMES = '/tenants/:tenantId/analytics/weighting-schemes';

/** Every metric on the headline, weighting (post-stratification) and the response funnel. */
export const analyticsMetricsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/analytics/metrics',
    { schema: { tags, summary: 'Every metric of the scope (NPS, eNPS, CSAT, CES, FCR, CLI questions, own keys) with n, interval and the tested change against the previous period', params, querystring: MetricsQuery, response: { 200: MetricsView, ...errorResponses } } },
    async (req) => presentMetrics(await metricsOverview(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    '/tenants/:tenantId/analytics/weighted',
    { schema: { tags, summary: 'Unweighted and post-stratified NPS by a weighting scheme, with the effective sample size and each stratum', params, querystring: WeightedQuery, response: { 200: WeightedView, ...errorResponses } } },
    async (req) => presentWeighted(await weightedNps(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    '/tenants/:tenantId/analytics/funnel',
    { schema: { tags, summary: 'Per channel: campaign messages planned → sent → delivered → opened → started → completed, and the response rate', params, querystring: FunnelQuery, response: { 200: FunnelView, ...errorResponses } } },
    async (req) => presentFunnel(await responseFunnel(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    SCHEMES,
    { schema: { tags, summary: 'The organisation’s weighting schemes', params, response: { 200: z.object({ items: z.array(WeightingSchemeView) }), ...errorResponses } } },
    async (req) => ({ items: (await listWeightingSchemes(ctx, actorOf(req), req.params.tenantId)).map(presentScheme) }),
  );

  app.post(
    SCHEMES,
    { schema: { tags, summary: 'Create a weighting scheme: known population shares of a dimension’s values', params, body: WeightingSchemeBody, response: { 201: WeightingSchemeView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(presentScheme(await createWeightingScheme(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req)))),
  );

  app.get(
    `${SCHEMES}/:schemeId`,
    { schema: { tags, summary: 'One weighting scheme', params: schemeParams, response: { 200: WeightingSchemeView, ...errorResponses } } },
    async (req) => presentScheme(await getWeightingScheme(ctx, actorOf(req), req.params.tenantId, req.params.schemeId)),
  );

  app.patch(
    `${SCHEMES}/:schemeId`,
    { schema: { tags, summary: 'Change a weighting scheme’s name, dimension or shares', params: schemeParams, body: WeightingSchemePatch, response: { 200: WeightingSchemeView, ...errorResponses } } },
    async (req) => presentScheme(await updateWeightingScheme(ctx, actorOf(req), req.params.tenantId, req.params.schemeId, req.body, requestMeta(req))),
  );

  app.delete(
    `${SCHEMES}/:schemeId`,
    { schema: { tags, summary: 'Remove a weighting scheme', params: schemeParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteWeightingScheme(ctx, actorOf(req), req.params.tenantId, req.params.schemeId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );
};
