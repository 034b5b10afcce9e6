import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { ROLLUP_SCORE_SLOTS } from '../schema/analytics.ts';

/** The dimension every answer belongs to, with this value: the survey's total. */
export const ALL_DIMENSION = 'all';
export const ALL_VALUE = '';
/**
 * Internal dimension: each employee's department, the value being
 * `employee` + EMPLOYEE_DEPARTMENT_SEPARATOR + `department`, for answers that carry
 * both attributes. The employee ranking reads departments from it instead of the raw
 * responses. Not a valid dimension key (the dot), so no breakdown, headline or
 * filter of the API can ask for it and no attribute key can collide with it.
 */
export const EMPLOYEE_DEPARTMENT_DIMENSION = 'employee.department';
/** U+001F (unit separator): a control character no attribute value holds. */
export const EMPLOYEE_DEPARTMENT_SEPARATOR = '\u001f';
/**
 * Month rows: for every dimension but 'all', the sums of a local calendar month's
 * day rows, under dimension MONTH_PREFIX + dimension, on the month's first day.
 * Breakdowns and the employee ranking read them for the whole months of a period
 * (a year by employee is 12,000 rows instead of 365,000); kept in step with the
 * day rows by every rebuild. Not a valid dimension key either (the colon).
 */
export const MONTH_PREFIX = 'month:';
/** Dimensions the rollup makes itself; answer attributes with these keys are not rolled up again. */
const COLUMN_DIMENSIONS = [ALL_DIMENSION, 'channel', EMPLOYEE_DEPARTMENT_DIMENSION];

export interface DirtyDay {
  surveyId: string;
  /** YYYY-MM-DD in the tenant's time zone. */
  day: string;
}

export interface RollupTenant {
  tenantId: string;
  timezone: string;
  seenThrough: Date | null;
}

/** Every tenant with its time zone and how far the rollup job has read its responses. */
export async function listRollupTenants(q: Queryable, tenantId?: string): Promise<RollupTenant[]> {
  const only = tenantId ? sql`where t.id = ${tenantId}` : sql``;
  const { rows } = await q.execute<{ tenant_id: string; timezone: string; seen_through: Date | string | null }>(sql`
    select t.id as tenant_id, t.timezone, w.seen_through
      from tenants t left join rollup_watermarks w on w.tenant_id = t.id
      ${only}
     order by t.id`);
  return rows.map((r) => ({ tenantId: r.tenant_id, timezone: r.timezone, seenThrough: r.seen_through === null ? null : new Date(r.seen_through) }));
}

/**
 * Locks the tenant's watermark for the rest of the transaction (creating it on
 * the first run), so two runs for one tenant take turns instead of racing on
 * the same days. Returns how far the last run read.
 */
export async function lockWatermark(q: Queryable, tenantId: string): Promise<Date | null> {
  await q.execute(sql`insert into rollup_watermarks (tenant_id, seen_through) values (${tenantId}, null) on conflict (tenant_id) do nothing`);
  const { rows } = await q.execute<{ seen_through: Date | string | null }>(
    sql`select seen_through from rollup_watermarks where tenant_id = ${tenantId} for update`,
  );
  const value = rows[0]?.seen_through ?? null;
  return value === null ? null : new Date(value);
}

export async function saveWatermark(q: Queryable, tenantId: string, seenThrough: Date | null, ranAt: Date): Promise<void> {
  await q.execute(sql`update rollup_watermarks set seen_through = ${seenThrough}, ran_at = ${ranAt} where tenant_id = ${tenantId}`);
}

/**
 * The (survey, local day) pairs holding a completed response changed after
 * `since` (all of them when null), and the latest change seen. Test and
 * partial responses mark their day too: harmless, the day is recomputed.
 */
export async function findDirtyDays(q: Queryable, tenantId: string, timezone: string, since: Date | null): Promise<{ days: DirtyDay[]; latest: Date | null }> {
  const after = since ? sql`and r.updated_at > ${since}` : sql``;
  const { rows } = await q.execute<{ survey_id: string | null; day: string | null; latest: Date | string | null }>(sql`
    with changed as (
      select r.survey_id, r.completed_at, r.updated_at
        from responses r
       where r.tenant_id = ${tenantId} ${after}
    )
    select survey_id, to_char((completed_at at time zone ${timezone})::date, 'YYYY-MM-DD') as day, null::timestamptz as latest
      from changed where completed_at is not null
     group by 1, 2
    union all
    select null, null, max(updated_at) from changed`);
  const latestRow = rows.find((r) => r.survey_id === null);
  const latest = latestRow?.latest ? new Date(latestRow.latest) : null;
  const days = rows.filter((r) => r.survey_id !== null && r.day !== null).map((r) => ({ surveyId: r.survey_id!, day: r.day! }));
  return { days, latest };
}

