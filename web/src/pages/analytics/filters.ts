// The dashboard's filters, shared by every analytics panel. A panel receives
// `{ tenantId, filters }` and turns the filters into its query string with
// `filterQuery`; the page keeps them in the URL so a view can be bookmarked.

export interface DashboardFilters {
  /** Inclusive local dates in the organisation's time zone, YYYY-MM-DD. */
  from: string;
  to: string;
  /** One survey, or every survey of the organisation when absent. */
  surveyId?: string | undefined;
  /** One value of one dimension (service_type, department, employee, channel, region or custom), or none. */
  dimension?: string | undefined;
  value?: string | undefined;
}

export interface AnalyticsPanelProps {
  tenantId: string;
  filters: DashboardFilters;
}

/** The filters as API query parameters (only those set). */
export function filterQuery(filters: DashboardFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  params.set('from', filters.from);
  params.set('to', filters.to);
  if (filters.surveyId) params.set('surveyId', filters.surveyId);
  if (filters.dimension && filters.value) {
    params.set('dimension', filters.dimension);
    params.set('value', filters.value);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params.toString();
}
