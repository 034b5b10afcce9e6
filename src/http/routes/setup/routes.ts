import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { completeSetup, isSetupNeeded } from '../../../app/setup/firstAdmin.ts';
import type { AppContext } from '../../../app/context.ts';
import { requestMeta, setSessionCookie } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { email, errorResponses, password } from '../../schemas.ts';
import { loadUserView } from '../auth/loadUserView.ts';
import { UserView } from '../users/present.ts';

export const setupRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/setup', { config: { auth: 'public' }, schema: { tags: ['setup'], summary: 'Is the first-admin setup still needed?', response: { 200: z.object({ needed: z.boolean() }) } } }, async () => ({
    needed: await isSetupNeeded(ctx),
  }));

  app.post(
    '/setup',
    {
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        summary: 'Create the first owner with the one-time link printed at start-up',
        body: z.strictObject({ token: z.string().min(1).max(200), email, name: z.string().trim().min(1).max(200), password }),
        response: { 201: z.object({ user: UserView, csrfToken: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      // The owner keeps the language they set Voxpop up in.
      const session = await completeSetup(ctx, { ...req.body, locale: requestLocale(req) }, requestMeta(req));
      setSessionCookie(reply, ctx, session.secret);
      return reply.code(201).send({ user: await loadUserView(ctx, session.userId), csrfToken: session.csrfToken });
    },
  );
};
