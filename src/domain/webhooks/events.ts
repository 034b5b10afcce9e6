/** Events a tenant's webhook endpoints can subscribe to. Later: invitation.failed, contact.unsubscribed (issue 5). */
export const WEBHOOK_EVENTS = {
  'response.completed': 'A respondent finished a survey',
  'detractor.received': 'A finished response scored 0–6 on the NPS question',
} as const;
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as [WebhookEvent, ...WebhookEvent[]];
