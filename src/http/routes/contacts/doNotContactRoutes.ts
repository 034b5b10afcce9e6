import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { addDoNotContactFor, listDoNotContactFor, removeDoNotContactFor } from '../../../app/contacts/doNotContact.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { DoNotContactView, presentDoNotContact } from './present.ts';
import { DoNotContactBody } from './schema.ts';

const tenantParams = z.object({ tenantId: uuid });
const tags = ['contacts'];

export const doNotContactRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/do-not-contact',
    {
      schema: {
        tags,
        summary: 'Phones and emails never to contact',
        params: tenantParams,
        querystring: z.object({ cursor: z.string().max(400).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(DoNotContactView), nextCursor: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await listDoNotContactFor(ctx, actorOf(req), req.params.tenantId, req.query);
      return { items: page.items.map(presentDoNotContact), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/tenants/:tenantId/do-not-contact',
    { schema: { tags, summary: 'Add a phone or email (normalised; adding one twice is harmless)', params: tenantParams, body: DoNotContactBody, response: { 201: DoNotContactView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(presentDoNotContact(await addDoNotContactFor(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req)))),
  );

  app.delete(
    '/tenants/:tenantId/do-not-contact/:kind/:value',
    {
      schema: {
        tags,
        summary: 'Remove a phone or email from the list',
        params: z.object({ tenantId: uuid, kind: z.enum(['phone', 'email']), value: z.string().min(3).max(254) }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeDoNotContactFor(ctx, actorOf(req), req.params.tenantId, req.params.kind, req.params.value, requestMeta(req));
      return reply.code(204).send(null);
    },
  );
};
