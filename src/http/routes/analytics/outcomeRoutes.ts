import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importOutcomesCsvFor } from '../../../app/analytics/importOutcomesCsv.ts';
import { outcomeKeys, outcomesByGroup } from '../../../app/analytics/outcomesByGroup.ts';
import { upsertOutcomesFor } from '../../../app/analytics/upsertOutcomes.ts';
import type { AppContext } from '../../../app/context.ts';
import { invalid } from '../../../app/errors.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, problemSchema, uuid } from '../../schemas.ts';
import {
  OutcomeCsvReportView,
  OutcomeKeysView,
  OutcomesBody,
  OutcomesByGroupView,
  OutcomesQuery,
  OutcomeUpsertView,
  presentCsvReport,
  presentOutcomeKeys,
  presentOutcomesByGroup,
  presentUpsert,
} from './outcomePresent.ts';

const params = z.object({ tenantId: uuid });
const tags = ['analytics'];
/** 10,000 outcomes of ~120 bytes each, with room to spare. */
const UPSERT_BODY_LIMIT = 4 * 1_048_576;

/** Behavioural outcomes per contact (churn, repeat purchase, revenue) and their comparison by NPS group. */
export const outcomeRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.put(
    '/tenants/:tenantId/analytics/outcomes',
    {
      bodyLimit: UPSERT_BODY_LIMIT,
      schema: { tags, summary: 'Set outcomes of known contacts (up to 10,000 per call); unknown contacts are reported by index, not created', params, body: OutcomesBody, response: { 200: OutcomeUpsertView, ...errorResponses } },
    },
    async (req) => presentUpsert(await upsertOutcomesFor(ctx, actorOf(req), req.params.tenantId, req.body.outcomes, requestMeta(req))),
  );

  // Its own scope, so the raw-body parser serves this route only.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.addContentTypeParser(['text/csv', 'application/octet-stream'], (_req, payload, done) => done(null, payload));
    upload.post(
      '/tenants/:tenantId/analytics/outcomes.csv',
      {
        schema: {
          tags,
          summary: 'Upload outcomes as CSV (external_id|phone|email, observed_on?, one column per key): good rows applied, bad rows reported by line; dryRun only reports',
          params,
          querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
          response: { 200: OutcomeCsvReportView, 413: problemSchema, ...errorResponses },
        },
      },
      async (req) => {
        if (!(req.body instanceof Readable)) throw invalid('validation', 'Send the file as the request body with Content-Type: text/csv', { field: 'body' });
        const declared = Number.parseInt(String(req.headers['content-length'] ?? ''), 10);
        const report = await importOutcomesCsvFor(
          ctx,
          actorOf(req),
          req.params.tenantId,
          { body: req.body, declaredBytes: Number.isFinite(declared) ? declared : null, dryRun: req.query.dryRun },
          requestMeta(req),
        );
        return presentCsvReport(report);
      },
    );
  });

  app.get(
    '/tenants/:tenantId/analytics/outcomes',
    { schema: { tags, summary: 'An outcome by NPS group (latest named answer of each contact in the period), with detractors − promoters and its test', params, querystring: OutcomesQuery, response: { 200: OutcomesByGroupView, ...errorResponses } } },
    async (req) => presentOutcomesByGroup(await outcomesByGroup(ctx, actorOf(req), req.params.tenantId, req.query)),
  );

  app.get(
    '/tenants/:tenantId/analytics/outcome-keys',
    { schema: { tags, summary: 'The outcome keys uploaded, with how many contacts hold each', params, response: { 200: OutcomeKeysView, ...errorResponses } } },
    async (req) => presentOutcomeKeys(await outcomeKeys(ctx, actorOf(req), req.params.tenantId)),
  );
};
