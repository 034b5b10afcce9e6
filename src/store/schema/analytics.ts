import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.ts';
import { tenantRef, tenants } from './core.ts';
import { surveys } from './surveys.ts';

/** Length of a rollup's `counts`: one slot per score 0–10 (NPS, eNPS, CSAT 1–5, CES 1–7, FCR 0/1 all fit). */
export const ROLLUP_SCORE_SLOTS = 11;

/**
 * What dashboards read instead of raw answers: per tenant × survey × metric ×
 * local day (the tenant's time zone) × dimension value, the answer counts per
 * score and the sums a mean and its interval need. Rebuilt a whole day at a
 * time by the `analytics.rollup` job, never by the answer path.
 *
 * `dimension` is 'all' (value ''), 'channel', or an answer attribute key
 * (service_type, department, employee, region, or a tenant's custom one); the
 * rollup's own 'employee.department' pairs and 'month:<dimension>' month sums
 * are internal (see store/repos/rollups.ts).
 * Scores outside 0–10 (a wide generic rating) count in n, sum and
 * sumSquares but have no slot in `counts`.
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    metricKey: text('metric_key').notNull(),
    /** Calendar date in the tenant's time zone when the response was completed. */
    day: date('day', { mode: 'string' }).notNull(),
    dimension: text('dimension').notNull(),
    dimensionValue: text('dimension_value').notNull(),
    /** counts[s] = answers with score s, s = 0..10. */
    counts: integer('counts').array().notNull(),
    n: integer('n').notNull(),
    sum: bigint('sum', { mode: 'number' }).notNull(),
    sumSquares: bigint('sum_squares', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'metric_rollups_pkey', columns: [t.tenantId, t.surveyId, t.metricKey, t.day, t.dimension, t.dimensionValue] }),
    // Headline and trend across all of a tenant's surveys, by metric and period.
    index('metric_rollups_tenant_metric_day_idx').on(t.tenantId, t.metricKey, t.dimension, t.day),
    // The rollup job: a survey's rows of some days or a month, whatever the metric and dimension.
    index('metric_rollups_tenant_survey_day_idx').on(t.tenantId, t.surveyId, t.day),
    check('metric_rollups_counts_check', sql`cardinality(${t.counts}) = ${sql.raw(String(ROLLUP_SCORE_SLOTS))}`),
  ],
);

/**
 * How far the rollup job has read each tenant's responses: the greatest
 * `responses.updated_at` it has seen. The next run looks again a little
 * before it (see ROLLUP_OVERLAP_MS) so a transaction that committed late is not missed.
 */
export const rollupWatermarks = pgTable('rollup_watermarks', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  seenThrough: timestamp('seen_through', { withTimezone: true }),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Known population shares of a dimension's values (say, calls per queue from
 * the PBX), for post-stratified NPS: the dashboard shows weighted and
 * unweighted NPS and the effective sample size. Shares sum to 1.
 */
export const weightingSchemes = pgTable(
  'weighting_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    dimension: text('dimension').notNull(),
    /** dimension value → population share, 0..1, summing to 1. */
    shares: jsonb('shares').$type<Record<string, number>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('weighting_schemes_tenant_name_idx').on(t.tenantId, t.name)],
);

/**
 * What happened to a customer after they answered (churned, bought again,
 * revenue), uploaded by CSV or API, to compare by NPS group. Personal data:
 * part of a contact's export, deleted on erasure.
 */
export const contactOutcomes = pgTable(
  'contact_outcomes',
  {
    tenantId: tenantRef(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** e.g. 'churned', 'repeat_purchase', 'revenue'. */
    outcomeKey: text('outcome_key').notNull(),
    /** 0/1 for a yes/no outcome, any number for an amount. */
    value: doublePrecision('value').notNull(),
    /** When it was observed, if the source says. */
    observedOn: date('observed_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'contact_outcomes_pkey', columns: [t.tenantId, t.contactId, t.outcomeKey] }),
    index('contact_outcomes_tenant_key_idx').on(t.tenantId, t.outcomeKey),
  ],
);
