import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { embedRoutes } from './embed.ts';
import { respondentPages } from './plugin.ts';
import { publicApiRoutes } from './publicApi.ts';
import { publicRateLimit } from './rateLimits.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';

/**
 * Everything a respondent reaches without signing in: the pages (/s, /f) and
 * the JSON API for the widget and chat (/api/public/v1). One rate limit
 * counts requests to both, per address and per link.
 */
export const respondentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const rateLimit = publicRateLimit(app);
    await app.register(respondentPages(ctx, rateLimit));
    await app.register(publicApiRoutes(ctx, rateLimit), { prefix: '/api/public/v1' });
    await app.register(embedRoutes(ctx, rateLimit));
    await app.register(unsubscribeRoutes(ctx, rateLimit));
  };
