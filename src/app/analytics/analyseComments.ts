import { combineWithScore, detectLanguage, sentimentOf, STARTER_TAXONOMY, topicsOf, type Taxonomy } from '../../domain/comments/index.ts';
import type { TopicPolarityMap } from '../../store/schema/comments.ts';
import {
  advanceCommentWatermark, deleteCommentAnalyses, findChangedComments, listCommentTenants, lockCommentWatermark, upsertCommentAnalyses,
  type ChangedComment, type CommentAnalysisInsert, type CommentScanCursor,
} from '../../store/repos/comments.ts';
import type { AppContext } from '../context.ts';
import { ROLLUP_OVERLAP_MS } from './refreshRollups.ts';

/** Answers analysed per transaction. */
export const COMMENT_BATCH_SIZE = 1000;

export interface CommentRunSummary {
  tenants: number;
  scanned: number;
  written: number;
  removed: number;
}

/** The pure engine over one comment; `text` must be non-empty. */
export function analyseComment(c: ChangedComment & { text: string }, taxonomy: Taxonomy): CommentAnalysisInsert {
  const topics = topicsOf(c.text, taxonomy);
  const sentiment = sentimentOf(c.text);
  const combined = combineWithScore(sentiment, c.npsScore);
  const topicPolarity: TopicPolarityMap = {};
  for (const t of topics) topicPolarity[t.topic] = t.polarity;
  return {
    answerId: c.answerId,
    surveyId: c.surveyId,
    responseId: c.responseId,
    language: detectLanguage(c.text),
    text: c.text,
    topics: topics.map((t) => t.topic),
    topicPolarity,
    npsScore: c.npsScore,
    sentimentScore: sentiment.score,
    sentimentLabel: sentiment.label,
    finalLabel: combined.label,
    disagreement: combined.disagreement,
    taxonomyVersion: taxonomy.version,
  };
}

/**
 * Brings the comment analyses up to date: for each tenant, the open-text
 * answers of responses changed since the last run (looking back
 * ROLLUP_OVERLAP_MS for late commits) are analysed with the pure engine and
 * upserted, a batch per transaction; answers that no longer qualify (a test
 * or unfinished response, emptied text) lose their analysis. The watermark
 * only moves forward and its row lock makes runs for one tenant take turns.
 * Safe to run any number of times: the same input gives the same rows.
 */
export async function analyseComments(
  ctx: AppContext,
  opts: { tenantId?: string | undefined; taxonomy?: Taxonomy; batchSize?: number } = {},
): Promise<CommentRunSummary> {
  const taxonomy = opts.taxonomy ?? STARTER_TAXONOMY;
  const batchSize = opts.batchSize ?? COMMENT_BATCH_SIZE;
  const summary: CommentRunSummary = { tenants: 0, scanned: 0, written: 0, removed: 0 };
  for (const tenantId of await listCommentTenants(ctx.db, opts.tenantId)) {
    let since: string | null | undefined;
    let after: CommentScanCursor | null = null;
    for (;;) {
      const batch = await ctx.db.transaction(async (tx) => {
        const seen = await lockCommentWatermark(tx, tenantId);
        if (since === undefined) since = seen;
        const rows = await findChangedComments(tx, tenantId, { since, lookBackMs: ROLLUP_OVERLAP_MS, after, limit: batchSize });
        const keep = rows.filter((r): r is ChangedComment & { text: string } => r.qualifies && r.text !== null);
        const written = await upsertCommentAnalyses(tx, tenantId, keep.map((r) => analyseComment(r, taxonomy)), ctx.clock.now());
        const removed = await deleteCommentAnalyses(tx, tenantId, rows.filter((r) => !r.qualifies).map((r) => r.answerId));
        const last = rows.at(-1);
        await advanceCommentWatermark(tx, tenantId, last?.updatedAt ?? null, ctx.clock.now());
        return { scanned: rows.length, written, removed, last };
      });
      summary.scanned += batch.scanned;
      summary.written += batch.written;
      summary.removed += batch.removed;
      if (!batch.last || batch.scanned < batchSize) break;
      after = { updatedAt: batch.last.updatedAt, answerId: batch.last.answerId };
    }
    summary.tenants += 1;
  }
  return summary;
}