const countSlots: SQL = sql.join(
  Array.from({ length: ROLLUP_SCORE_SLOTS }, (_, score) => sql`count(*) filter (where s.score = ${sql.raw(String(score))})::int`),
  sql`, `,
);

/**
 * Most local days one statement rebuilds: a first run over years of answers goes
 * a month at a time, so each statement reads one month of responses through the
 * completion index and its aggregate stays in memory.
 */
export const ROLLUP_DAYS_PER_STATEMENT = 31;
const DAY_MS = 86_400_000;

/**
 * Rebuilds the rollups of the given (survey, day) pairs from the raw answers:
 * delete those days' rows, then insert them again, in set-based SQL, in runs of
 * days no more than ROLLUP_DAYS_PER_STATEMENT apart. Run it inside a
 * transaction so readers see a day either before or after, never half. Counts
 * only completed, non-test responses.
 */
export async function rebuildRollupDays(q: Queryable, tenantId: string, timezone: string, days: DirtyDay[]): Promise<number> {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let rows = 0;
  let run: DirtyDay[] = [];
  for (const d of sorted) {
    if (run.length > 0 && Date.parse(d.day) - Date.parse(run[0]!.day) >= ROLLUP_DAYS_PER_STATEMENT * DAY_MS) {
      rows += await rebuildDayRun(q, tenantId, timezone, run);
      run = [];
    }
    run.push(d);
  }
  if (run.length > 0) rows += await rebuildDayRun(q, tenantId, timezone, run);
  return rows;
}

/** One statement's worth: `days` sorted, the first and last under ROLLUP_DAYS_PER_STATEMENT days apart. */
async function rebuildDayRun(q: Queryable, tenantId: string, timezone: string, days: DirtyDay[]): Promise<number> {
  if (days.length === 0) return 0;
  const first = days[0]!.day;
  const last = days[days.length - 1]!.day;
  const surveyIds = days.map((d) => d.surveyId);
  const dayValues = days.map((d) => d.day);
  const dirty = sql`select distinct * from unnest(${sql.param(surveyIds)}::uuid[], ${sql.param(dayValues)}::date[]) as k(survey_id, day)`;
  await q.execute(sql`
    delete from metric_rollups m
     using (${dirty}) k
     where m.tenant_id = ${tenantId} and m.survey_id = k.survey_id and m.day = k.day and m.dimension not like ${`${MONTH_PREFIX}%`}`);
  const excluded = sql.join(COLUMN_DIMENSIONS.map((d) => sql`${d}`), sql`, `);
  const result = await q.execute(sql`
    insert into metric_rollups (tenant_id, survey_id, metric_key, day, dimension, dimension_value, counts, n, sum, sum_squares)
    select ${tenantId}::uuid, s.survey_id, s.metric_key, s.day, s.dimension, s.dimension_value,
           array[${countSlots}], count(*)::int, sum(s.score)::bigint, sum(s.score::bigint * s.score)::bigint
      from (
        select r.survey_id, a.metric_key, a.score, k.day, d.dimension, d.dimension_value
          from (${dirty}) k
          join responses r
            on r.tenant_id = ${tenantId} and r.survey_id = k.survey_id and r.status = 'completed'
           and r.survey_id = any(${sql.param([...new Set(surveyIds)])}::uuid[])
           -- the run's range lets the completion index find the responses; the equality pairs each with its day
           and (r.completed_at at time zone ${timezone})::date = k.day
           and r.completed_at >= (${first}::date::timestamp at time zone ${timezone})
           and r.completed_at < ((${last}::date + 1)::timestamp at time zone ${timezone})
          join answers a on a.tenant_id = ${tenantId} and a.response_id = r.id
          cross join lateral (
            select ${ALL_DIMENSION}::text, ${ALL_VALUE}::text
            union all select 'channel', r.channel
            union all select e.key, e.value from jsonb_each_text(r.attributes) e where e.key not in (${excluded}) and e.value is not null
            union all select ${EMPLOYEE_DEPARTMENT_DIMENSION}::text, (r.attributes ->> 'employee') || ${EMPLOYEE_DEPARTMENT_SEPARATOR}::text || (r.attributes ->> 'department')
             where r.attributes ->> 'employee' is not null and r.attributes ->> 'department' is not null
          ) d(dimension, dimension_value)
         where not r.test and a.metric_key is not null and a.score is not null
      ) s
     group by s.survey_id, s.metric_key, s.day, s.dimension, s.dimension_value`);
  await rebuildMonths(q, tenantId, days);
  return result.rowCount ?? 0;
}

