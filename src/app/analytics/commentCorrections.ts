import type { Actor } from '../../domain/access.ts';
import type { SentimentLabel } from '../../domain/comments/index.ts';
import { requestClassifierTraining } from '../../jobs/definitions/comments.ts';
import { deleteCommentCorrection, findStoredComment, upsertCommentCorrection } from '../../store/repos/commentLearning.ts';
import { upsertCommentAnalyses } from '../../store/repos/comments.ts';
import type { Queryable } from '../../store/db.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { analyseComment, loadCommentEngine } from './commentEngine.ts';
import { explorerComment, type ListedComment } from './comments.ts';

export interface CommentCorrection {
  topics: string[];
  sentiment: SentimentLabel;
}

/**
 * An analyst's correction of one comment: it replaces the engine's topics and
 * final label at once (the stored analysis is rewritten in the same
 * transaction), survives every re-analysis, and teaches the tenant's
 * classifier at its next training (at most one a minute). Only comments the
 * explorer shows can be corrected; anonymous ones too (no personal data is
 * touched). Returns the comment as the explorer now shows it.
 */
export async function correctComment(ctx: AppContext, actor: Actor, tenantId: string, answerId: number, correction: CommentCorrection): Promise<ListedComment> {
  requireTenantPermission(actor, tenantId, 'comments.correct');
  return ctx.db.transaction(async (tx) => {
    const tenant = await loadCommentEngine(tx, tenantId);
    const known = new Set(tenant.engine.taxonomy.topics.map((t) => t.id));
    const topics = [...new Set(correction.topics)];
    const unknown = topics.filter((t) => !known.has(t));
    if (unknown.length > 0) throw invalid('validation', `Not a topic of this organisation’s lexicon: ${unknown.join(', ')}`, { field: 'topics' });
    const stored = await visibleStoredComment(tx, tenantId, answerId);
    await upsertCommentCorrection(tx, tenantId, { answerId, topics, sentiment: correction.sentiment, correctedBy: actor.kind === 'user' ? actor.userId : null, at: ctx.clock.now() });
    await upsertCommentAnalyses(tx, tenantId, [analyseComment(stored, tenant, { topics, sentiment: correction.sentiment })], ctx.clock.now());
    await requestClassifierTraining(tx, tenantId, ctx.clock.now());
    return (await explorerComment(tx, tenantId, answerId))!;
  });
}

/** Removes the correction: the engine's analysis comes back at once. Removing none is not an error. */
export async function uncorrectComment(ctx: AppContext, actor: Actor, tenantId: string, answerId: number): Promise<ListedComment> {
  requireTenantPermission(actor, tenantId, 'comments.correct');
  return ctx.db.transaction(async (tx) => {
    const stored = await visibleStoredComment(tx, tenantId, answerId);
    if (await deleteCommentCorrection(tx, tenantId, answerId)) {
      await upsertCommentAnalyses(tx, tenantId, [analyseComment(stored, await loadCommentEngine(tx, tenantId))], ctx.clock.now());
      await requestClassifierTraining(tx, tenantId, ctx.clock.now());
    }
    return (await explorerComment(tx, tenantId, answerId))!;
  });
}

async function visibleStoredComment(q: Queryable, tenantId: string, answerId: number) {
  const stored = await findStoredComment(q, tenantId, answerId);
  if (!stored || !(await explorerComment(q, tenantId, answerId))) throw notFound('Comment');
  return stored;
}
