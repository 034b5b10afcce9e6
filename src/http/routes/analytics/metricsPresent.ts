import { z } from 'zod';
import type { MetricsOverview } from '../../../app/analytics/metricsOverview.ts';
import type { ResponseFunnel, FunnelChannel } from '../../../app/analytics/funnel.ts';
import type { WeightedNps } from '../../../app/analytics/weightedNps.ts';
import type { Estimate } from '../../../domain/analytics/metricFigures.ts';
import type { NpsResult } from '../../../domain/metrics/index.ts';
import type { WeightingSchemeRow } from '../../../store/repos/weightingSchemes.ts';

const PeriodView = z.object({ from: z.string(), to: z.string() });
const IntervalView = z.object({ lower: z.number(), upper: z.number(), level: z.number(), method: z.string() }).nullable().describe('95% interval in the estimate’s unit; null when n = 0');

const EstimateView = z.object({
  measure: z.string().describe('nps, enps, csat_top2_box, csat_mean, ces_mean, ces_easy_share, fcr, cli, mean'),
  unit: z.enum(['nps_points', 'share', 'scale_value']).describe('nps_points −100..100; share 0..1; scale_value on the question’s scale'),
  n: z.number().int(),
  value: z.number().nullable().describe('null when n = 0'),
  interval: IntervalView,
  smallSample: z.boolean(),
});
const presentEstimate = (e: Estimate): z.infer<typeof EstimateView> => e;

export const MetricsView = z.object({
  period: PeriodView,
  previousPeriod: PeriodView,
  smallSampleMin: z.number().int(),
  metrics: z.array(
    z.object({
      metricKey: z.string(),
      kind: z.enum(['nps', 'share', 'mean']),
      scale: z.object({ min: z.number(), max: z.number() }),
      current: EstimateView,
      previous: EstimateView,
      change: z.object({
        difference: z.number().nullable().describe('current − previous in the unit'),
        interval: IntervalView,
        pValue: z.number().nullable(),
        significant: z.boolean(),
        method: z.enum(['nps_z', 'two_proportion_z', 'welch_t']),
      }),
      alongside: EstimateView.nullable().describe('CSAT: the mean on 1–5; CES: the share of easy answers (5–7); otherwise null'),
      smallSample: z.boolean(),
    }),
  ),
  unsupported: z.array(z.object({ metricKey: z.string(), reason: z.literal('scale_unknown') })).describe('Keys with answers outside 0–10: no known scale to estimate on'),
  withheld: z.boolean().describe('Some figures are shown as no answers: the value belongs to an anonymous survey and has fewer than 5 answers'),
});

export const presentMetrics = (m: MetricsOverview): z.infer<typeof MetricsView> => ({
  period: m.period,
  previousPeriod: m.previousPeriod,
  smallSampleMin: m.smallSampleMin,
  metrics: m.metrics.map((f) => ({ ...f, current: presentEstimate(f.current), previous: presentEstimate(f.previous), alongside: f.alongside && presentEstimate(f.alongside) })),
  unsupported: m.unsupported,
  withheld: m.withheld,
});

const NpsFiguresView = z.object({
  n: z.number().int(),
  nps: z.number().nullable().describe('NPS points; null when n = 0'),
  interval: IntervalView,
  smallSample: z.boolean(),
});
const npsFigures = (r: NpsResult): z.infer<typeof NpsFiguresView> => ({ n: r.n, nps: r.estimate, interval: r.interval, smallSample: r.smallSample });

export const WeightedView = z.object({
  scheme: z.object({ id: z.uuid(), name: z.string(), dimension: z.string() }),
  period: PeriodView,
  unweighted: NpsFiguresView.describe('Every answer carrying a value of the dimension'),
  weighted: NpsFiguresView.extend({ effectiveN: z.number().describe('Kish effective sample size (Σw)²/Σw²; the interval and the small-sample flag use it') })
    .nullable()
    .describe('Post-stratified NPS; null when a stratum with a population share has no answers (see missingStrata): it is not renormalised away'),
  effectiveN: z.number().nullable(),
  designEffect: z.number().nullable().describe('n / effective n: how much precision the weighting costs'),
  missingStrata: z.array(z.string()).describe('Values with a population share but no answers in the period'),
  unlistedStrata: z.array(z.string()).describe('Values with answers the scheme does not list; weight 0'),
  strata: z.array(
    z.object({
      value: z.string(),
      populationShare: z.number().nullable().describe('0..1, rescaled to sum to exactly 1; null when the scheme does not list the value'),
      sampleN: z.number().int(),
      sampleShare: z.number().nullable().describe('Share of the answers in the scheme’s strata'),
      weight: z.number().nullable().describe('populationShare / sampleShare; null when the stratum has no answers'),
      nps: NpsFiguresView,
    }),
  ),
  withheldGroups: z.number().int().describe('Groups of anonymous surveys with fewer than 5 answers, left out of both figures'),
});

export function presentWeighted(w: WeightedNps): z.infer<typeof WeightedView> {
  const effectiveN = w.weighted?.effectiveN ?? null;
  return {
    scheme: w.scheme,
    period: w.period,
    unweighted: npsFigures(w.unweighted),
    weighted: w.weighted ? { ...npsFigures(w.weighted), effectiveN: w.weighted.effectiveN } : null,
    effectiveN,
    designEffect: w.weighted && effectiveN ? w.weighted.n / effectiveN : null,
    missingStrata: w.missingStrata,
    unlistedStrata: w.unlistedStrata,
    strata: w.strata.map((s) => ({ ...s, nps: npsFigures(s.nps) })),
    withheldGroups: w.withheldGroups,
  };
}

const FunnelChannelView = z.object({
  channel: z.string().describe('email, sms, voice; "all" for the total'),
  planned: z.number().int(),
  scheduled: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  inDoubt: z.number().int(),
  opened: z.number().int().describe('People reached by this channel who opened the survey'),
  started: z.number().int(),
  completed: z.number().int(),
  responseRate: z.object({
    value: z.number().nullable().describe('completed / sent, 0..1; null when nothing was sent'),
    interval: IntervalView.describe('Wilson 95% interval'),
    n: z.number().int(),
    smallSample: z.boolean(),
  }),
});
const presentChannel = (c: FunnelChannel): z.infer<typeof FunnelChannelView> => ({
  ...c,
  responseRate: { value: c.responseRate.estimate, interval: c.responseRate.interval, n: c.responseRate.n, smallSample: c.responseRate.smallSample },
});

export const FunnelView = z.object({ period: PeriodView, channels: z.array(FunnelChannelView), total: FunnelChannelView });
export const presentFunnel = (f: ResponseFunnel): z.infer<typeof FunnelView> => ({ period: f.period, channels: f.channels.map(presentChannel), total: presentChannel(f.total) });

export const WeightingSchemeView = z.object({
  id: z.uuid(),
  name: z.string(),
  dimension: z.string(),
  shares: z.record(z.string(), z.number()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const presentScheme = (s: WeightingSchemeRow): z.infer<typeof WeightingSchemeView> => ({
  id: s.id,
  name: s.name,
  dimension: s.dimension,
  shares: s.shares,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
