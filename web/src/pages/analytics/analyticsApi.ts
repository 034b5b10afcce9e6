// The analytics endpoints the dashboard reads, typed. Every call takes the dashboard filters.
import { API_BASE, request } from '../../api.ts';
import type { BreakdownView, CommentsPage, EmployeesView, Granularity, HeadlineView, RankingMethod, TopicsView, TrendView } from './analyticsTypes.ts';
import { filterQuery, type DashboardFilters } from './filters.ts';

const base = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}/analytics`;

export interface CommentFilterInput {
  q?: string | undefined;
  topic?: string | undefined;
  sentiment?: string | undefined;
  scoreMin?: string | undefined;
  scoreMax?: string | undefined;
}

/** The comment explorer's own filters, only those set. */
const commentExtra = (f: CommentFilterInput): Record<string, string | undefined> => ({
  q: f.q?.trim() || undefined,
  topic: f.topic || undefined,
  sentiment: f.sentiment || undefined,
  scoreMin: f.scoreMin || undefined,
  scoreMax: f.scoreMax || undefined,
});

export const analyticsApi = {
  headline: (tenantId: string, f: DashboardFilters) => request<HeadlineView>('GET', `${base(tenantId)}/headline?${filterQuery(f)}`),
  trend: (tenantId: string, f: DashboardFilters, granularity: Granularity) => request<TrendView>('GET', `${base(tenantId)}/trend?${filterQuery(f, { granularity })}`),
  /** A breakdown is by one dimension: the dashboard's dimension filter does not apply to it. */
  breakdown: (tenantId: string, f: DashboardFilters, dimension: string) =>
    request<BreakdownView>('GET', `${base(tenantId)}/breakdown?${filterQuery({ from: f.from, to: f.to, surveyId: f.surveyId }, { dimension })}`),
  employees: (tenantId: string, f: DashboardFilters, method: RankingMethod) =>
    request<EmployeesView>('GET', `${base(tenantId)}/employees?${filterQuery({ from: f.from, to: f.to, surveyId: f.surveyId }, { method })}`),
  comments: (tenantId: string, f: DashboardFilters, c: CommentFilterInput, cursor?: string) =>
    request<CommentsPage>('GET', `${base(tenantId)}/comments?${filterQuery(f, { ...commentExtra(c), cursor, limit: '50' })}`),
  topics: (tenantId: string, f: DashboardFilters) => request<TopicsView>('GET', `${base(tenantId)}/topics?${filterQuery(f)}`),
};

/** Links for the export buttons (plain downloads, same query as the screen). */
export const exportLinks = {
  employees: (tenantId: string, f: DashboardFilters, method: RankingMethod, ext: 'csv' | 'xlsx') =>
    `${API_BASE}${base(tenantId)}/employees.${ext}?${filterQuery({ from: f.from, to: f.to, surveyId: f.surveyId }, { method })}`,
  comments: (tenantId: string, f: DashboardFilters, c: CommentFilterInput, ext: 'csv' | 'xlsx') =>
    `${API_BASE}${base(tenantId)}/comments.${ext}?${filterQuery(f, commentExtra(c))}`,
};
