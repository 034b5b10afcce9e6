import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantRef, users } from './core.ts';

/**
 * The people a tenant may ask. Found again by external id, phone or email
 * (in that order); an erased person keeps the row (so counts stay true) with
 * every personal field emptied and `erased_at` set.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    externalId: text('external_id'),
    /** E.164. */
    phone: text('phone'),
    /** Lower-cased. */
    email: text('email'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    lastName: text('last_name'),
    fullName: text('full_name'),
    language: text('language'),
    timezone: text('timezone'),
    region: text('region'),
    /** null = not stated; the campaign rules decide what that means per channel. */
    consentEmail: boolean('consent_email'),
    consentSms: boolean('consent_sms'),
    consentVoice: boolean('consent_voice'),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /** For the frequency cap: when this person was last invited to any survey of the tenant. */
    lastInvitedAt: timestamp('last_invited_at', { withTimezone: true }),
    /** This person's own frequency cap (at most one survey per N days, all surveys of the tenant); null = the tenant's rule. */
    frequencyCapDays: integer('frequency_cap_days'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('contacts_tenant_external_id_key').on(t.tenantId, t.externalId).where(sql`${t.externalId} is not null`),
    index('contacts_tenant_phone_idx').on(t.tenantId, t.phone).where(sql`${t.phone} is not null`),
    index('contacts_tenant_email_idx').on(t.tenantId, t.email).where(sql`${t.email} is not null`),
    index('contacts_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** History of changed fields: who or which import changed what, from what, to what. */
export const contactChanges = pgTable(
  'contact_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    importId: uuid('import_id'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** `{ field: [before, after] }`. */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
  },
  (t) => [index('contact_changes_contact_idx').on(t.tenantId, t.contactId, t.id)],
);

/** Addresses never to contact, per tenant; checked before every send. The value is E.164 or a lower-cased email. */
export const doNotContact = pgTable(
  'do_not_contact',
  {
    tenantId: tenantRef(),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    reason: text('reason').notNull().default('manual'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.value] }), check('do_not_contact_kind_check', sql`${t.kind} in ('phone', 'email')`)],
);

/**
 * An uploaded file on its way in: uploaded → checking → checked (dry run
 * done, nothing imported) → importing → done, or failed, or discarded. The file itself sits under the
 * data dir until the import is done or discarded.
 */
export const contactImports = pgTable(
  'contact_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    status: text('status').notNull().default('uploaded'),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    headers: jsonb('headers').$type<string[]>(),
    mapping: jsonb('mapping').$type<Record<string, unknown>>(),
    /** The check's options (defaultRegion, updateExisting); the import runs with the same. */
    options: jsonb('options').$type<Record<string, unknown>>(),
    /** The dry run's (then the import's) summary: counts, problems by line. */
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** The last file line whose batch is committed: a re-run after a crash resumes after it. */
    progressLine: integer('progress_line').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('contact_imports_tenant_idx').on(t.tenantId, t.createdAt),
    check('contact_imports_status_check', sql`${t.status} in ('uploaded', 'checking', 'checked', 'importing', 'done', 'failed', 'discarded')`),
    check('contact_imports_format_check', sql`${t.format} in ('csv', 'xlsx')`),
  ],
);

/**
 * The valid rows of a checked import, normalised, waiting for the confirm:
 * the check parses the file once and copies them here, so the in-file
 * dedup, the "new vs existing" count and the import itself are set-based
 * SQL instead of a second pass over the file in Node. UNLOGGED (written by hand
 * in the generated migration, which a regeneration must keep; a test checks): no WAL for a million scratch rows, and
 * after a database crash the table is empty, which the import notices and
 * re-stages from the file it still has. No foreign keys, on purpose: a
 * check per copied row would cost more than the copy; the rows are deleted
 * with their import (done, discarded, re-checked).
 */
export const contactImportRows = pgTable(
  'contact_import_rows',
  {
    importId: uuid('import_id').notNull(),
    /** The line of the file the row came from (Excel's row number for XLSX). */
    line: integer('line').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    externalId: text('external_id'),
    phone: text('phone'),
    email: text('email'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    lastName: text('last_name'),
    fullName: text('full_name'),
    language: text('language'),
    timezone: text('timezone').notNull(),
    /** The zone came from the person (column, region, phone), so it may replace a stored one; a fallback zone may not. */
    timezonePersonal: boolean('timezone_personal').notNull(),
    region: text('region'),
    consentEmail: boolean('consent_email'),
    consentSms: boolean('consent_sms'),
    consentVoice: boolean('consent_voice'),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull(),
    /** Set by the check: this row is the same person as an earlier line of the file, and is not imported. */
    duplicateOf: integer('duplicate_of'),
    duplicateBy: text('duplicate_by'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);
