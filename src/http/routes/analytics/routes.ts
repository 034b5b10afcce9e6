import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { npsBreakdown } from '../../../app/analytics/breakdown.ts';
import { employeeRanking } from '../../../app/analytics/employeeRanking.ts';
import { npsHeadline } from '../../../app/analytics/headline.ts';
import { npsTrend } from '../../../app/analytics/trend.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { BreakdownView, EmployeesView, HeadlineView, presentBreakdown, presentEmployees, presentHeadline, presentTrend, TrendView } from './present.ts';
import { BreakdownQuery, EmployeesQuery, HeadlineQuery, TrendQuery } from './schema.ts';

const params = z.object({ tenantId: uuid });
const tags = ['analytics'];

/** The NPS dashboard, read from the metric rollups. Dates are local to the organisation’s time zone. */
export const analyticsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/analytics/headline',
    { schema: { tags, summary: 'NPS of a period with its interval, against the previous period of the same length', params, querystring: HeadlineQuery, response: { 200: HeadlineView, ...errorResponses } } },
    async (req) => presentHeadline(await npsHeadline(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    '/tenants/:tenantId/analytics/trend',
    { schema: { tags, summary: 'NPS by day, week, month, quarter or year, and the 0–10 distribution', params, querystring: TrendQuery, response: { 200: TrendView, ...errorResponses } } },
    async (req) => presentTrend(await npsTrend(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    '/tenants/:tenantId/analytics/breakdown',
    { schema: { tags, summary: 'NPS per value of a dimension, sorted; small groups flagged and not ranked', params, querystring: BreakdownQuery, response: { 200: BreakdownView, ...errorResponses } } },
    async (req) => presentBreakdown(await npsBreakdown(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    '/tenants/:tenantId/analytics/employees',
    { schema: { tags, summary: 'Employee ranking that does not reward luck (empirical Bayes or interval lower bound)', params, querystring: EmployeesQuery, response: { 200: EmployeesView, ...errorResponses } } },
    async (req) => presentEmployees(await employeeRanking(ctx, actorOf(req), req.params.tenantId, req.query)),
  );
};
