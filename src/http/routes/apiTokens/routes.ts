import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/tokens/apiTokens.ts';
import { API_SCOPES } from '../../../domain/access.ts';
import type { ApiTokenRow } from '../../../store/repos/apiTokens.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, isoDate, uuid } from '../../schemas.ts';

const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const present = (t: ApiTokenRow): z.infer<typeof ApiTokenView> => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
const scopeEnum = z.enum(Object.keys(API_SCOPES) as [keyof typeof API_SCOPES, ...Array<keyof typeof API_SCOPES>]);

export const apiTokenRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const session = { auth: 'session' as const };

  app.get('/api-token-scopes', { schema: { tags: ['api tokens'], summary: 'Scopes an API token can carry', response: { 200: z.object({ items: z.array(z.object({ scope: z.string(), description: z.string() })) }) } } }, async () => ({
    items: Object.entries(API_SCOPES).map(([scope, description]) => ({ scope, description })),
  }));

  app.get(
    '/tenants/:tenantId/api-tokens',
    { config: session, schema: { tags: ['api tokens'], summary: 'API tokens of an organisation', params: z.object({ tenantId: uuid }), response: { 200: z.object({ items: z.array(ApiTokenView) }), ...errorResponses } } },
    async (req) => ({ items: (await listApiTokens(ctx, actorOf(req), req.params.tenantId)).map(present) }),
  );

  app.post(
    '/tenants/:tenantId/api-tokens',
    {
      config: session,
      schema: {
        tags: ['api tokens'],
        summary: 'Create an API token; the secret is in this response only',
        params: z.object({ tenantId: uuid }),
        body: z.strictObject({ name: z.string().trim().min(1).max(100), scopes: z.array(scopeEnum).min(1), expiresAt: isoDate.nullable().optional() }),
        response: { 201: z.object({ token: ApiTokenView, secret: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { token, secret } = await createApiToken(
        ctx,
        actorOf(req),
        req.params.tenantId,
        { name: req.body.name, scopes: req.body.scopes, expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null },
        requestMeta(req),
      );
      return reply.code(201).header('cache-control', 'no-store').send({ token: present(token), secret });
    },
  );

  app.delete(
    '/tenants/:tenantId/api-tokens/:tokenId',
    { config: session, schema: { tags: ['api tokens'], summary: 'Revoke an API token', params: z.object({ tenantId: uuid, tokenId: uuid }), response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await revokeApiToken(ctx, actorOf(req), req.params.tenantId, req.params.tokenId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );
};
