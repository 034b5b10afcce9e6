import {
  analyseText, analysisVersion, CLASSIFIER_FORMAT, STARTER_TAXONOMY, TaxonomyInput, taxonomyOf,
  type ClassifierModel, type CommentEngine, type Taxonomy,
} from '../../domain/comments/index.ts';
import type { TopicPolarityMap } from '../../store/schema/comments.ts';
import { findCommentClassifier, findTopicLexicon, type CommentCorrectionRow } from '../../store/repos/commentLearning.ts';
import type { CommentAnalysisInsert } from '../../store/repos/comments.ts';
import type { Queryable } from '../../store/db.ts';

/** A tenant's comment engine as stored: its lexicon (or the starter), its classifier, and the version its analyses carry. */
export interface TenantEngine {
  engine: CommentEngine;
  lexiconVersion: number;
  /** analysisVersion(lexicon, classifier): what comment_analyses.taxonomy_version holds when an analysis is current. */
  version: number;
  /** Null while the tenant uses the starter lexicon untouched (never saved). */
  lexiconUpdatedAt: Date | null;
}

/** Stored JSON of a lexicon: the editable part, plus whether it is a copy of the starter (after a reset). */
export interface StoredLexicon extends TaxonomyInput {
  starter: boolean;
}

export const TENANT_TAXONOMY_ID = 'tenant';

function parseLexicon(value: unknown): StoredLexicon | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const parsed = TaxonomyInput.safeParse({ topics: v.topics, fallbackTopic: v.fallbackTopic });
  return parsed.success ? { ...parsed.data, starter: v.starter === true } : null;
}

export function parseClassifier(value: unknown): ClassifierModel | null {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === CLASSIFIER_FORMAT ? (value as ClassifierModel) : null;
}

export async function loadCommentEngine(q: Queryable, tenantId: string): Promise<TenantEngine & { lexicon: StoredLexicon | null }> {
  const [row, classifierRow] = await Promise.all([findTopicLexicon(q, tenantId), findCommentClassifier(q, tenantId)]);
  const lexicon = row ? parseLexicon(row.taxonomy) : null;
  const lexiconVersion = row?.version ?? STARTER_TAXONOMY.version;
  const taxonomy: Taxonomy = lexicon ? taxonomyOf(lexicon, lexicon.starter ? STARTER_TAXONOMY.id : TENANT_TAXONOMY_ID, lexiconVersion) : STARTER_TAXONOMY;
  const classifier = classifierRow ? parseClassifier(classifierRow.model) : null;
  return {
    engine: { taxonomy, classifier },
    lexiconVersion,
    version: analysisVersion(lexiconVersion, classifier),
    lexiconUpdatedAt: row?.updatedAt ?? null,
    lexicon,
  };
}

/** An engine given as a bare taxonomy (tests, benchmarks): no classifier, the taxonomy's version. */
export const engineOfTaxonomy = (taxonomy: Taxonomy): TenantEngine => ({
  engine: { taxonomy, classifier: null },
  lexiconVersion: taxonomy.version,
  version: taxonomy.version,
  lexiconUpdatedAt: null,
});

/**
 * One comment through the tenant's engine; an analyst's correction, when
 * there is one, wins for topics and the final label (the text-only sentiment
 * stays what the words say) and clears the disagreement flag: someone looked.
 */
export function analyseComment(
  c: { answerId: number; surveyId: string; responseId: string; text: string; npsScore: number | null },
  tenant: TenantEngine,
  correction?: Pick<CommentCorrectionRow, 'topics' | 'sentiment'> | undefined,
): CommentAnalysisInsert {
  const a = analyseText(c.text, c.npsScore, tenant.engine);
  const topics = correction ? correction.topics : a.topics;
  const topicPolarity: TopicPolarityMap = {};
  for (const t of topics) topicPolarity[t] = a.topicPolarity[t] ?? correction?.sentiment ?? a.sentiment.text.label;
  return {
    answerId: c.answerId,
    surveyId: c.surveyId,
    responseId: c.responseId,
    language: a.language,
    text: c.text,
    topics,
    topicPolarity,
    npsScore: c.npsScore,
    sentimentScore: a.sentiment.text.score,
    sentimentLabel: a.sentiment.text.label,
    finalLabel: correction ? correction.sentiment : a.sentiment.label,
    disagreement: correction ? false : a.sentiment.disagreement,
    taxonomyVersion: tenant.version,
  };
}
