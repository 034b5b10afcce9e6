import type { WebhookEvent } from '../../domain/webhooks/events.ts';
import { NPS_DETRACTOR_MAX_SCORE } from '../../domain/surveys/index.ts';
import { webhookDeliverJob } from '../../jobs/definitions/webhooks.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { Tx } from '../../store/db.ts';
import type { ResponseRow } from '../../store/repos/responses.ts';
import { insertWebhookDeliveries, subscribedEndpoints } from '../../store/repos/webhooks.ts';
import type { Respondent } from '../respondent/openRespondent.ts';

/**
 * Writes one delivery per active endpoint of the tenant that subscribed to the
 * event, and a job for each, in the caller's transaction (the outbox rule: no
 * commit, no webhook). `eventId` is deterministic, so emitting the same event
 * twice delivers it once per endpoint (unique (endpoint_id, event_id)).
 */
export async function emitEvent(tx: Tx, tenantId: string, event: WebhookEvent, eventId: string, data: Record<string, unknown>, now: Date): Promise<number> {
  const endpoints = await subscribedEndpoints(tx, tenantId, event);
  const payload = { id: eventId, type: event, createdAt: now.toISOString(), data };
  const created = await insertWebhookDeliveries(
    tx,
    endpoints.map((endpoint) => ({ tenantId, endpointId: endpoint.id, event, eventId, payload, nextAttemptAt: now })),
  );
  for (const delivery of created) await enqueue(tx, webhookDeliverJob, { deliveryId: delivery.id }, { jobKey: delivery.id });
  return created.length;
}

/** `response.completed` for every finished response; `detractor.received` too when its NPS answer is 0–6. */
export async function emitResponseEvents(tx: Tx, respondent: Respondent, response: ResponseRow, now: Date): Promise<void> {
  const data = {
    responseId: response.id,
    surveyId: response.surveyId,
    surveyVersion: respondent.version.number,
    // Anonymous responses never carry a person; the key is left out, not null.
    ...(response.anonymous ? {} : { contactId: response.contactId, invitationId: response.invitationId }),
    feedbackLinkId: response.feedbackLinkId,
    answers: response.answers,
    attributes: response.attributes,
    channel: response.channel,
    language: response.language,
    test: response.test,
    completedAt: (response.completedAt ?? now).toISOString(),
  };
  await emitEvent(tx, response.tenantId, 'response.completed', `response.completed:${response.id}`, data, now);
  const npsQuestion = respondent.version.definition.questions.find((q) => q.metricKey === 'nps');
  const score = npsQuestion ? response.answers[npsQuestion.id] : undefined;
  if (typeof score === 'number' && score <= NPS_DETRACTOR_MAX_SCORE) {
    await emitEvent(tx, response.tenantId, 'detractor.received', `detractor.received:${response.id}`, { ...data, npsQuestionId: npsQuestion!.id, score }, now);
  }
}
