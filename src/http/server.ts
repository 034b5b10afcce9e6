import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import { loggerOptions } from './logger.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerWebApp, SPA_CSP } from './plugins/webApp.ts';
import { sendProblem } from './problem.ts';
import { respondentRoutes } from './respondent/index.ts';
import { healthRoutes } from './routes/health/routes.ts';
import { apiV1Routes } from './routes/index.ts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface RouteEntry {
  method: string;
  url: string;
}

export interface BuildServerOptions {
  /** Serve the admin SPA from web/dist if it is built (default true). */
  webApp?: boolean;
  /** Where Fastify's request log goes; defaults to stdout at the configured level. */
  logStream?: NodeJS.WritableStream;
}

export async function buildServer(ctx: AppContext, opts: BuildServerOptions = {}): Promise<FastifyInstance & { routeTable: RouteEntry[] }> {
  const app = Fastify({
    logger: { ...loggerOptions(ctx.config.logLevel), ...(opts.logStream ? { stream: opts.logStream } : {}) },
    trustProxy: ctx.config.http.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // One-time links carry secrets in their path: never send them on as a Referer.
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    if (req.url.startsWith('/api/v1/')) reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
  });
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => Object.assign(new Error(`Rate limit exceeded, retry in ${context.after}`), { statusCode: 429 }),
  });
  registerAuth(app, ctx);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Voxpop API', version: '1', description: 'NPS and customer-experience surveys for contact centers. Errors are application/problem+json with a stable `code`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Per-organisation API token (vxp_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'voxpop_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs page and its assets are public (the document lists routes, never data).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), auth: 'public' };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(ctx));
  await app.register(
    async (api) => {
      for (const routes of apiV1Routes) await api.register(routes(ctx));
    },
    { prefix: '/api/v1' },
  );
  // Public, for respondents: server-rendered pages outside /api, and the JSON the widget and chat use.
  await app.register(respondentRoutes(ctx));

  const hasWeb = opts.webApp !== false && (await registerWebApp(app));
  app.setNotFoundHandler({ preHandler: undefined }, async (req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (hasWeb && wantsPage) return reply.header('cache-control', 'no-cache').header('content-security-policy', SPA_CSP).sendFile('index.html');
    return sendProblem(req, reply, 'not_found', { detail: `No route for ${req.method} ${req.url.split('?')[0]}` });
  });

  return Object.assign(app, { routeTable });
}
