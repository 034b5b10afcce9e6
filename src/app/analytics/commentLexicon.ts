import type { Actor } from '../../domain/access.ts';
import {
  MIN_SENTIMENT_EXAMPLES, MIN_TOPIC_EXAMPLES, readyTopics, sentimentReady, STARTER_TAXONOMY, type TaxonomyInput,
} from '../../domain/comments/index.ts';
import { requestCommentAnalysis } from '../../jobs/definitions/comments.ts';
import { countStaleAnalyses, findCommentClassifier, saveTopicLexicon } from '../../store/repos/commentLearning.ts';
import type { Queryable } from '../../store/db.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { loadCommentEngine, parseClassifier, type StoredLexicon } from './commentEngine.ts';

/** Who may change a tenant's lexicon: those who manage its surveys (it changes every analysis of the tenant). */
export const LEXICON_WRITE_PERMISSION = 'surveys.manage';

export interface LexiconState {
  version: number;
  /** The starter lexicon: never edited, or reset to it. */
  starter: boolean;
  updatedAt: Date | null;
  taxonomy: TaxonomyInput;
  /** Analyses an older lexicon or classifier made, waiting for the background re-analysis. */
  staleAnalyses: number;
  classifier: {
    /** Corrections it was trained on; 0 before the first training. */
    examples: number;
    trainedAt: Date | null;
    /** Topics with enough corrections (MIN_TOPIC_EXAMPLES) for the classifier to add them. */
    activeTopics: string[];
    sentimentActive: boolean;
    minTopicExamples: number;
    minSentimentExamples: number;
  };
}

async function state(q: Queryable, tenantId: string): Promise<LexiconState> {
  const tenant = await loadCommentEngine(q, tenantId);
  const classifierRow = await findCommentClassifier(q, tenantId);
  const model = classifierRow ? parseClassifier(classifierRow.model) : null;
  const { taxonomy } = tenant.engine;
  return {
    version: tenant.lexiconVersion,
    starter: tenant.lexicon === null || tenant.lexicon.starter,
    updatedAt: tenant.lexiconUpdatedAt,
    taxonomy: { topics: taxonomy.topics, fallbackTopic: taxonomy.fallbackTopic },
    staleAnalyses: await countStaleAnalyses(q, tenantId, tenant.version),
    classifier: {
      examples: classifierRow?.examples ?? 0,
      trainedAt: classifierRow?.trainedAt ?? null,
      activeTopics: model ? readyTopics(model, taxonomy.topics.map((t) => t.id)) : [],
      sentimentActive: model ? sentimentReady(model) : false,
      minTopicExamples: MIN_TOPIC_EXAMPLES,
      minSentimentExamples: MIN_SENTIMENT_EXAMPLES,
    },
  };
}

export async function getLexicon(ctx: AppContext, actor: Actor, tenantId: string): Promise<LexiconState> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  return state(ctx.db, tenantId);
}

async function save(ctx: AppContext, actor: Actor, tenantId: string, lexicon: StoredLexicon, meta: RequestMeta, action: string): Promise<LexiconState> {
  requireTenantPermission(actor, tenantId, LEXICON_WRITE_PERMISSION);
  return ctx.db.transaction(async (tx) => {
    const version = await saveTopicLexicon(tx, tenantId, {
      taxonomy: lexicon,
      baseVersion: STARTER_TAXONOMY.version,
      updatedBy: actor.kind === 'user' ? actor.userId : null,
      at: ctx.clock.now(),
    });
    await recordAudit(tx, actor, meta, {
      action,
      tenantId,
      targetType: 'tenant',
      targetId: tenantId,
      details: { version, topics: lexicon.topics.map((t) => t.id), entries: lexicon.topics.reduce((n, t) => n + t.entries.length, 0) },
    });
    // The new version makes every analysis of the tenant stale; the job redoes them by batches.
    await requestCommentAnalysis(tx, tenantId);
    return state(tx, tenantId);
  });
}

/** Replaces the tenant's topic lexicon (validated by TaxonomyInput at the edge) and bumps its version. */
export const putLexicon = (ctx: AppContext, actor: Actor, tenantId: string, input: TaxonomyInput, meta: RequestMeta) =>
  save(ctx, actor, tenantId, { topics: input.topics, fallbackTopic: input.fallbackTopic, starter: false }, meta, 'comments.lexicon_saved');

/** Back to the starter lexicon, as a new version (versions never go back, so stale analyses stay detectable). */
export const resetLexicon = (ctx: AppContext, actor: Actor, tenantId: string, meta: RequestMeta) =>
  save(ctx, actor, tenantId, { topics: STARTER_TAXONOMY.topics, fallbackTopic: STARTER_TAXONOMY.fallbackTopic, starter: true }, meta, 'comments.lexicon_reset');
