import type { Actor } from '../../domain/access.ts';
import { competitionRanks } from '../../domain/analytics/ranking.ts';
import { npsFromHistogram, type NpsCounts, type NpsResult } from '../../domain/metrics/index.ts';
import { ALL_DIMENSION, EMPLOYEE_DEPARTMENT_DIMENSION, MONTH_PREFIX } from '../../store/repos/rollups.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { countsByValue } from './groups.ts';
import { checkedPeriod } from './headline.ts';

export interface NpsBreakdownFilter {
  /** 'service_type', 'department', 'employee', 'channel', 'region' or a custom key. */
  dimension: string;
  surveyId?: string | undefined;
  from: string;
  to: string;
}

export interface NpsBreakdownGroup {
  value: string;
  n: number;
  nps: number | null;
  interval: NpsResult['interval'];
  shares: NpsCounts | null;
  counts: NpsCounts;
  /** n below the small-sample minimum: shown greyed, never ranked. */
  small: boolean;
  /** 1 = highest NPS among the groups that are not small (ties share a rank); null when small. */
  rank: number | null;
}

export interface NpsBreakdown {
  dimension: string;
  period: { from: string; to: string };
  smallSampleMin: number;
  /** Ranked groups by NPS (highest first), then the small ones by NPS. */
  groups: NpsBreakdownGroup[];
  /** Groups of anonymous surveys left out entirely for having too few answers. */
  withheldGroups: number;
}

/** NPS per value of a dimension, from the rollups, with the engine's intervals. */
export async function npsBreakdown(ctx: AppContext, actor: Actor, tenantId: string, filter: NpsBreakdownFilter): Promise<NpsBreakdown> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  // 'all' is the total; the employee→department pairs and the month rows are the rollups' own (rollups.ts).
  if (filter.dimension === ALL_DIMENSION || filter.dimension === EMPLOYEE_DEPARTMENT_DIMENSION || filter.dimension.startsWith(MONTH_PREFIX)) {
    throw invalid('validation', 'Choose a dimension to break down by', { field: 'dimension' });
  }
  const min = ctx.config.metrics.smallSampleMin;
  const { groups, withheld } = await countsByValue(ctx, { tenantId, metricKey: 'nps', surveyId: filter.surveyId, from: period.from, to: period.to, dimension: filter.dimension });
  const rows = groups
    .map((g) => ({ value: g.value, result: npsFromHistogram(g.counts, { smallSampleThreshold: min }) }))
    .filter((g) => g.result.n > 0)
    .map(({ value, result: r }) => ({ value, n: r.n, nps: r.estimate, interval: r.interval, shares: r.shares, counts: r.counts, small: r.n < min }));
  const ranks = competitionRanks(rows.map((r) => ({ score: r.nps, eligible: !r.small })));
  const ranked = rows.map((r, i) => ({ ...r, rank: ranks[i] ?? null }));
  ranked.sort((a, b) => Number(a.small) - Number(b.small) || (b.nps ?? -Infinity) - (a.nps ?? -Infinity) || b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { dimension: filter.dimension, period, smallSampleMin: min, groups: ranked, withheldGroups: withheld };
}
