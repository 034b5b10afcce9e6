import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CampaignAudience, ChannelPlan, CampaignLimits } from '../../domain/campaigns/plan.ts';
import type { SendWindow } from '../../domain/campaigns/schedule.ts';
import { contacts } from './contacts.ts';
import { tenantRef, users } from './core.ts';
import { invitations } from './responses.ts';
import { surveys } from './surveys.ts';

/**
 * Who is asked (the audience), through which channels in which order (the
 * plan), and when (send window, limits). draft → running ⇄ paused →
 * completed | cancelled. A list audience is materialised into invitations
 * and first attempts by the planner, in chunks, resuming from `plan_cursors`.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    /** Why a running campaign stopped by itself (budget spent), shown to the manager. */
    pauseReason: text('pause_reason'),
    audience: jsonb('audience').$type<CampaignAudience>().notNull(),
    plan: jsonb('plan').$type<ChannelPlan>().notNull(),
    sendWindow: jsonb('send_window').$type<SendWindow | null>(),
    limits: jsonb('limits').$type<CampaignLimits>().notNull().default({}),
    expiresInDays: integer('expires_in_days').notNull().default(30),
    /** pending → planning → done: the list audience's materialisation. Event campaigns are `done` at once. */
    planStatus: text('plan_status').notNull().default('pending'),
    /**
     * Per partition of the audience (planned side by side), the last contact id
     * materialised, or 'done': the planner resumes after it.
     */
    planCursors: jsonb('plan_cursors').$type<Record<string, string>>().notNull().default({}),
    planned: integer('planned').notNull().default(0),
    /** Messages (SMS parts) sent or in flight, for the budget: raised at claim, corrected when the result is known. */
    spent: integer('spent').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('campaigns_tenant_idx').on(t.tenantId, t.createdAt),
    index('campaigns_running_idx').on(t.status).where(sql`${t.status} = 'running'`),
    check('campaigns_status_check', sql`${t.status} in ('draft', 'running', 'paused', 'completed', 'cancelled')`),
    check('campaigns_plan_status_check', sql`${t.planStatus} in ('pending', 'planning', 'done')`),
  ],
);

/**
 * One message of one step of a campaign's plan to one invitation: the unit of
 * exactly-once. The id is derived from (invitation, step, attempt) and that
 * triple is unique, so planning twice or a job run twice never makes a second
 * row; a row leaves `scheduled` only through a claim (FOR UPDATE SKIP LOCKED),
 * and a row found in `sending` after a crash becomes `in_doubt`, never sent again.
 */
export const campaignAttempts = pgTable(
  'campaign_attempts',
  {
    id: uuid('id').primaryKey(),
    tenantId: tenantRef(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    step: smallint('step').notNull(),
    attempt: smallint('attempt').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('scheduled'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Temporary failures of this attempt so far (throttled, connection lost); retried with backoff. */
    tries: smallint('tries').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /**
     * Set (and committed) just before the message is handed to the channel. A worker's death
     * leaves `sending` rows: without this mark they never left, and go back to the queue; with
     * it they may have, and become `in_doubt`.
     */
    handedAt: timestamp('handed_at', { withTimezone: true }),
    /** The address used when it was sent: E.164 or an email. Emptied when the person is erased. */
    address: text('address'),
    /** Ids the provider gave (SMTP Message-ID, one SMPP id per part); receipts and bounces find the attempt by them. */
    providerIds: text('provider_ids').array(),
    parts: smallint('parts'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    /** Why it was not sent or failed: a stable code (`do_not_contact`, `no_address`, `bounced:5.1.1` …). */
    reason: text('reason'),
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_attempts_step_key').on(t.invitationId, t.step, t.attempt),
    index('campaign_attempts_due_idx').on(t.campaignId, t.dueAt).where(sql`${t.status} = 'scheduled'`),
    index('campaign_attempts_sending_idx').on(t.claimedAt).where(sql`${t.status} = 'sending'`),
    /** Per-minute limits count the claims of the last minute. */
    index('campaign_attempts_claimed_idx').on(t.campaignId, t.channel, t.claimedAt).where(sql`${t.claimedAt} is not null`),
    index('campaign_attempts_campaign_idx').on(t.campaignId, t.channel, t.status),
    index('campaign_attempts_provider_idx').using('gin', t.providerIds),
    index('campaign_attempts_contact_idx').on(t.contactId),
    check(
      'campaign_attempts_status_check',
      sql`${t.status} in ('scheduled', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled', 'in_doubt')`,
    ),
    check('campaign_attempts_channel_check', sql`${t.channel} in ('email', 'sms', 'voice')`),
  ],
);

/**
 * Events from a CRM or telephony (`service_delivered` …) that trigger surveys.
 * The sender's event id is unique per tenant: a repeated delivery of the same
 * event is recognised and changes nothing.
 */
export const serviceEvents = pgTable(
  'service_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** The answer dimensions the event carries (serviceType, department, employee, any attribute). */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /** Invitations this event made (one per matching campaign). */
    invitations: integer('invitations').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_events_event_key').on(t.tenantId, t.eventId), index('service_events_tenant_idx').on(t.tenantId, t.receivedAt)],
);

/**
 * Secret URLs a CRM or PBX can POST events to without setting headers
 * (`/hooks/events/<secret>`). Only the SHA-256 of the secret is kept.
 */
export const eventHooks = pgTable(
  'event_hooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('event_hooks_secret_key').on(t.secretHash), index('event_hooks_tenant_idx').on(t.tenantId)],
);

/**
 * A tenant's sender settings per channel: the From name and address and
 * reply-to for email, the sender id for SMS. The transport (SMTP relay, SMSC)
 * is the installation's.
 */
export const channelSettings = pgTable(
  'channel_settings',
  {
    tenantId: tenantRef(),
    channel: text('channel').notNull(),
    settings: jsonb('settings').$type<Record<string, string>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.channel] }), check('channel_settings_channel_check', sql`${t.channel} in ('email', 'sms')`)],
);
