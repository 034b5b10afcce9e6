import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SurveyDefinition } from '../../domain/surveys/index.ts';
import { tenantRef, users } from './core.ts';

/**
 * A survey as its author works on it: the draft definition (saved half-done
 * if need be) and, once launched, the version answers are given under.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    /** Which template it was started from, for the list screen; null when built from scratch. */
    templateId: text('template_id'),
    /** draft: never launched; active: answers accepted; paused: links say "closed for now"; closed: for good. */
    status: text('status').notNull().default('draft'),
    draft: jsonb('draft').$type<SurveyDefinition>().notNull(),
    /** The launched version new invitations use; null until first launch. */
    currentVersionId: uuid('current_version_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('surveys_tenant_idx').on(t.tenantId, t.createdAt),
    check('surveys_status_check', sql`${t.status} in ('draft', 'active', 'paused', 'closed')`),
  ],
);

/** A frozen definition. Never updated: editing a launched survey makes a new draft, launching it a new version. */
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
    fingerprint: text('fingerprint').notNull(),
    launchedBy: uuid('launched_by').references(() => users.id, { onDelete: 'set null' }),
    launchedAt: timestamp('launched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_versions_survey_version_key').on(t.surveyId, t.version), index('survey_versions_tenant_idx').on(t.tenantId)],
);
