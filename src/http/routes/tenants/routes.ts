import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createTenant } from '../../../app/tenants/createTenant.ts';
import { getTenant, listVisibleTenants } from '../../../app/tenants/readTenants.ts';
import { updateTenant } from '../../../app/tenants/updateTenant.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, locale, region, timezone, uuid } from '../../schemas.ts';
import { presentTenant, TenantView } from './present.ts';

const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'lowercase letters, digits and dashes, up to 48 characters');
const params = z.object({ tenantId: uuid });

export const tenantRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/tenants', { schema: { tags: ['tenants'], summary: 'Organisations you can see', response: { 200: z.object({ items: z.array(TenantView) }), ...errorResponses } } }, async (req) => ({
    items: (await listVisibleTenants(ctx, actorOf(req))).map(presentTenant),
  }));

  app.post(
    '/tenants',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['tenants'],
        summary: 'Create a client organisation',
        body: z.strictObject({ name: z.string().trim().min(1).max(200), slug, locale: locale.default('ru'), timezone: timezone.default('Europe/Moscow'), defaultRegion: region.default('RU') }),
        response: { 201: TenantView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(presentTenant(await createTenant(ctx, actorOf(req), req.body, requestMeta(req)))),
  );

  app.get('/tenants/:tenantId', { schema: { tags: ['tenants'], summary: 'One organisation', params, response: { 200: TenantView, ...errorResponses } } }, async (req) =>
    presentTenant(await getTenant(ctx, actorOf(req), req.params.tenantId)),
  );

  app.patch(
    '/tenants/:tenantId',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['tenants'],
        summary: 'Change or archive an organisation',
        params,
        body: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), locale: locale.optional(), timezone: timezone.optional(), defaultRegion: region.optional(), archived: z.boolean().optional() }),
        response: { 200: TenantView, ...errorResponses },
      },
    },
    async (req) => presentTenant(await updateTenant(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req))),
  );
};
