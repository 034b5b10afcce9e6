import { z } from 'zod';
import { WEBHOOK_EVENT_NAMES } from '../../../domain/webhooks/events.ts';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../../store/repos/webhooks.ts';

export const WebhookEventName = z.enum(WEBHOOK_EVENT_NAMES);

export const WebhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});

/** The JSON body POSTed to the receiver (also shown per delivery), documented here for the OpenAPI document. */
const ResponseEventData = z
  .object({
    responseId: z.uuid(),
    surveyId: z.uuid(),
    surveyVersion: z.number().int(),
    contactId: z.uuid().nullable().optional().describe('Absent for anonymous surveys'),
    invitationId: z.uuid().nullable().optional().describe('Absent for anonymous surveys'),
    feedbackLinkId: z.uuid().nullable(),
    answers: z.record(z.string(), z.unknown()).describe('Question id → answer'),
    attributes: z.record(z.string(), z.string()),
    channel: z.string(),
    language: z.string(),
    test: z.boolean().describe('Given through a test link: not a real answer'),
    completedAt: z.string(),
    npsQuestionId: z.string().optional().describe('detractor.received only'),
    score: z.number().int().optional().describe('detractor.received only: the NPS score, 0–6'),
  })
  .describe('response.completed, detractor.received');

const InvitationFailedData = z
  .object({
    campaignId: z.uuid(),
    attemptId: z.uuid(),
    invitationId: z.uuid(),
    contactId: z.uuid().nullable(),
    step: z.number().int().describe('0-based step of the channel plan'),
    attempt: z.number().int(),
    channel: z.enum(['email', 'sms', 'voice']),
    reason: z.string().describe('e.g. smtp_550, bounced:5.1.1, sms_undeliverable, invalid_destination'),
  })
  .describe('invitation.failed: a campaign message was refused, bounced or reported undeliverable');

const ContactUnsubscribedData = z
  .object({
    contactId: z.uuid().nullable(),
    invitationId: z.uuid().nullable(),
    kind: z.enum(['email', 'phone']),
    via: z.enum(['email_link', 'sms_reply']),
  })
  .describe('contact.unsubscribed: the address is now on the organisation’s do-not-contact list');

/** The JSON body POSTed to the receiver (also shown per delivery), documented here for the OpenAPI document. */
export const WebhookEventBody = z
  .object({
    id: z.string().describe('Event id, stable across retries and endpoints, e.g. `response.completed:<responseId>`'),
    type: WebhookEventName,
    createdAt: z.string(),
    data: z.union([ResponseEventData, InvitationFailedData, ContactUnsubscribedData]),
  })
  .describe(
    'Webhook body. Headers: `Voxpop-Event`, `Voxpop-Delivery` (delivery id; deduplicate on it), `Voxpop-Timestamp` (unix seconds), ' +
      '`Voxpop-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. Verify with the secret shown at creation, ' +
      'compare in constant time and refuse timestamps more than 300 s old (docs/WEBHOOKS.md). Any 2xx within 10 s is success; otherwise ' +
      'retried up to 8 times with exponential backoff, then dead.',
  );

export const WebhookDeliveryView = z.object({
  id: z.uuid(),
  event: z.string(),
  eventId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'dead']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  payload: WebhookEventBody,
});

export const presentWebhook = (e: WebhookEndpointRow): z.infer<typeof WebhookView> => ({
  id: e.id,
  url: e.url,
  events: e.events,
  active: e.active,
  createdAt: e.createdAt.toISOString(),
});

export const presentDelivery = (d: WebhookDeliveryRow): z.infer<typeof WebhookDeliveryView> => ({
  id: d.id,
  event: d.event,
  eventId: d.eventId,
  status: d.status as z.infer<typeof WebhookDeliveryView>['status'],
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  payload: d.payload as z.infer<typeof WebhookEventBody>,
});
