import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createUser, listUsers, removeMembership, setMembership, updateUser } from '../../../app/users/manageUsers.ts';
import { INSTALLATION_ROLES, TENANT_ROLES } from '../../../domain/access.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { email, errorResponses, locale, password, uuid } from '../../schemas.ts';
import { presentUser, UserView } from './present.ts';

const installationRole = z.enum(INSTALLATION_ROLES).nullable();
const tenantRole = z.enum(TENANT_ROLES);
const userParams = z.object({ userId: uuid });
const membershipParams = z.object({ userId: uuid, tenantId: uuid });

export const userRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const session = { auth: 'session' as const };

  app.get('/users', { config: session, schema: { tags: ['users'], summary: 'All users (installation administrators)', response: { 200: z.object({ items: z.array(UserView) }), ...errorResponses } } }, async (req) => ({
    items: (await listUsers(ctx, actorOf(req))).map(presentUser),
  }));

  app.post(
    '/users',
    {
      config: session,
      schema: {
        tags: ['users'],
        summary: 'Create a user; without a password they get an email link to choose one',
        body: z.strictObject({
          email,
          name: z.string().trim().min(1).max(200),
          locale: locale.optional(),
          password: password.optional(),
          installationRole: installationRole.optional(),
          memberships: z.array(z.strictObject({ tenantId: uuid, role: tenantRole })).max(500).optional(),
        }),
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(presentUser(await createUser(ctx, actorOf(req), req.body, requestMeta(req)))),
  );

  app.patch(
    '/users/:userId',
    {
      config: session,
      schema: {
        tags: ['users'],
        summary: 'Rename, change role, disable or enable a user',
        params: userParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), locale: locale.optional(), installationRole: installationRole.optional(), disabled: z.boolean().optional() }),
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (req) => presentUser(await updateUser(ctx, actorOf(req), req.params.userId, req.body, requestMeta(req))),
  );

  app.put(
    '/users/:userId/memberships/:tenantId',
    { config: session, schema: { tags: ['users'], summary: 'Give a user a role in an organisation', params: membershipParams, body: z.strictObject({ role: tenantRole }), response: { 200: UserView, ...errorResponses } } },
    async (req) => presentUser(await setMembership(ctx, actorOf(req), req.params.userId, req.params.tenantId, req.body.role, requestMeta(req))),
  );

  app.delete(
    '/users/:userId/memberships/:tenantId',
    { config: session, schema: { tags: ['users'], summary: 'Remove a user from an organisation', params: membershipParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await removeMembership(ctx, actorOf(req), req.params.userId, req.params.tenantId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );
};
