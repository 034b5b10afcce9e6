import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Answers } from '../../domain/surveys/index.ts';
import { contacts } from './contacts.ts';
import { tenantRef } from './core.ts';
import { surveys, surveyVersions } from './surveys.ts';

/**
 * A personal link to one survey for one person (or none, for anonymous
 * surveys). Only the SHA-256 of the link's secret is stored; the secret is
 * handed out once, when the invitation is made.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    surveyVersionId: uuid('survey_version_id')
      .notNull()
      .references(() => surveyVersions.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    channel: text('channel').notNull().default('web'),
    language: text('language'),
    /** Dimensions of the answer: from the contact, the triggering event or given here. */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /** Idempotency key of the caller (event id, campaign step …): the same key makes the same invitation. */
    externalKey: text('external_key'),
    /** A trial link (the survey's author trying it): its answers are kept apart from real ones in every count. */
    test: boolean('test').notNull().default(false),
    /** The campaign that made it (its attempts carry the link by email or SMS); null for links made one by one. */
    campaignId: uuid('campaign_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    uniqueIndex('invitations_external_key').on(t.tenantId, t.externalKey).where(sql`${t.externalKey} is not null`),
    index('invitations_survey_idx').on(t.tenantId, t.surveyId, t.createdAt),
    index('invitations_contact_idx').on(t.contactId),
    index('invitations_campaign_idx').on(t.campaignId).where(sql`${t.campaignId} is not null`),
  ],
);

/** A public link per tenant (printable as a QR code) for inbound feedback to one survey. */
export const feedbackLinks = pgTable(
  'feedback_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** Public and permanent, so printed posters keep working; not a secret. */
    slug: text('slug').notNull(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feedback_links_slug_key').on(t.slug), index('feedback_links_tenant_idx').on(t.tenantId)],
);

/**
 * One person's answers to one survey version, saved as they go. For an
 * anonymous survey contact, IP and user agent stay null (a check enforces it).
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    surveyVersionId: uuid('survey_version_id')
      .notNull()
      .references(() => surveyVersions.id),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    feedbackLinkId: uuid('feedback_link_id').references(() => feedbackLinks.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    anonymous: boolean('anonymous').notNull(),
    /** web, widget, chat, email, sms, voice, operator, api. */
    channel: text('channel').notNull(),
    language: text('language').notNull(),
    status: text('status').notNull().default('partial'),
    /** Given through a test invitation: listed, but never counted with real answers. */
    test: boolean('test').notNull().default(false),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('responses_invitation_key').on(t.invitationId).where(sql`${t.invitationId} is not null`),
    index('responses_survey_idx').on(t.tenantId, t.surveyId, t.startedAt),
    index('responses_contact_idx').on(t.contactId),
    // The rollup job: which responses changed since its last run, and a whole local day of a survey's answers.
    index('responses_tenant_updated_idx').on(t.tenantId, t.updatedAt),
    index('responses_completed_idx').on(t.tenantId, t.surveyId, t.completedAt).where(sql`${t.status} = 'completed'`),
    // The comment explorer over all of a tenant's surveys, newest first: walks the latest completions until a page is full.
    index('responses_tenant_completed_idx').on(t.tenantId, t.completedAt).where(sql`${t.status} = 'completed'`),
    check('responses_status_check', sql`${t.status} in ('partial', 'completed')`),
    check('responses_anonymous_check', sql`not ${t.anonymous} or (${t.contactId} is null and ${t.ip} is null and ${t.userAgent} is null)`),
  ],
);

/** One row per answered question, for analytics (rollups, comment search) without unpacking JSON. */
export const answers = pgTable(
  'answers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    questionType: text('question_type').notNull(),
    metricKey: text('metric_key'),
    score: smallint('score'),
    choices: text('choices').array(),
    text: text('text'),
  },
  (t) => [uniqueIndex('answers_response_question_key').on(t.responseId, t.questionId), index('answers_tenant_metric_idx').on(t.tenantId, t.metricKey)],
);
