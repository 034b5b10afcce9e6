import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { ROLLUP_SCORE_SLOTS } from '../schema/analytics.ts';

/** Queries the dashboard makes over the metric rollups (see rollups.ts for how they are kept). */

const summedSlots: SQL = sql.join(
  Array.from({ length: ROLLUP_SCORE_SLOTS }, (_, i) => sql`coalesce(sum(counts[${sql.raw(String(i + 1))}]), 0)::bigint`),
  sql`, `,
);

export interface RollupScope {
  tenantId: string;
  metricKey: string;
  surveyId?: string | undefined;
  /** Inclusive local dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

const scopeWhere = (s: RollupScope) =>
  sql`tenant_id = ${s.tenantId} and metric_key = ${s.metricKey} and day between ${s.from}::date and ${s.to}::date ${s.surveyId ? sql`and survey_id = ${s.surveyId}` : sql``}`;

type CountsRow = { counts: Array<number | string> };
const toCounts = (r: CountsRow) => r.counts.map(Number);

const TRUNC_UNITS = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const;

/** Score counts per bucket (date_trunc of the local day: ISO weeks start on Monday), only buckets with rollups. */
export async function rollupCountsByBucket(
  q: Queryable,
  scope: RollupScope & { dimension: string; dimensionValue: string; granularity: keyof typeof TRUNC_UNITS },
): Promise<Array<{ bucket: string; counts: number[] }>> {
  const unit = TRUNC_UNITS[scope.granularity];
  const { rows } = await q.execute<CountsRow & { bucket: string }>(sql`
    select to_char(date_trunc(${unit}, day::timestamp), 'YYYY-MM-DD') as bucket, array[${summedSlots}] as counts
      from metric_rollups
     where ${scopeWhere(scope)} and dimension = ${scope.dimension} and dimension_value = ${scope.dimensionValue}
     group by 1 order by 1`);
  return rows.map((r) => ({ bucket: r.bucket, counts: toCounts(r) }));
}

/** Score counts per value of a dimension and survey (the survey decides whether a group falls under the anonymity rule). */
export async function rollupCountsByValue(q: Queryable, scope: RollupScope & { dimension: string }): Promise<Array<{ value: string; surveyId: string; counts: number[] }>> {
  const { rows } = await q.execute<CountsRow & { value: string; survey_id: string }>(sql`
    select dimension_value as value, survey_id, array[${summedSlots}] as counts
      from metric_rollups
     where ${scopeWhere(scope)} and dimension = ${scope.dimension}
     group by 1, 2`);
  return rows.map((r) => ({ value: r.value, surveyId: r.survey_id, counts: toCounts(r) }));
}

/** The tenant's surveys promising anonymity: the draft or any launched version says `anonymous`. */
export async function anonymousSurveyIds(q: Queryable, tenantId: string): Promise<Set<string>> {
  const { rows } = await q.execute<{ id: string }>(sql`
    select s.id from surveys s
     where s.tenant_id = ${tenantId}
       and ((s.draft ->> 'anonymous')::boolean
            or exists (select 1 from survey_versions v where v.tenant_id = ${tenantId} and v.survey_id = s.id and (v.definition ->> 'anonymous')::boolean))`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Each employee's department, from the raw answers (a rollup row knows one
 * dimension only): the department most of the employee's completed, non-test
 * responses in the period carry (ties: the alphabetically first).
 */
export async function employeeDepartments(q: Queryable, scope: Omit<RollupScope, 'metricKey'>): Promise<Map<string, string>> {
  const survey = scope.surveyId ? sql`and r.survey_id = ${scope.surveyId}` : sql``;
  const { rows } = await q.execute<{ employee: string; department: string }>(sql`
    select distinct on (employee) employee, department
      from (
        select r.attributes ->> 'employee' as employee, r.attributes ->> 'department' as department, count(*) as n
          from responses r join tenants t on t.id = r.tenant_id
         where r.tenant_id = ${scope.tenantId} and r.status = 'completed' and not r.test ${survey}
           and r.completed_at >= (${scope.from}::date::timestamp at time zone t.timezone)
           and r.completed_at < ((${scope.to}::date + 1)::timestamp at time zone t.timezone)
           and r.attributes ? 'employee' and r.attributes ? 'department'
         group by 1, 2
      ) x
     order by employee, n desc, department`);
  return new Map(rows.map((r) => [r.employee, r.department]));
}
