// The endpoints of the metrics, weighting and funnel panels, typed after the server's views
// (src/http/routes/analytics/metricsPresent.ts).
import { request } from '../../api.ts';
import { filterQuery, type DashboardFilters } from './filters.ts';

export interface IntervalView {
  lower: number;
  upper: number;
  level: number;
  method: string;
}

export type Unit = 'nps_points' | 'share' | 'scale_value';

export interface EstimateView {
  measure: string;
  unit: Unit;
  n: number;
  value: number | null;
  interval: IntervalView | null;
  smallSample: boolean;
}

export interface MetricView {
  metricKey: string;
  kind: 'nps' | 'share' | 'mean';
  scale: { min: number; max: number };
  current: EstimateView;
  previous: EstimateView;
  change: { difference: number | null; interval: IntervalView | null; pValue: number | null; significant: boolean; method: string };
  alongside: EstimateView | null;
  smallSample: boolean;
}

export interface MetricsView {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  smallSampleMin: number;
  metrics: MetricView[];
  unsupported: Array<{ metricKey: string; reason: 'scale_unknown' }>;
}

export interface WeightingScheme {
  id: string;
  name: string;
  dimension: string;
  /** value → population share, 0..1. */
  shares: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

export interface NpsFigures {
  n: number;
  nps: number | null;
  interval: IntervalView | null;
  smallSample: boolean;
}

export interface WeightedView {
  scheme: { id: string; name: string; dimension: string };
  period: { from: string; to: string };
  unweighted: NpsFigures;
  weighted: (NpsFigures & { effectiveN: number }) | null;
  effectiveN: number | null;
  designEffect: number | null;
  missingStrata: string[];
  unlistedStrata: string[];
  strata: Array<{ value: string; populationShare: number | null; sampleN: number; sampleShare: number | null; weight: number | null; nps: NpsFigures }>;
  withheldGroups: number;
}

export const FUNNEL_STAGES = ['planned', 'sent', 'delivered', 'opened', 'started', 'completed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export type FunnelChannel = Record<FunnelStage | 'scheduled' | 'bounced' | 'failed' | 'skipped' | 'inDoubt', number> & {
  channel: string;
  responseRate: { value: number | null; interval: IntervalView | null; n: number; smallSample: boolean };
};

export interface FunnelView {
  period: { from: string; to: string };
  channels: FunnelChannel[];
  total: FunnelChannel;
}

const base = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}/analytics`;
/** Weighting and the funnel take the period and the survey; the dimension filter does not apply to them. */
const periodOnly = (f: DashboardFilters): DashboardFilters => ({ from: f.from, to: f.to, surveyId: f.surveyId });

export const metricsApi = {
  metrics: (tenantId: string, f: DashboardFilters) => request<MetricsView>('GET', `${base(tenantId)}/metrics?${filterQuery(f)}`),
  funnel: (tenantId: string, f: DashboardFilters) => request<FunnelView>('GET', `${base(tenantId)}/funnel?${filterQuery(periodOnly(f))}`),
  weighted: (tenantId: string, f: DashboardFilters, schemeId: string) => request<WeightedView>('GET', `${base(tenantId)}/weighted?${filterQuery(periodOnly(f), { schemeId })}`),
  schemes: (tenantId: string) => request<{ items: WeightingScheme[] }>('GET', `${base(tenantId)}/weighting-schemes`),
  createScheme: (tenantId: string, body: { name: string; dimension: string; shares: Record<string, number> }) =>
    request<WeightingScheme>('POST', `${base(tenantId)}/weighting-schemes`, body),
  updateScheme: (tenantId: string, id: string, body: Partial<{ name: string; dimension: string; shares: Record<string, number> }>) =>
    request<WeightingScheme>('PATCH', `${base(tenantId)}/weighting-schemes/${encodeURIComponent(id)}`, body),
  deleteScheme: (tenantId: string, id: string) => request<void>('DELETE', `${base(tenantId)}/weighting-schemes/${encodeURIComponent(id)}`),
};
