import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { optOutByPhone } from '../../../app/campaigns/deliveryStatus.ts';
import type { AppContext } from '../../../app/context.ts';
import { safeEqual } from '../../../app/secrets.ts';
import { loadGatewayFile, type GatewayFile } from '../../../channels/sms/gatewayConfig.ts';
import { parseInboundSms } from '../../../channels/sms/httpGatewayInbound.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isOptOutReply } from '../../../domain/sms/optOut.ts';
import { errorResponses } from '../../schemas.ts';

/**
 * Replies an HTTP SMS gateway forwards to us (`/api/v1/hooks/sms/<secret>`):
 * a STOP/СТОП puts the number on do-not-contact of every organisation that
 * texted it lately. Anything else is acknowledged and not kept.
 */
export const smsInboundRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  let gateway: Promise<GatewayFile | null> | null = null;
  const loadGateway = () => (gateway ??= ctx.config.sms.gatewayFile && !ctx.config.sms.smpp ? loadGatewayFile(ctx.config.sms.gatewayFile) : Promise.resolve(null));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => done(null, String(body)));

  app.post(
    '/hooks/sms/:secret',
    {
      config: { auth: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } },
      schema: {
        tags: ['events'],
        summary: 'Incoming SMS forwarded by the HTTP SMS gateway (configured in VOXPOP_SMS_GATEWAY_FILE); STOP/СТОП opts the number out',
        params: z.object({ secret: z.string().min(1).max(200) }),
        body: z.unknown(),
        response: { 200: z.object({ optOut: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => {
      const inbound = (await loadGateway())?.inbound;
      if (!inbound || !safeEqual(inbound.secret, req.params.secret)) throw new DomainError('not_found', 'No SMS receiver at this address');
      const sms = parseInboundSms(req.body, String(req.headers['content-type'] ?? ''), inbound.mapping, { now: () => ctx.clock.now() });
      if (!isOptOutReply(sms.text)) return { optOut: false };
      await optOutByPhone(ctx, sms.from);
      return { optOut: true };
    },
  );
};