const summedCountSlots: SQL = sql.join(
  Array.from({ length: ROLLUP_SCORE_SLOTS }, (_, i) => sql`sum(r.counts[${sql.raw(String(i + 1))}])::int`),
  sql`, `,
);

/** The month rows of the months holding `days`, made again from their day rows (after those were rebuilt). */
async function rebuildMonths(q: Queryable, tenantId: string, days: DirtyDay[]): Promise<void> {
  const keys = new Map(days.map((d) => [`${d.surveyId} ${d.day.slice(0, 7)}`, { surveyId: d.surveyId, month: `${d.day.slice(0, 7)}-01` }]));
  const months = sql`select * from unnest(${sql.param([...keys.values()].map((k) => k.surveyId))}::uuid[], ${sql.param([...keys.values()].map((k) => k.month))}::date[]) as m(survey_id, month)`;
  const monthRows = sql`${`${MONTH_PREFIX}%`}`;
  await q.execute(sql`
    delete from metric_rollups r
     using (${months}) m
     where r.tenant_id = ${tenantId} and r.survey_id = m.survey_id and r.day = m.month and r.dimension like ${monthRows}`);
  await q.execute(sql`
    insert into metric_rollups (tenant_id, survey_id, metric_key, day, dimension, dimension_value, counts, n, sum, sum_squares)
    select ${tenantId}::uuid, r.survey_id, r.metric_key, m.month, ${MONTH_PREFIX} || r.dimension, r.dimension_value,
           array[${summedCountSlots}], sum(r.n)::int, sum(r.sum)::bigint, sum(r.sum_squares)::bigint
      from (${months}) m
      join metric_rollups r
        on r.tenant_id = ${tenantId} and r.survey_id = m.survey_id
       and r.day >= m.month and r.day < (m.month + interval '1 month')::date
     where r.dimension <> ${ALL_DIMENSION} and r.dimension not like ${monthRows}
     group by r.survey_id, r.metric_key, m.month, r.dimension, r.dimension_value`);
}

export interface RollupFilter {
  tenantId: string;
  metricKey: string;
  surveyId?: string | undefined;
  /** Inclusive local dates, YYYY-MM-DD. */
  from: string;
  to: string;
  dimension: string;
  dimensionValue: string;
}

/** The summed counts per score 0–10 and sufficient statistics of the rollups matching the filter. */
export async function sumRollups(q: Queryable, f: RollupFilter): Promise<{ counts: number[]; n: number; sum: number; sumSquares: number }> {
  const survey = f.surveyId ? sql`and survey_id = ${f.surveyId}` : sql``;
  const slots = sql.join(
    Array.from({ length: ROLLUP_SCORE_SLOTS }, (_, i) => sql`coalesce(sum(counts[${sql.raw(String(i + 1))}]), 0)::bigint`),
    sql`, `,
  );
  const { rows } = await q.execute<{ counts: Array<number | string>; n: number | string; sum: number | string; sum_squares: number | string }>(sql`
    select array[${slots}] as counts, coalesce(sum(n), 0)::bigint as n,
           coalesce(sum(sum), 0)::bigint as sum, coalesce(sum(sum_squares), 0)::bigint as sum_squares
      from metric_rollups
     where tenant_id = ${f.tenantId} and metric_key = ${f.metricKey} and dimension = ${f.dimension}
       and dimension_value = ${f.dimensionValue} and day between ${f.from}::date and ${f.to}::date ${survey}`);
  const row = rows[0]!;
  return { counts: row.counts.map(Number), n: Number(row.n), sum: Number(row.sum), sumSquares: Number(row.sum_squares) };
}
