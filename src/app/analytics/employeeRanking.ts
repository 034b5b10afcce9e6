import type { Actor } from '../../domain/access.ts';
import { competitionRanks, shrinkNps, type RankingMethod } from '../../domain/analytics/ranking.ts';
import { npsFromHistogram, type NpsResult } from '../../domain/metrics/index.ts';
import { employeeDepartments } from '../../store/repos/dashboard.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { countsByValue } from './groups.ts';
import { checkedPeriod } from './headline.ts';

export interface EmployeeRankingFilter {
  surveyId?: string | undefined;
  from: string;
  to: string;
  method: RankingMethod;
}

export interface RankedEmployee {
  employee: string;
  /** Most frequent department on the employee's answers in the period; null when none carry one. */
  department: string | null;
  n: number;
  /** The employee's own NPS and the engine's 95% interval. */
  nps: number | null;
  interval: NpsResult['interval'];
  /** Empirical-Bayes NPS, shrunk toward `prior`. */
  shrunkNps: number | null;
  /** What the estimate was shrunk toward: the department, or all employees (group null) when the department is unknown or too small. */
  prior: { group: string | null; nps: number; weight: number };
  /** The value ranked by: shrunkNps (empirical_bayes) or interval.lower (lower_bound). */
  score: number | null;
  rank: number | null;
  small: boolean;
}

export interface EmployeeRanking {
  method: RankingMethod;
  period: { from: string; to: string };
  smallSampleMin: number;
  employees: RankedEmployee[];
  withheldGroups: number;
}

/**
 * The employee ranking for bonus schemes. Per-employee score counts come from
 * the rollups (dimension 'employee'), each employee's department from the
 * rollups' internal employee→department pairs (their most frequent department
 * in the period). Employees with fewer answers than the small-sample minimum
 * are listed (greyed in the UI) but get no rank, as small groups in
 * breakdowns: a bonus should not hang on three answers, however well the
 * method discounts them. They still inform the department prior. Anonymous surveys' small groups are withheld as in breakdowns.
 */
export async function employeeRanking(ctx: AppContext, actor: Actor, tenantId: string, filter: EmployeeRankingFilter): Promise<EmployeeRanking> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  const min = ctx.config.metrics.smallSampleMin;
  const scope = { tenantId, surveyId: filter.surveyId, from: period.from, to: period.to };
  const [{ groups, withheld }, departments] = await Promise.all([
    countsByValue(ctx, { ...scope, metricKey: 'nps', dimension: 'employee' }),
    employeeDepartments(ctx.db, { ...scope, metricKey: 'nps' }),
  ]);
  const rows = groups
    .map((g) => ({ employee: g.value, department: departments.get(g.value) ?? null, result: npsFromHistogram(g.counts, { smallSampleThreshold: min }) }))
    .filter((r) => r.result.n > 0);
  const shrunk = shrinkNps(rows.map((r) => ({ key: r.employee, prior: r.department, counts: r.result.counts })));
  const employees = rows.map((r, i): Omit<RankedEmployee, 'rank'> => {
    const s = shrunk[i]!;
    const score = filter.method === 'empirical_bayes' ? s.nps : (r.result.interval?.lower ?? null);
    return {
      employee: r.employee,
      department: r.department,
      n: r.result.n,
      nps: r.result.estimate,
      interval: r.result.interval,
      shrunkNps: s.nps,
      prior: { group: s.priorGroup, nps: s.priorNps, weight: s.weight },
      score,
      small: r.result.n < min,
    };
  });
  const ranks = competitionRanks(employees.map((e) => ({ score: e.score, eligible: !e.small })));
  const ranked = employees.map((e, i) => ({ ...e, rank: ranks[i] ?? null }));
  ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.n - a.n || (a.employee < b.employee ? -1 : 1));
  return { method: filter.method, period, smallSampleMin: min, employees: ranked, withheldGroups: withheld };
}
