import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../app/auth/sessionCookie.ts';
import { resolveApiToken } from '../../app/auth/resolveApiToken.ts';
import { resolveSession, type SessionPrincipal } from '../../app/auth/resolveSession.ts';
import type { AppContext, RequestMeta } from '../../app/context.ts';
import { safeEqual } from '../../app/secrets.ts';
import { canSeeTenant, type Actor } from '../../domain/access.ts';
import { sendProblem } from '../problem.ts';

/** Who may call a route: anyone, a signed-in person (cookie), or a person or an API token. */
export type RouteAuth = 'public' | 'session' | 'any';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionPrincipal | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip ?? null,
  userAgent: (req.headers['user-agent'] ?? '').slice(0, 300) || null,
});

/** The actor of an authenticated route; the auth hook guarantees it is set. */
export const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req, reply) => {
    // Unknown paths are answered by the not-found handler alone (a problem, or the SPA page).
    const mode: RouteAuth = req.is404 ? 'public' : (req.routeOptions.config?.auth ?? 'any');
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const actor = await resolveApiToken(ctx, bearer);
      if (!actor) return sendProblem(req, reply, 'unauthenticated', { detail: 'The API token is unknown, revoked or expired' });
      req.actor = actor;
    } else {
      const secret = req.cookies[SESSION_COOKIE];
      const session = secret ? await resolveSession(ctx, secret) : null;
      if (session) {
        req.session = session;
        req.actor = session.actor;
        // Cookies ride along on cross-site requests; a write must also carry the page's CSRF token.
        if (UNSAFE.has(req.method) && mode !== 'public' && !safeEqual(String(req.headers['x-csrf-token'] ?? ''), session.csrfToken)) {
          return sendProblem(req, reply, 'auth.csrf');
        }
      }
    }
    if (mode === 'public') return;
    if (!req.actor) return sendProblem(req, reply, 'unauthenticated');
    // The tenant wall at the edge: a tenant in the URL that the caller cannot see answers 404
    // before anything else is looked at (role, body), for every route, present and future.
    const tenantId = (req.params as Record<string, string> | undefined)?.tenantId;
    if (tenantId !== undefined && !canSeeTenant(req.actor, tenantId)) {
      return sendProblem(req, reply, 'not_found', { detail: 'Organisation not found' });
    }
    // Routes for people (users, tokens, audit) do not exist for API tokens: 404, like any resource
    // the caller cannot see, so a token cannot probe which users or tokens exist.
    if (mode === 'session' && req.actor.kind !== 'user') {
      return sendProblem(req, reply, 'not_found', { detail: 'This route is for signed-in people and is not available with an API token' });
    }
  });
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, secret: string) {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.http.secureCookies,
    maxAge: Math.floor(ctx.config.sessionTtlMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.http.secureCookies });
}
