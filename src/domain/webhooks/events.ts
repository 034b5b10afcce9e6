/** Events a tenant's webhook endpoints can subscribe to. */
export const WEBHOOK_EVENTS = {
  'response.completed': 'A respondent finished a survey',
  'detractor.received': 'A finished response scored 0–6 on the NPS question',
  'invitation.failed': 'A campaign message could not be delivered (refused, bounced, undeliverable)',
  'contact.unsubscribed': 'A person unsubscribed (email link or STOP reply) and was added to do-not-contact',
} as const;
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as [WebhookEvent, ...WebhookEvent[]];
