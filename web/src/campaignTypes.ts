// Campaigns as the API shows them (src/http/routes/campaigns/present.ts, eventRoutes.ts).
// The audience, plan and limits shapes are the server's own zod types (src/domain/campaigns/plan.ts).
import type { CampaignAudience, CampaignLimits, ChannelPlan, PlanStep, StepTemplate } from '../../src/domain/campaigns/plan.ts';

export type { CampaignAudience, CampaignLimits, ChannelPlan, PlanStep, StepTemplate };
export type Channel = PlanStep['channel'];

export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface SendWindow {
  /** 1 = Monday … 7 = Sunday. */
  days: number[];
  from: string;
  to: string;
}

export interface CampaignView {
  id: string;
  name: string;
  surveyId: string;
  status: CampaignStatus;
  /** `budget` when the campaign paused itself on reaching maxMessages. */
  pauseReason: string | null;
  audience: CampaignAudience;
  plan: ChannelPlan;
  sendWindow: SendWindow | null;
  limits: CampaignLimits;
  expiresInDays: number;
  planStatus: 'pending' | 'planning' | 'done';
  planned: number;
  createdAt: string;
  launchedAt: string | null;
  finishedAt: string | null;
}

export interface CampaignInput {
  name: string;
  surveyId: string;
  audience: CampaignAudience;
  plan: ChannelPlan;
  sendWindow?: SendWindow | null;
  limits?: CampaignLimits;
  expiresInDays?: number;
}

export const ATTEMPT_STATUSES = ['scheduled', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled', 'in_doubt'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export interface AttemptView {
  id: string;
  invitationId: string;
  contactId: string | null;
  step: number;
  attempt: number;
  channel: string;
  status: AttemptStatus;
  dueAt: string;
  address: string | null;
  parts: number | null;
  sentAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  reason: string | null;
  tries: number;
}

export interface ChannelFunnel {
  channel: string;
  planned: number;
  scheduled: number;
  sent: number;
  /** Email: accepted by the relay and not bounced; SMS: confirmed by a delivery receipt. */
  delivered: number;
  bounced: number;
  failed: number;
  skipped: number;
  inDoubt: number;
  opened: number;
  started: number;
  completed: number;
}

export interface CampaignStats {
  people: { planned: number; reached: number; opened: number; started: number; completed: number; stopped: number };
  channels: ChannelFunnel[];
  reasons: Record<string, number>;
  at: string;
}

export interface MessagePreview {
  channel: Channel;
  from: string;
  to: string | null;
  subject?: string;
  text?: string;
  html?: string;
}

export interface TestSendResult {
  invitationId: string;
  channel: string;
  to: string;
}

export interface CampaignSettingsInput {
  contactHours: { from: string; to: string };
  email: { fromName: string | null; fromAddress: string | null; replyTo: string | null };
  sms: { senderId: string | null };
}

export interface CampaignSettingsView extends CampaignSettingsInput {
  /** The installation's own sender, used where the organisation sets none. */
  defaults: { fromAddress: string; senderId: string };
}

export interface EventHookView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
