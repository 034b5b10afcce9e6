import { z } from 'zod';
import type { CampaignAttemptRow, CampaignRow } from '../../../store/repos/campaigns.ts';

export const CampaignView = z.object({
  id: z.uuid(),
  name: z.string(),
  surveyId: z.uuid(),
  status: z.enum(['draft', 'running', 'paused', 'completed', 'cancelled']),
  pauseReason: z.string().nullable().describe('`budget` when the campaign paused itself on reaching maxMessages'),
  audience: z.unknown(),
  plan: z.unknown(),
  sendWindow: z.unknown().nullable(),
  limits: z.unknown(),
  expiresInDays: z.number().int(),
  planStatus: z.enum(['pending', 'planning', 'done']),
  planned: z.number().int().describe('Invitations made so far for a list audience'),
  createdAt: z.string(),
  launchedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const presentCampaign = (c: CampaignRow): z.infer<typeof CampaignView> => ({
  id: c.id,
  name: c.name,
  surveyId: c.surveyId,
  status: c.status as z.infer<typeof CampaignView>['status'],
  pauseReason: c.pauseReason,
  audience: c.audience,
  plan: c.plan,
  sendWindow: c.sendWindow ?? null,
  limits: c.limits,
  expiresInDays: c.expiresInDays,
  planStatus: c.planStatus as z.infer<typeof CampaignView>['planStatus'],
  planned: c.planned,
  createdAt: c.createdAt.toISOString(),
  launchedAt: c.launchedAt?.toISOString() ?? null,
  finishedAt: c.finishedAt?.toISOString() ?? null,
});

export const AttemptView = z.object({
  // Attempt ids are md5-derived (see attemptId): UUID-shaped, but without RFC 9562 version bits.
  id: z.guid(),
  invitationId: z.uuid(),
  contactId: z.uuid().nullable(),
  step: z.number().int(),
  attempt: z.number().int(),
  channel: z.string(),
  status: z.enum(['scheduled', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled', 'in_doubt']),
  dueAt: z.string(),
  address: z.string().nullable(),
  parts: z.number().int().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  reason: z.string().nullable(),
  tries: z.number().int(),
});

export const presentAttempt = (a: CampaignAttemptRow): z.infer<typeof AttemptView> => ({
  id: a.id,
  invitationId: a.invitationId,
  contactId: a.contactId,
  step: a.step,
  attempt: a.attempt,
  channel: a.channel,
  status: a.status as z.infer<typeof AttemptView>['status'],
  dueAt: a.dueAt.toISOString(),
  address: a.address,
  parts: a.parts,
  sentAt: a.sentAt?.toISOString() ?? null,
  deliveredAt: a.deliveredAt?.toISOString() ?? null,
  failedAt: a.failedAt?.toISOString() ?? null,
  reason: a.reason,
  tries: a.tries,
});

const Funnel = z.object({
  channel: z.string(),
  planned: z.number().int(),
  scheduled: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int().describe('Email: accepted by the relay and not bounced; SMS: confirmed by a delivery receipt'),
  bounced: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  inDoubt: z.number().int(),
  opened: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
});

export const StatsView = z.object({
  people: z.object({ planned: z.number().int(), reached: z.number().int(), opened: z.number().int(), started: z.number().int(), completed: z.number().int(), stopped: z.number().int() }),
  channels: z.array(Funnel),
  reasons: z.record(z.string(), z.number().int()),
  at: z.string(),
});
