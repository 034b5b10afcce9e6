/**
 * A campaign's audience, channel plan and limits, and how its chain moves on:
 * pure rules, shared by the API (validation), the planner and the dispatcher.
 */
import { z } from 'zod';

export const CHANNELS = ['email', 'sms', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels this build can deliver; a plan naming another is refused at launch. */
export const DELIVERABLE_CHANNELS: readonly Channel[] = ['email', 'sms'];

const MINUTE_MS = 60_000;
const MAX_DELAY_MINUTES = 60 * 24 * 60; // 60 days

const Localized = z.object({ ru: z.string().trim().max(2000).optional(), en: z.string().trim().max(2000).optional() });

/** The words of a step's message; anything left out uses the built-in localised text. */
export const StepTemplate = z
  .object({
    /** Email subject. */
    subject: Localized.optional(),
    /** The first paragraph of an email, or the whole SMS before its link. */
    intro: Localized.optional(),
  })
  .strict();
export type StepTemplate = z.infer<typeof StepTemplate>;

export const PlanStep = z
  .object({
    channel: z.enum(CHANNELS),
    /** Minutes after the previous step's last attempt went out (for the first step: after launch or the event's delay). */
    delayMinutes: z.int().min(0).max(MAX_DELAY_MINUTES).default(0),
    /** Messages on this channel before moving on: 1 = once; 2 = once and one reminder. */
    attempts: z.int().min(1).max(5).default(1),
    /** Minutes between this step's attempts. */
    retryMinutes: z.int().min(1).max(MAX_DELAY_MINUTES).default(120),
    template: StepTemplate.default({}),
  })
  .strict();
export type PlanStep = z.infer<typeof PlanStep>;

export const ChannelPlan = z.object({ steps: z.array(PlanStep).min(1).max(10) }).strict();
export type ChannelPlan = z.infer<typeof ChannelPlan>;

const DimensionFilter = z.record(z.string().trim().min(1).max(64), z.array(z.string().trim().min(1).max(200)).min(1).max(100));

export const CampaignAudience = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('contacts'),
      /** Every contact of the tenant, narrowed by these: all must match. */
      filter: z
        .object({
          /** Contact attributes: key → any of these values. */
          attributes: DimensionFilter.optional(),
          regions: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
          languages: z.array(z.string().trim().min(2).max(10)).max(20).optional(),
          /** Only the people a given import added or updated. */
          importId: z.uuid().optional(),
        })
        .strict()
        .default({}),
    })
    .strict(),
  z
    .object({
      kind: z.literal('events'),
      /** The event type that triggers the survey, e.g. `service_delivered`. */
      eventType: z.string().trim().min(1).max(64),
      /** Minutes between the event and the first step (3 days = 4320). */
      delayMinutes: z.int().min(0).max(MAX_DELAY_MINUTES).default(0),
      /** Event attributes: key → any of these values (e.g. serviceType: ['repair']). */
      filter: DimensionFilter.default({}),
    })
    .strict(),
]);
export type CampaignAudience = z.infer<typeof CampaignAudience>;

export const CampaignLimits = z
  .object({
    /** Messages per minute per channel for this campaign. */
    perMinute: z.object({ email: z.int().min(1).max(100_000).optional(), sms: z.int().min(1).max(100_000).optional() }).strict().optional(),
    /** Most messages (email + SMS parts) the campaign may send; reached, it pauses itself. */
    maxMessages: z.int().min(1).max(100_000_000).optional(),
    /** Consent must be given (not merely unstated) for these channels. */
    requireConsent: z.array(z.enum(CHANNELS)).max(3).optional(),
  })
  .strict();
export type CampaignLimits = z.infer<typeof CampaignLimits>;

/** Does an event's attributes match an events audience's filter (every key, any value)? */
export function eventMatches(filter: Record<string, string[]>, attributes: Record<string, string>): boolean {
  return Object.entries(filter).every(([key, values]) => attributes[key] !== undefined && values.includes(attributes[key]));
}

export type AttemptOutcome =
  /** The message went out (or may have: in doubt). The next one waits its delay. */
  | 'sent'
  /** Not sent and never will be on this channel (no address, opted out, bounced, refused). Move on to the next step at once. */
  | 'unreachable';

export interface NextAttempt {
  step: number;
  attempt: number;
  channel: Channel;
  dueAt: Date;
}

/**
 * What follows an attempt: another attempt of the same step after
 * `retryMinutes`, or the next step's first after its `delayMinutes`; `null`
 * when the chain is over. An unreachable channel skips the rest of its step
 * and starts the next step now: waiting a day to send an SMS because there
 * was no email address helps nobody.
 */
export function nextAttempt(plan: ChannelPlan, step: number, attempt: number, outcome: AttemptOutcome, at: Date): NextAttempt | null {
  const current = plan.steps[step];
  if (!current) return null;
  if (outcome === 'sent' && attempt < current.attempts) {
    return { step, attempt: attempt + 1, channel: current.channel, dueAt: new Date(at.getTime() + current.retryMinutes * MINUTE_MS) };
  }
  const next = plan.steps[step + 1];
  if (!next) return null;
  const delay = outcome === 'sent' ? next.delayMinutes * MINUTE_MS : 0;
  return { step: step + 1, attempt: 1, channel: next.channel, dueAt: new Date(at.getTime() + delay) };
}
