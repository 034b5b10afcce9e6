import type { Actor } from '../../domain/access.ts';
import type { DatePeriod } from '../../domain/analytics/period.ts';
import { normalisedShares } from '../../domain/analytics/weightingScheme.ts';
import { npsCountsFromHistogram, npsFromCounts, postStratifiedNps, type NpsCounts, type NpsResult } from '../../domain/metrics/index.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { countsByValue } from './groups.ts';
import { checkedPeriod } from './headline.ts';
import { getWeightingScheme } from './weightingSchemes.ts';

export interface WeightedNpsFilter {
  schemeId: string;
  surveyId?: string | undefined;
  from: string;
  to: string;
}

export interface Stratum {
  value: string;
  /** The scheme's share, rescaled so the scheme sums to exactly 1; null for a value the scheme does not list. */
  populationShare: number | null;
  sampleN: number;
  /** sampleN over the answers in the scheme's strata; null for a value the scheme does not list. */
  sampleShare: number | null;
  /** populationShare / sampleShare; 0 for a value outside the scheme; null when it cannot be formed (no answers). */
  weight: number | null;
  /** The stratum's own NPS and interval. */
  nps: NpsResult;
}

export interface WeightedNps {
  scheme: { id: string; name: string; dimension: string };
  period: DatePeriod;
  /** Every answer carrying a value of the dimension, unweighted. */
  unweighted: NpsResult;
  /**
   * Post-stratified over the scheme's strata (answers of values outside the
   * scheme get weight 0); the interval uses Kish's effective n. Null when a
   * stratum with a population share has no answers: nothing can stand in for
   * it, and quietly renormalising over the rest would report a population the
   * scheme does not describe. `missingStrata` names them.
   */
  weighted: NpsResult | null;
  missingStrata: string[];
  /** Values with answers that the scheme does not list: left out of the weighted NPS. */
  unlistedStrata: string[];
  strata: Stratum[];
  /** Groups of anonymous surveys with too few answers to show; their answers are in neither figure. */
  withheldGroups: number;
}

const ZERO: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
const total = (c: NpsCounts) => c.promoters + c.passives + c.detractors;
const add = (a: NpsCounts, b: NpsCounts): NpsCounts => ({ promoters: a.promoters + b.promoters, passives: a.passives + b.passives, detractors: a.detractors + b.detractors });

/** Unweighted and post-stratified NPS of a period, by a weighting scheme, from the rollups' counts per value. */
export async function weightedNps(ctx: AppContext, actor: Actor, tenantId: string, filter: WeightedNpsFilter): Promise<WeightedNps> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  const scheme = await getWeightingScheme(ctx, actor, tenantId, filter.schemeId);
  const { groups, withheld } = await countsByValue(ctx, { tenantId, metricKey: 'nps', surveyId: filter.surveyId, from: period.from, to: period.to, dimension: scheme.dimension });
  const options = { smallSampleThreshold: ctx.config.metrics.smallSampleMin };
  const shares = normalisedShares(scheme.shares);
  const sample = new Map(groups.map((g) => [g.value, npsCountsFromHistogram(g.counts)]));
  for (const [value, counts] of [...sample]) if (total(counts) === 0) sample.delete(value);

  const inScheme = Object.keys(shares).sort((a, b) => shares[b]! - shares[a]! || (a < b ? -1 : 1));
  const unlisted = [...sample.keys()].filter((v) => !Object.hasOwn(shares, v)).sort();
  const missingStrata = inScheme.filter((v) => shares[v]! > 0 && !sample.has(v));
  const schemeN = inScheme.reduce((s, v) => s + total(sample.get(v) ?? ZERO), 0);

  let weighted: (NpsResult & { weights: Array<{ key: string; weight: number }> }) | null = null;
  if (missingStrata.length === 0 && schemeN > 0) {
    weighted = postStratifiedNps(inScheme.map((v) => ({ key: v, populationShare: shares[v]!, ...(sample.get(v) ?? ZERO) })), options);
  }
  const weightOf = new Map(weighted?.weights.map((w) => [w.key, w.weight]) ?? []);
  const strata: Stratum[] = [
    ...inScheme.map((value) => {
      const counts = sample.get(value) ?? ZERO;
      const n = total(counts);
      const sampleShare = schemeN === 0 ? null : n / schemeN;
      const share = shares[value]!;
      const weight = weightOf.get(value) ?? (n === 0 || sampleShare === null ? null : share / sampleShare);
      return { value, populationShare: share, sampleN: n, sampleShare, weight, nps: npsFromCounts(counts, options) };
    }),
    ...unlisted.map((value) => {
      const counts = sample.get(value)!;
      return { value, populationShare: null, sampleN: total(counts), sampleShare: null, weight: 0, nps: npsFromCounts(counts, options) };
    }),
  ];
  const all = [...sample.values()].reduce(add, ZERO);
  return {
    scheme: { id: scheme.id, name: scheme.name, dimension: scheme.dimension },
    period,
    unweighted: npsFromCounts(all, options),
    weighted: weighted ? { ...weighted } : null,
    missingStrata,
    unlistedStrata: unlisted,
    strata,
    withheldGroups: withheld,
  };
}
