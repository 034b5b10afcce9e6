import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantRef, tenants, users } from './core.ts';
import { answers, responses } from './responses.ts';
import { surveys } from './surveys.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** What a comment says about one topic: positive, neutral or negative, after negation. */
export type TopicPolarityMap = Record<string, 'negative' | 'neutral' | 'positive'>;

/**
 * The analysis of one open-text answer (language, topics, sentiment), made
 * by the `comments.analyse` job from the pure engine in domain/comments, never
 * by the answer path. The comment's text is kept here so the full-text vector
 * can be a generated column in the comment's own language configuration
 * (ё folded to е first: PostgreSQL's Russian stemmer keeps them apart).
 */
export const commentAnalyses = pgTable(
  'comment_analyses',
  {
    answerId: bigint('answer_id', { mode: 'number' })
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    /** 'ru', 'en' or 'other'. */
    language: text('language').notNull(),
    text: text('text').notNull(),
    topics: text('topics').array().notNull(),
    topicPolarity: jsonb('topic_polarity').$type<TopicPolarityMap>().notNull(),
    /** The NPS score the text was combined with (null when the response has none). */
    npsScore: smallint('nps_score'),
    /** Text-only sentiment, −1..1, and its label. */
    sentimentScore: real('sentiment_score').notNull(),
    sentimentLabel: text('sentiment_label').notNull(),
    /** Text and score band together. */
    finalLabel: text('final_label').notNull(),
    /** The text clearly says the opposite of the score band. */
    disagreement: boolean('disagreement').notNull(),
    taxonomyVersion: integer('taxonomy_version').notNull(),
    analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The response's completion time, attributes and channel as the comment job last read them
     * (it re-reads a response whenever its updated_at moves), so the explorer filters and sorts on
     * this table alone. Null only for a row written without them and whose response was gone.
     */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    attributes: jsonb('attributes').$type<Record<string, string>>(),
    channel: text('channel'),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector(case language when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end, translate(text, 'ёЁ', 'еЕ'))`,
      ),
  },
  (t) => [
    index('comment_analyses_tenant_survey_idx').on(t.tenantId, t.surveyId),
    // Finding analyses an older lexicon or classifier made (version < or > the current): none, at once.
    index('comment_analyses_tenant_version_idx').on(t.tenantId, t.taxonomyVersion),
    index('comment_analyses_response_idx').on(t.responseId),
    index('comment_analyses_search_idx').using('gin', t.search),
    index('comment_analyses_topics_idx').using('gin', t.topics),
    /** The explorer's order (newest completion first) within a tenant. */
    index('comment_analyses_tenant_completed_idx').on(t.tenantId, t.completedAt.desc(), t.answerId.desc()),
    index('comment_analyses_attributes_idx').using('gin', t.attributes.op('jsonb_path_ops')),
    check('comment_analyses_language_check', sql`${t.language} in ('ru', 'en', 'other')`),
    check('comment_analyses_sentiment_check', sql`${t.sentimentLabel} in ('negative', 'neutral', 'positive') and ${t.finalLabel} in ('negative', 'neutral', 'positive')`),
  ],
);

/** How far the comment job has read each tenant's responses (greatest `responses.updated_at` seen). */
export const commentWatermarks = pgTable('comment_watermarks', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  seenThrough: timestamp('seen_through', { withTimezone: true }),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A tenant's own topic lexicons: the starter taxonomy as edited by its
 * analysts (same JSON shape as domain/comments STARTER_TAXONOMY). No row =
 * the starter taxonomy. `version` grows with every save so the comment job
 * knows which analyses are stale.
 */
export const topicLexicons = pgTable('topic_lexicons', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  taxonomy: jsonb('taxonomy').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * An analyst's correction of one comment's topics and sentiment. It wins over
 * the engine for that comment and teaches the tenant's classifier.
 */
export const commentCorrections = pgTable(
  'comment_corrections',
  {
    answerId: bigint('answer_id', { mode: 'number' })
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    topics: text('topics').array().notNull(),
    sentiment: text('sentiment').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id, { onDelete: 'set null' }),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('comment_corrections_tenant_idx').on(t.tenantId, t.correctedAt),
    check('comment_corrections_sentiment_check', sql`${t.sentiment} in ('negative', 'neutral', 'positive')`),
  ],
);

/** The per-tenant classifier learnt from corrections (model JSON owned by domain/comments). */
export const commentClassifiers = pgTable('comment_classifiers', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  model: jsonb('model').notNull(),
  examples: integer('examples').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull().defaultNow(),
});
