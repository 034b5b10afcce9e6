/**
 * The dashboard's tables as rows for a file: the same use cases as the JSON
 * endpoints, so a file shows exactly the numbers the screen does (full
 * precision; the spreadsheet rounds). Columns are stable keys; the HTTP layer
 * puts headers in the reader's language on them.
 */
import type { Actor } from '../../domain/access.ts';
import { surveyNames } from '../../store/repos/analyticsTables.ts';
import type { AppContext } from '../context.ts';
import { npsBreakdown, type NpsBreakdownFilter } from './breakdown.ts';
import { COMMENTS_PAGE_MAX, listCommentsForExplorer, topicImpact, type CommentQuery } from './comments.ts';
import { employeeRanking, type EmployeeRankingFilter } from './employeeRanking.ts';

/** A cell of an exported table; booleans are worded by the presenter (yes / no in the reader's language). */
export type TableCell = string | number | boolean | null;

export interface ExportTable<K extends string = string> {
  columns: readonly K[];
  rows: AsyncIterable<TableCell[]>;
}

async function* fromArray(rows: TableCell[][]): AsyncGenerator<TableCell[]> {
  yield* rows;
}

export const BREAKDOWN_COLUMNS = ['value', 'n', 'nps', 'interval_lower', 'interval_upper', 'promoters', 'passives', 'detractors', 'small_sample', 'rank'] as const;

export async function breakdownTable(ctx: AppContext, actor: Actor, tenantId: string, filter: NpsBreakdownFilter): Promise<ExportTable> {
  const b = await npsBreakdown(ctx, actor, tenantId, filter);
  const rows = b.groups.map((g) => [g.value, g.n, g.nps, g.interval?.lower ?? null, g.interval?.upper ?? null, g.counts.promoters, g.counts.passives, g.counts.detractors, g.small, g.rank]);
  return { columns: BREAKDOWN_COLUMNS, rows: fromArray(rows) };
}

export const EMPLOYEE_COLUMNS = ['rank', 'employee', 'department', 'n', 'nps', 'interval_lower', 'interval_upper', 'ranking_score', 'method', 'small_sample'] as const;

/** The payroll export of the employee ranking. */
export async function employeesTable(ctx: AppContext, actor: Actor, tenantId: string, filter: EmployeeRankingFilter): Promise<ExportTable> {
  const r = await employeeRanking(ctx, actor, tenantId, filter);
  const rows = r.employees.map((e) => [e.rank, e.employee, e.department, e.n, e.nps, e.interval?.lower ?? null, e.interval?.upper ?? null, e.score, r.method, e.small]);
  return { columns: EMPLOYEE_COLUMNS, rows: fromArray(rows) };
}

export const TOPIC_COLUMNS = [
  'topic', 'label', 'mentioning_n', 'mentioning_nps', 'mentioning_lower', 'mentioning_upper', 'rest_n', 'rest_nps', 'impact', 'impact_lower', 'impact_upper', 'p_value', 'significant',
] as const;

export async function topicsTable(ctx: AppContext, actor: Actor, tenantId: string, query: Parameters<typeof topicImpact>[3], locale: 'ru' | 'en'): Promise<ExportTable> {
  const r = await topicImpact(ctx, actor, tenantId, query);
  const rows = r.topics.map((t) => [
    t.topic, t.label?.[locale] ?? null,
    t.mentioning.n, t.mentioning.estimate, t.mentioning.interval?.lower ?? null, t.mentioning.interval?.upper ?? null,
    t.rest.n, t.rest.estimate,
    t.impact.difference, t.impact.interval?.lower ?? null, t.impact.interval?.upper ?? null, t.impact.pValue, t.impact.significant,
  ]);
  return { columns: TOPIC_COLUMNS, rows: fromArray(rows) };
}

export const COMMENT_COLUMNS = ['completed_at', 'survey', 'response_id', 'language', 'score', 'text', 'topics', 'sentiment', 'disagreement', 'dimensions'] as const;

/**
 * Every comment the explorer's filters match, newest first, read page by page
 * with the explorer's own keyset cursor (and so its anonymity rules: no
 * response id, the day only, small groups' dimensions withheld). The first
 * page is read before the file starts, so a bad filter is still a 400.
 */
export async function commentsTable(ctx: AppContext, actor: Actor, tenantId: string, query: CommentQuery): Promise<ExportTable> {
  const first = await listCommentsForExplorer(ctx, actor, tenantId, { ...query, limit: COMMENTS_PAGE_MAX });
  const names = await surveyNames(ctx.db, tenantId);
  async function* rows(): AsyncGenerator<TableCell[]> {
    let page = first;
    for (;;) {
      for (const c of page.items) {
        yield [
          c.anonymous ? c.completedAt.toISOString().slice(0, 10) : c.completedAt.toISOString(),
          names.get(c.surveyId) ?? c.surveyId,
          c.anonymous ? null : c.responseId,
          c.language,
          c.npsScore,
          c.text,
          c.topics.join(', '),
          c.finalLabel,
          c.disagreement,
          Object.entries(c.attributes).map(([k, v]) => `${k}=${v}`).concat(c.channel ? [`channel=${c.channel}`] : []).join('; '),
        ];
      }
      if (!page.nextCursor) return;
      page = await listCommentsForExplorer(ctx, actor, tenantId, { ...query, cursor: page.nextCursor, limit: COMMENTS_PAGE_MAX });
    }
  }
  return { columns: COMMENT_COLUMNS, rows: rows() };
}
