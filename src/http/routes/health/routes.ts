import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { sendProblem } from '../../problem.ts';

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { auth: 'public' }, schema: { hide: true, response: { 200: z.object({ status: z.literal('ready') }) } } }, async (req, reply) => {
    try {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ready' as const };
    } catch {
      return sendProblem(req, reply, 'not_ready', { detail: 'The database does not answer' });
    }
  });
};
