import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmPasswordReset } from '../../../app/auth/confirmPasswordReset.ts';
import { login } from '../../../app/auth/login.ts';
import { logout } from '../../../app/auth/logout.ts';
import { requestPasswordReset } from '../../../app/auth/requestPasswordReset.ts';
import { updateProfile } from '../../../app/auth/updateProfile.ts';
import type { AppContext } from '../../../app/context.ts';
import { clearSessionCookie, requestMeta, setSessionCookie } from '../../plugins/auth.ts';
import { email, errorResponses, locale, password } from '../../schemas.ts';
import { UserView } from '../users/present.ts';
import { loadUserView } from './loadUserView.ts';

const sessionView = z.object({ user: UserView, csrfToken: z.string() });

export const authRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets an HttpOnly session cookie',
        body: z.strictObject({ email, password: z.string().min(1).max(200) }),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await login(ctx, req.body, requestMeta(req));
      setSessionCookie(reply, ctx, session.secret);
      return { user: await loadUserView(ctx, session.userId), csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { config: { auth: 'session' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await logout(ctx, req.session!, requestMeta(req));
    clearSessionCookie(reply, ctx);
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { config: { auth: 'session' }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: sessionView, ...errorResponses } } }, async (req) => ({
    user: await loadUserView(ctx, req.session!.user.id),
    csrfToken: req.session!.csrfToken,
  }));

  app.patch(
    '/auth/me',
    {
      config: { auth: 'session' },
      schema: { tags: ['auth'], summary: 'Change your name or language', body: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), locale: locale.optional() }), response: { 200: z.object({ user: UserView }), ...errorResponses } },
    },
    async (req) => {
      const user = await updateProfile(ctx, req.session!.actor, req.body);
      return { user: await loadUserView(ctx, user.id) };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { auth: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Email a one-time link to set a new password (answers 202 whether or not the address exists)', body: z.strictObject({ email }), response: { 202: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, req.body.email, requestMeta(req));
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Set a new password with the emailed link', body: z.strictObject({ token: z.string().min(1).max(200), password }), response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await confirmPasswordReset(ctx, req.body, requestMeta(req));
      return reply.code(204).send(null);
    },
  );
};
