import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A client organisation of the contact center. Every business row hangs off one. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('ru'),
    timezone: text('timezone').notNull().default('Europe/Moscow'),
    defaultRegion: text('default_region').notNull().default('RU'),
    /** Ask one person at most once in this many days, across all the tenant's surveys; null = no cap. Campaigns enforce it. */
    surveyFrequencyCapDays: integer('survey_frequency_cap_days'),
    /** The hours (respondent's local time, `HH:MM`) when campaigns may contact people; outside them a send waits. */
    contactHoursFrom: text('contact_hours_from').notNull().default('09:00'),
    contactHoursTo: text('contact_hours_to').notNull().default('21:00'),
    /** The tenant's own answer dimensions (beyond the built-in ones), with their names for reports. */
    customDimensions: jsonb('custom_dimensions').$type<Array<{ key: string; label: { ru: string; en: string } }>>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('tenants_slug_key').on(t.slug), check('tenants_locale_check', sql`${t.locale} in ('ru', 'en')`)],
);

/** The owning tenant of a business row: required, and the row goes when the tenant is deleted. */
export const tenantRef = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('ru'),
    /** owner / admin of the whole installation; null for people who work through tenant memberships. */
    installationRole: text('installation_role'),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_installation_role_check', sql`${t.installationRole} is null or ${t.installationRole} in ('owner', 'admin')`),
    check('users_locale_check', sql`${t.locale} in ('ru', 'en')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tenantId] }),
    index('memberships_tenant_idx').on(t.tenantId),
    check('memberships_role_check', sql`${t.role} in ('project_manager', 'operator', 'analyst', 'client_viewer')`),
  ],
);

/** Login sessions. The cookie carries a random secret; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Per-tenant REST API tokens. The secret is shown once; only its SHA-256 is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_prefix_key').on(t.prefix),
    uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash),
    index('api_tokens_tenant_idx').on(t.tenantId),
  ],
);

/** One-time links: first-admin setup and password reset. Only the SHA-256 of the secret is stored. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    idHash: text('id_hash').primaryKey(),
    purpose: text('purpose').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [check('one_time_tokens_purpose_check', sql`${t.purpose} in ('setup', 'password_reset')`)],
);

/**
 * Append-only record of security-relevant actions. A trigger (migration 0001)
 * refuses UPDATE and DELETE, so history cannot be rewritten through the app.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    tenantId: uuid('tenant_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [
    index('audit_events_tenant_idx').on(t.tenantId, t.id),
    check('audit_events_actor_type_check', sql`${t.actorType} in ('user', 'token', 'system')`),
  ],
);

/**
 * Keys the installation makes for itself on first start (e.g. the one that
 * signs respondents' feedback-link handles), shared by every process through
 * the database so that scaling out needs no extra configuration.
 */
export const installationSecrets = pgTable('installation_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
