import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, retryDelivery } from '../../../app/webhooks/webhooks.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { WebhookDeliveryView, WebhookEventBody, WebhookEventName, WebhookView, presentDelivery, presentWebhook } from './present.ts';

const tags = ['webhooks'];
const params = z.object({ tenantId: uuid });
const endpointParams = params.extend({ webhookId: uuid });

export const webhookRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/webhooks',
    { schema: { tags, summary: 'Webhook endpoints of an organisation', params, response: { 200: z.object({ items: z.array(WebhookView) }), ...errorResponses } } },
    async (req) => ({ items: (await listWebhooks(ctx, actorOf(req), req.params.tenantId)).map(presentWebhook) }),
  );

  app.post(
    '/tenants/:tenantId/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a webhook endpoint; the signing secret is in this response only',
        description: WebhookEventBody.description,
        params,
        body: z.strictObject({ url: z.url().max(2000), events: z.array(WebhookEventName).min(1) }),
        response: { 201: z.object({ webhook: WebhookView, secret: z.string().describe('HMAC-SHA256 key for Voxpop-Signature; shown once') }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { endpoint, secret } = await createWebhook(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req));
      return reply.code(201).header('cache-control', 'no-store').send({ webhook: presentWebhook(endpoint), secret });
    },
  );

  app.delete(
    '/tenants/:tenantId/webhooks/:webhookId',
    { schema: { tags, summary: 'Remove a webhook endpoint and its delivery history', params: endpointParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteWebhook(ctx, actorOf(req), req.params.tenantId, req.params.webhookId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/tenants/:tenantId/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags,
        summary: 'Latest deliveries of an endpoint (100); `status=dead` is the dead-letter view',
        params: endpointParams,
        querystring: z.object({ status: z.enum(['pending', 'delivered', 'failed', 'dead']).optional() }),
        response: { 200: z.object({ items: z.array(WebhookDeliveryView) }), ...errorResponses },
      },
    },
    async (req) => ({ items: (await listDeliveries(ctx, actorOf(req), req.params.tenantId, req.params.webhookId, req.query.status)).map(presentDelivery) }),
  );

  app.post(
    '/tenants/:tenantId/webhooks/:webhookId/deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed or dead delivery again now (one more try)',
        params: endpointParams.extend({ deliveryId: uuid }),
        response: { 200: WebhookDeliveryView, ...errorResponses },
      },
    },
    async (req) => presentDelivery(await retryDelivery(ctx, actorOf(req), req.params.tenantId, req.params.webhookId, req.params.deliveryId, requestMeta(req))),
  );
};
