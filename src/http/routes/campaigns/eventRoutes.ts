import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCampaignSettings, putCampaignSettings } from '../../../app/campaigns/campaignSettings.ts';
import { createEventHook, deleteEventHook, listEventHooks } from '../../../app/campaigns/eventHooks.ts';
import { receiveEvent, receiveHookEvent } from '../../../app/campaigns/events.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, isoDate, timezone, uuid } from '../../schemas.ts';

const params = z.object({ tenantId: uuid });
const Text = z.string().trim().min(1).max(200);

export const ServiceEventBody = z
  .strictObject({
    eventId: z.string().trim().min(1).max(200).describe('Your id of the event: a repeat with the same id is recognised and changes nothing'),
    type: z.string().trim().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'lower-case letters, digits, _ and .').describe('e.g. service_delivered'),
    occurredAt: isoDate.optional().describe('When the service happened; the campaign’s delay counts from here (default: now)'),
    customer: z.strictObject({
      externalId: Text.optional(),
      phone: z.string().trim().min(3).max(40).optional(),
      email: z.string().trim().min(3).max(254).optional(),
      name: Text.optional(),
      language: z.string().trim().min(2).max(10).optional(),
      timezone: timezone.optional(),
    }),
    serviceType: Text.optional(),
    department: Text.optional(),
    employee: Text.optional(),
    attributes: z.record(z.string().max(40), z.string().max(200)).optional().describe('Further answer dimensions (snake_case keys)'),
  })
  .describe('A service event from a CRM or telephony. Every running campaign listening for its type (and matching its filter) schedules its survey.');

const EventResult = z.object({
  eventId: z.string(),
  duplicate: z.boolean(),
  contactId: uuid.nullable(),
  scheduled: z.array(z.object({ campaignId: uuid, invitationId: uuid, firstAttemptAt: z.string() })),
});

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');
const Optional = (max: number) => z.string().trim().max(max).nullable();
const SettingsBody = z.strictObject({
  contactHours: z.strictObject({ from: LocalTime, to: LocalTime }).describe('When people may be contacted, in their own time zone (default 09:00–21:00)'),
  email: z.strictObject({ fromName: Optional(100), fromAddress: z.email().nullable(), replyTo: z.email().nullable() }),
  sms: z.strictObject({ senderId: z.string().trim().regex(/^([A-Za-z0-9 ._-]{1,11}|\+?\d{3,15})$/, 'up to 11 letters and digits, or a number').nullable() }),
});
const SettingsView = SettingsBody.extend({ defaults: z.object({ fromAddress: z.string(), senderId: z.string() }) });

export const eventRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/tenants/:tenantId/events',
    { schema: { tags: ['events'], summary: 'Receive a service event that triggers surveys (API token with events:write)', params, body: ServiceEventBody, response: { 200: EventResult, ...errorResponses } } },
    async (req) => receiveEvent(ctx, actorOf(req), req.params.tenantId, req.body),
  );

  app.post(
    '/hooks/events/:secret',
    {
      config: { auth: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } },
      schema: {
        tags: ['events'],
        summary: 'The same, for systems that cannot set headers: the secret URL (made under event-hooks) names the organisation',
        params: z.object({ secret: z.string().min(10).max(100) }),
        body: ServiceEventBody,
        response: { 200: EventResult, ...errorResponses },
      },
    },
    async (req) => receiveHookEvent(ctx, req.params.secret, req.body),
  );

  const HookView = z.object({ id: uuid, name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
  const present = (h: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }) => ({ id: h.id, name: h.name, createdAt: h.createdAt.toISOString(), lastUsedAt: h.lastUsedAt?.toISOString() ?? null });
  app.get(
    '/tenants/:tenantId/event-hooks',
    { schema: { tags: ['events'], summary: 'Secret receiver URLs of the organisation (the URLs themselves are not shown again)', params, response: { 200: z.object({ items: z.array(HookView) }), ...errorResponses } } },
    async (req) => ({ items: (await listEventHooks(ctx, actorOf(req), req.params.tenantId)).map(present) }),
  );
  app.post(
    '/tenants/:tenantId/event-hooks',
    { schema: { tags: ['events'], summary: 'Make a secret receiver URL; it is in this response only', params, body: z.strictObject({ name: Text }), response: { 201: z.object({ hook: HookView, url: z.string() }), ...errorResponses } } },
    async (req, reply) => {
      const { hook, url } = await createEventHook(ctx, actorOf(req), req.params.tenantId, req.body.name, requestMeta(req));
      return reply.code(201).header('cache-control', 'no-store').send({ hook: present(hook), url });
    },
  );
  app.delete(
    '/tenants/:tenantId/event-hooks/:hookId',
    { schema: { tags: ['events'], summary: 'Remove a receiver URL', params: params.extend({ hookId: uuid }), response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteEventHook(ctx, actorOf(req), req.params.tenantId, req.params.hookId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/tenants/:tenantId/campaign-settings',
    { schema: { tags: ['campaigns'], summary: 'Contact hours and sender settings (email From/reply-to, SMS sender id) of the organisation', params, response: { 200: SettingsView, ...errorResponses } } },
    async (req) => getCampaignSettings(ctx, actorOf(req), req.params.tenantId),
  );
  app.put(
    '/tenants/:tenantId/campaign-settings',
    { schema: { tags: ['campaigns'], summary: 'Replace contact hours and sender settings (null = the installation’s default)', params, body: SettingsBody, response: { 200: SettingsView, ...errorResponses } } },
    async (req) => putCampaignSettings(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req)),
  );
};
