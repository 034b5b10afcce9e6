import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { ROLLUP_SCORE_SLOTS } from '../schema/analytics.ts';

/** Reads for the metrics overview and the table exports (see rollups.ts for how rollups are kept). */

const summedSlots: SQL = sql.join(
  Array.from({ length: ROLLUP_SCORE_SLOTS }, (_, i) => sql`coalesce(sum(counts[${sql.raw(String(i + 1))}]), 0)::bigint`),
  sql`, `,
);

export interface MetricSumsScope {
  tenantId: string;
  surveyId?: string | undefined;
  /** Inclusive local dates, YYYY-MM-DD. */
  from: string;
  to: string;
  dimension: string;
  dimensionValue: string;
}

export interface MetricSums {
  metricKey: string;
  counts: number[];
  n: number;
  sum: number;
  sumSquares: number;
}

/** Summed counts and sufficient statistics per metric key, for every key with rollups in the scope. */
export async function sumRollupsByMetric(q: Queryable, s: MetricSumsScope): Promise<MetricSums[]> {
  const survey = s.surveyId ? sql`and survey_id = ${s.surveyId}` : sql``;
  const { rows } = await q.execute<{ metric_key: string; counts: Array<number | string>; n: number | string; sum: number | string; sum_squares: number | string }>(sql`
    select metric_key, array[${summedSlots}] as counts, coalesce(sum(n), 0)::bigint as n,
           coalesce(sum(sum), 0)::bigint as sum, coalesce(sum(sum_squares), 0)::bigint as sum_squares
      from metric_rollups
     where tenant_id = ${s.tenantId} and dimension = ${s.dimension} and dimension_value = ${s.dimensionValue}
       and day between ${s.from}::date and ${s.to}::date ${survey}
     group by metric_key`);
  return rows.map((r) => ({ metricKey: r.metric_key, counts: r.counts.map(Number), n: Number(r.n), sum: Number(r.sum), sumSquares: Number(r.sum_squares) }));
}

/** The tenant's survey names by id (exports name the survey, not its id). */
export async function surveyNames(q: Queryable, tenantId: string): Promise<Map<string, string>> {
  const { rows } = await q.execute<{ id: string; name: string }>(sql`select id, name from surveys where tenant_id = ${tenantId}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
