import { ANONYMOUS_GROUP_MIN } from '../../domain/surveys/anonymity.ts';
import type { AppContext } from '../context.ts';
import { ALL_DIMENSION } from '../../store/repos/rollups.ts';
import { anonymousSurveyIds, rollupCountsByValue, rollupSurveyCounts, type RollupScope } from '../../store/repos/dashboard.ts';

export interface ValueCounts {
  value: string;
  /** Summed counts per score 0–10 over the scope's surveys. */
  counts: number[];
}

/**
 * Score counts per value of a dimension, from the rollups, with the anonymity
 * rule applied: a value whose answers include any from an anonymous survey is
 * withheld entirely (not listed, not counted) while it has fewer than
 * ANONYMOUS_GROUP_MIN answers, as listings do (see domain/surveys/anonymity.ts).
 */
export async function countsByValue(ctx: AppContext, scope: RollupScope & { dimension: string }): Promise<{ groups: ValueCounts[]; withheld: number }> {
  const [rows, anonymous] = await Promise.all([rollupCountsByValue(ctx.db, scope), anonymousSurveyIds(ctx.db, scope.tenantId)]);
  const byValue = new Map<string, { counts: number[]; anonymous: boolean }>();
  for (const row of rows) {
    const group = byValue.get(row.value) ?? { counts: row.counts.map(() => 0), anonymous: false };
    row.counts.forEach((c, i) => (group.counts[i] = (group.counts[i] ?? 0) + c));
    group.anonymous ||= anonymous.has(row.surveyId);
    byValue.set(row.value, group);
  }
  const groups: ValueCounts[] = [];
  let withheld = 0;
  for (const [value, group] of byValue) {
    const n = group.counts.reduce((s, c) => s + c, 0);
    if (group.anonymous && n < ANONYMOUS_GROUP_MIN) withheld += 1;
    else groups.push({ value, counts: group.counts });
  }
  return { groups, withheld };
}

/**
 * Whether a figure filtered to one dimension value must be withheld, by the
 * rule breakdowns follow: its answers include an anonymous survey's and number
 * fewer than ANONYMOUS_GROUP_MIN in the period (counted on the NPS answers, as
 * breakdowns count). Unfiltered figures are never withheld.
 */
export async function anonymityWithholds(ctx: AppContext, scope: Omit<RollupScope, 'metricKey'> & { dimension: string; dimensionValue: string }): Promise<boolean> {
  if (scope.dimension === ALL_DIMENSION) return false;
  const [rows, anonymous] = await Promise.all([rollupSurveyCounts(ctx.db, { ...scope, metricKey: 'nps' }), anonymousSurveyIds(ctx.db, scope.tenantId)]);
  const n = rows.reduce((s, r) => s + r.n, 0);
  return n < ANONYMOUS_GROUP_MIN && rows.some((r) => r.n > 0 && anonymous.has(r.surveyId));
}
