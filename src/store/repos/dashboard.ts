import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { ROLLUP_SCORE_SLOTS } from '../schema/analytics.ts';
import { EMPLOYEE_DEPARTMENT_DIMENSION, EMPLOYEE_DEPARTMENT_SEPARATOR, MONTH_PREFIX } from './rollups.ts';

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

/**
 * The rollup rows of one dimension over a period, the fewest there are: the month
 * rows (see rollups.ts) of the months the period covers whole, the day rows of the
 * days before and after them.
 */
function dimensionRows(s: RollupScope, dimension: string): SQL {
  const months = wholeMonths(s.from, s.to);
  const base = sql`tenant_id = ${s.tenantId} and metric_key = ${s.metricKey} ${s.surveyId ? sql`and survey_id = ${s.surveyId}` : sql``}`;
  if (!months) return sql`${base} and dimension = ${dimension} and day between ${s.from}::date and ${s.to}::date`;
  return sql`${base} and (
        (dimension = ${dimension} and (day between ${s.from}::date and (${months.first}::date - 1) or day between (${months.end}::date + 1) and ${s.to}::date))
     or (dimension = ${MONTH_PREFIX + dimension} and day between ${months.first}::date and ${months.end}::date))`;
}

/** The first day of the first whole month in from..to and the last day of the last one; null when there is none. */
export function wholeMonths(from: string, to: string): { first: string; end: string } | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const first = fd === 1 ? new Date(Date.UTC(fy, fm - 1, 1)) : new Date(Date.UTC(fy, fm, 1));
  const lastDayOfTo = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const end = td === lastDayOfTo ? new Date(Date.UTC(ty, tm, 0)) : new Date(Date.UTC(ty, tm - 1, 0));
  if (first > end) return null;
  return { first: first.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

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
     where ${dimensionRows(scope, scope.dimension)}
     group by 1, 2`);
  return rows.map((r) => ({ value: r.value, surveyId: r.survey_id, counts: toCounts(r) }));
}

/** Answers per survey carrying one value of a dimension (day rows), for the anonymity rule. */
export async function rollupSurveyCounts(q: Queryable, scope: RollupScope & { dimension: string; dimensionValue: string }): Promise<Array<{ surveyId: string; n: number }>> {
  const { rows } = await q.execute<{ survey_id: string; n: number | string }>(sql`
    select survey_id, sum(n)::bigint as n from metric_rollups
     where ${scopeWhere(scope)} and dimension = ${scope.dimension} and dimension_value = ${scope.dimensionValue}
     group by 1`);
  return rows.map((r) => ({ surveyId: r.survey_id, n: Number(r.n) }));
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
 * Each employee's department, from the rollups' internal employee→department
 * dimension (see rollups.ts): the department most of the employee's answers of
 * the metric in the period carry (ties: the alphabetically first). Reads a
 * rollup row per employee and day, never the raw responses.
 */
export async function employeeDepartments(q: Queryable, scope: RollupScope): Promise<Map<string, string>> {
  const { rows } = await q.execute<{ employee: string; department: string }>(sql`
    select distinct on (employee) employee, department
      from (
        select split_part(dimension_value, ${EMPLOYEE_DEPARTMENT_SEPARATOR}::text, 1) as employee,
               split_part(dimension_value, ${EMPLOYEE_DEPARTMENT_SEPARATOR}::text, 2) as department, sum(n) as n
          from metric_rollups
         where ${dimensionRows(scope, EMPLOYEE_DEPARTMENT_DIMENSION)}
         group by dimension_value
      ) x
     order by employee, n desc, department`);
  return new Map(rows.map((r) => [r.employee, r.department]));
}
