import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelCampaign, createCampaign, deleteDraftCampaign, getCampaign, launchCampaign, listCampaigns, pauseCampaign, resumeCampaign, updateCampaign } from '../../../app/campaigns/campaigns.ts';
import { previewMessage, testSend } from '../../../app/campaigns/messages.ts';
import { campaignStats } from '../../../app/campaigns/stats.ts';
import type { AppContext } from '../../../app/context.ts';
import { hasPermission } from '../../../domain/access.ts';
import { CampaignAudience, CampaignLimits, ChannelPlan } from '../../../domain/campaigns/plan.ts';
import { listAttempts } from '../../../store/repos/campaigns.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { AttemptView, CampaignView, StatsView, presentAttempt, presentCampaign } from './present.ts';

const tags = ['campaigns'];
const params = z.object({ tenantId: uuid });
const campaignParams = params.extend({ campaignId: uuid });
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');
const SendWindow = z.strictObject({ days: z.array(z.int().min(1).max(7)).min(1).max(7), from: LocalTime, to: LocalTime });

const CampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  surveyId: uuid,
  audience: CampaignAudience,
  plan: ChannelPlan,
  sendWindow: SendWindow.nullable().optional().describe('Days (1 = Monday) and hours, in each person’s own time zone; also bounded by the organisation’s contact hours'),
  limits: CampaignLimits.optional(),
  expiresInDays: z.int().min(1).max(365).optional(),
});

export const campaignRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns of an organisation, newest first',
        params,
        querystring: z.object({ status: z.enum(['draft', 'running', 'paused', 'completed', 'cancelled']).optional() }),
        response: { 200: z.object({ items: z.array(CampaignView) }), ...errorResponses },
      },
    },
    async (req) => ({ items: (await listCampaigns(ctx, actorOf(req), req.params.tenantId, req.query.status)).map(presentCampaign) }),
  );

  app.post(
    '/tenants/:tenantId/campaigns',
    { schema: { tags, summary: 'Create a campaign (a draft): survey, audience, channel plan, window, limits', params, body: CampaignBody, response: { 201: CampaignView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(presentCampaign(await createCampaign(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req)))),
  );

  app.get(
    '/tenants/:tenantId/campaigns/:campaignId',
    { schema: { tags, summary: 'One campaign', params: campaignParams, response: { 200: CampaignView, ...errorResponses } } },
    async (req) => presentCampaign(await getCampaign(ctx, actorOf(req), req.params.tenantId, req.params.campaignId)),
  );

  app.patch(
    '/tenants/:tenantId/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Change a campaign: anything while a draft; after launch, its name, plan (steps may be added or changed), window, limits and link expiry (for invitations made from then on)',
        params: campaignParams,
        body: CampaignBody.partial(),
        response: { 200: CampaignView, ...errorResponses },
      },
    },
    async (req) => presentCampaign(await updateCampaign(ctx, actorOf(req), req.params.tenantId, req.params.campaignId, req.body, requestMeta(req))),
  );

  const lifecycle = [
    ['launch', 'Launch a draft: plan its audience and start sending', launchCampaign],
    ['pause', 'Pause: nothing more is sent until resumed', pauseCampaign],
    ['resume', 'Resume a paused campaign (also after it paused itself on its budget)', resumeCampaign],
    ['cancel', 'Cancel for good: nothing waiting is sent', cancelCampaign],
  ] as const;
  for (const [action, summary, run] of lifecycle) {
    app.post(
      `/tenants/:tenantId/campaigns/:campaignId/${action}`,
      { schema: { tags, summary, params: campaignParams, response: { 200: CampaignView, ...errorResponses } } },
      async (req) => presentCampaign(await run(ctx, actorOf(req), req.params.tenantId, req.params.campaignId, requestMeta(req))),
    );
  }

  app.get(
    '/tenants/:tenantId/campaigns/:campaignId/stats',
    { schema: { tags, summary: 'The campaign monitor: per-channel funnel (planned → sent → delivered → opened → started → completed) and reasons', params: campaignParams, response: { 200: StatsView, ...errorResponses } } },
    async (req) => campaignStats(ctx, actorOf(req), req.params.tenantId, req.params.campaignId),
  );

  app.get(
    '/tenants/:tenantId/campaigns/:campaignId/attempts',
    {
      schema: {
        tags,
        summary: 'Latest messages of a campaign (200), with their delivery status; the address only for people who may see contacts',
        params: campaignParams,
        querystring: z.object({ status: z.string().max(200).optional().describe('Comma-separated statuses') }),
        response: { 200: z.object({ items: z.array(AttemptView) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await getCampaign(ctx, actor, req.params.tenantId, req.params.campaignId);
      // Addresses are personal data: only the people who may see contacts see them.
      const showAddress = hasPermission(actor, req.params.tenantId, 'contacts.read');
      const statuses = req.query.status?.split(',').map((s) => s.trim()).filter(Boolean);
      const rows = await listAttempts(ctx.db, req.params.tenantId, req.params.campaignId, { limit: 200, statuses });
      return { items: rows.map((row) => ({ ...presentAttempt(row), ...(showAddress ? {} : { address: null }) })) };
    },
  );

  app.delete(
    '/tenants/:tenantId/campaigns/:campaignId',
    { schema: { tags, summary: 'Delete a draft campaign (a launched one is cancelled instead, so its history stays)', params: campaignParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteDraftCampaign(ctx, actorOf(req), req.params.tenantId, req.params.campaignId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/tenants/:tenantId/campaigns/:campaignId/preview',
    {
      schema: {
        tags,
        summary: 'The message of a step as a given contact would get it (the link in a preview leads nowhere)',
        params: campaignParams,
        body: z.strictObject({ step: z.int().min(0).max(9), contactId: uuid.optional(), language: z.string().min(2).max(10).optional() }),
        response: {
          200: z.object({
            channel: z.enum(['email', 'sms', 'voice']),
            from: z.string(),
            to: z.string().nullable(),
            subject: z.string().optional(),
            text: z.string().optional(),
            html: z.string().optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const m = await previewMessage(ctx, actorOf(req), req.params.tenantId, req.params.campaignId, req.body);
      return { channel: m.channel, from: m.from, to: m.to, ...('subject' in m ? { subject: m.subject, html: m.html } : {}), ...('text' in m ? { text: m.text } : {}) };
    },
  );

  app.post(
    '/tenants/:tenantId/campaigns/:campaignId/test-send',
    {
      schema: {
        tags,
        summary: 'Send a step’s message once to yourself, with a working test link (answers through it are kept out of results)',
        params: campaignParams,
        body: z.strictObject({ step: z.int().min(0).max(9), to: z.string().trim().min(3).max(254), language: z.string().min(2).max(10).optional() }),
        response: { 202: z.object({ invitationId: uuid, channel: z.string(), to: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(await testSend(ctx, actorOf(req), req.params.tenantId, req.params.campaignId, req.body)),
  );
};
