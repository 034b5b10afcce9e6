import type { Taxonomy } from '../../domain/comments/index.ts';
import { findCommentCorrections, findStaleAnalyses, lockCommentAnalyses } from '../../store/repos/commentLearning.ts';
import {
  advanceCommentWatermark, deleteCommentAnalyses, findChangedComments, listCommentTenants, lockCommentWatermark, upsertCommentAnalyses,
  type ChangedComment, type CommentScanCursor,
} from '../../store/repos/comments.ts';
import type { AppContext } from '../context.ts';
import { analyseComment, engineOfTaxonomy, loadCommentEngine, type TenantEngine } from './commentEngine.ts';
import { ROLLUP_OVERLAP_MS } from './refreshRollups.ts';

export { analyseComment } from './commentEngine.ts';

/** Answers analysed per transaction. */
export const COMMENT_BATCH_SIZE = 1000;

export interface CommentRunSummary {
  tenants: number;
  scanned: number;
  written: number;
  removed: number;
  /** Analyses redone because the tenant's lexicon or classifier changed since they were made. */
  reanalysed: number;
}

/**
 * Brings the comment analyses up to date: for each tenant, the open-text
 * answers of responses changed since the last run (looking back
 * ROLLUP_OVERLAP_MS for late commits) are analysed with the tenant's engine
 * (its lexicon, its classifier, its analysts' corrections) and upserted, a
 * batch per transaction; answers that no longer qualify (a test or
 * unfinished response, emptied text) lose their analysis. The watermark only
 * moves forward and its row lock makes runs for one tenant take turns. Then
 * every analysis an older engine made (taxonomy_version ≠ the tenant's
 * current version) is redone, by batches in answer id order — on runs asked
 * for one tenant (a lexicon save and a classifier training ask), not on the
 * every-minute run over all tenants, which would read every analysis each
 * minute to find none stale. Safe to run any number of times: the same input
 * gives the same rows. `taxonomy` replaces the tenant's engine (tests).
 */
export async function analyseComments(
  ctx: AppContext,
  opts: { tenantId?: string | undefined; taxonomy?: Taxonomy; batchSize?: number; reanalyse?: boolean } = {},
): Promise<CommentRunSummary> {
  const batchSize = opts.batchSize ?? COMMENT_BATCH_SIZE;
  const reanalyse = opts.reanalyse ?? opts.tenantId !== undefined;
  const summary: CommentRunSummary = { tenants: 0, scanned: 0, written: 0, removed: 0, reanalysed: 0 };
  for (const tenantId of await listCommentTenants(ctx.db, opts.tenantId)) {
    const tenant = opts.taxonomy ? engineOfTaxonomy(opts.taxonomy) : await loadCommentEngine(ctx.db, tenantId);
    let since: string | null | undefined;
    let after: CommentScanCursor | null = null;
    for (;;) {
      const batch = await ctx.db.transaction(async (tx) => {
        const seen = await lockCommentWatermark(tx, tenantId);
        if (since === undefined) since = seen;
        const rows = await findChangedComments(tx, tenantId, { since, lookBackMs: ROLLUP_OVERLAP_MS, after, limit: batchSize });
        const keep = rows.filter((r): r is ChangedComment & { text: string } => r.qualifies && r.text !== null);
        await lockCommentAnalyses(tx, tenantId, keep.map((r) => r.answerId));
        const corrections = await findCommentCorrections(tx, tenantId, keep.map((r) => r.answerId));
        const analyses = keep.map((r) => analyseComment(r, tenant, corrections.get(r.answerId)));
        const written = await upsertCommentAnalyses(tx, tenantId, analyses, ctx.clock.now());
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
    if (reanalyse) summary.reanalysed += await reanalyseStale(ctx, tenantId, tenant, batchSize);
    summary.tenants += 1;
  }
  return summary;
}

/**
 * Redoes the tenant's analyses whose version is not the engine's, keyset by
 * answer id, a batch per transaction. Each batch rewrites what it read, so a
 * crash loses at most one batch of work and the next run carries on.
 */
async function reanalyseStale(ctx: AppContext, tenantId: string, tenant: TenantEngine, batchSize: number): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await findStaleAnalyses(tx, tenantId, tenant.version, after, batchSize);
      const corrections = await findCommentCorrections(tx, tenantId, rows.map((r) => r.answerId));
      const written = await upsertCommentAnalyses(tx, tenantId, rows.map((r) => analyseComment(r, tenant, corrections.get(r.answerId))), ctx.clock.now());
      return { count: rows.length, written, last: rows.at(-1)?.answerId };
    });
    total += done.written;
    if (done.last === undefined || done.count < batchSize) return total;
    after = done.last;
  }
}
