import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { chatPageRoutes } from './chatPage.ts';
import { embedAssetRoutes } from './embedAssets.ts';
import { feedbackStartApiRoutes } from './feedbackStartApi.ts';
import type { PublicRateLimit } from './rateLimits.ts';

/**
 * The respondent's other screens: the website widget (/widget.js, and the
 * feedback-link start of the public API it needs) and the chat page (/c/:token,
 * /chat.js). Both answer through /api/public/v1, like any page.
 */
export const embedRoutes =
  (ctx: AppContext, rateLimit: PublicRateLimit): FastifyPluginAsync =>
  async (app) => {
    await app.register(embedAssetRoutes());
    await app.register(chatPageRoutes(ctx, rateLimit));
    await app.register(feedbackStartApiRoutes(ctx, rateLimit), { prefix: '/api/public/v1' });
  };
