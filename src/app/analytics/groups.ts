import { ANONYMOUS_GROUP_MIN } from '../../domain/surveys/anonymity.ts';
import type { AppContext } from '../context.ts';
import { anonymousSurveyIds, rollupCountsByValue, type RollupScope } from '../../store/repos/dashboard.ts';

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
