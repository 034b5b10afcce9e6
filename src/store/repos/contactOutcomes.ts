/** Behavioural outcomes per contact (contact_outcomes): matching contacts, upserts, the by-NPS-group sums, export and erasure. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { contactOutcomes } from '../schema/index.ts';

export type ContactOutcomeRow = typeof contactOutcomes.$inferSelect;

export type IdentifierKind = 'externalId' | 'phone' | 'email';
const COLUMN: Record<IdentifierKind, string> = { externalId: 'external_id', phone: 'phone', email: 'email' };

/**
 * The contacts (not erased) holding each of `values` as their external id,
 * phone or email: value → contact ids. Two people may share a phone or an
 * address; the caller decides what more than one id means.
 */
export async function findContactIdsBy(q: Queryable, tenantId: string, kind: IdentifierKind, values: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (values.length === 0) return found;
  // Mailboxes are matched without case, as contact imports deduplicate them.
  const column = kind === 'email' ? sql.raw('lower(email)') : sql.raw(COLUMN[kind]);
  const lookup = kind === 'email' ? values.map((v) => v.toLowerCase()) : [...values];
  const { rows } = await q.execute<{ value: string; ids: string[] }>(sql`
    select ${column} as value, array_agg(id order by created_at, id)::text[] as ids
      from contacts
     where tenant_id = ${tenantId} and erased_at is null and ${column} = any(${sql.param(lookup)}::text[])
     group by ${column}`);
  for (const row of rows) found.set(row.value, row.ids);
  return found;
}

export interface OutcomeValue {
  contactId: string;
  key: string;
  value: number;
  observedOn: string | null;
}

/** Insert or replace; one statement per call (a call holds at most a few thousand values, each contact and key once). */
export async function upsertOutcomes(q: Queryable, tenantId: string, values: readonly OutcomeValue[], at: Date): Promise<number> {
  if (values.length === 0) return 0;
  const result = await q.execute(sql`
    insert into contact_outcomes (tenant_id, contact_id, outcome_key, value, observed_on, updated_at)
    select ${tenantId}::uuid, v.contact_id, v.outcome_key, v.value, v.observed_on, ${at}
      from unnest(${sql.param(values.map((v) => v.contactId))}::uuid[], ${sql.param(values.map((v) => v.key))}::text[],
                  ${sql.param(values.map((v) => v.value))}::float8[], ${sql.param(values.map((v) => v.observedOn))}::date[])
           as v(contact_id, outcome_key, value, observed_on)
    on conflict (tenant_id, contact_id, outcome_key)
    do update set value = excluded.value, observed_on = excluded.observed_on, updated_at = excluded.updated_at`);
  return result.rowCount ?? values.length;
}

export async function listContactOutcomes(q: Queryable, tenantId: string, contactId: string): Promise<ContactOutcomeRow[]> {
  return q
    .select()
    .from(contactOutcomes)
    .where(and(eq(contactOutcomes.tenantId, tenantId), eq(contactOutcomes.contactId, contactId)))
    .orderBy(asc(contactOutcomes.outcomeKey));
}

export async function deleteContactOutcomes(q: Queryable, tenantId: string, contactId: string): Promise<number> {
  const rows = await q
    .delete(contactOutcomes)
    .where(and(eq(contactOutcomes.tenantId, tenantId), eq(contactOutcomes.contactId, contactId)))
    .returning({ key: contactOutcomes.outcomeKey });
  return rows.length;
}

export interface OutcomeKeySummary {
  key: string;
  contacts: number;
  /** Every value is 0 or 1. */
  allZeroOrOne: boolean;
  minValue: number;
  maxValue: number;
  updatedAt: Date;
}

export async function listOutcomeKeys(q: Queryable, tenantId: string, key?: string): Promise<OutcomeKeySummary[]> {
  const { rows } = await q.execute<{ key: string; contacts: number; all01: boolean; min: number; max: number; updated_at: Date | string }>(sql`
    select outcome_key as key, count(*)::int as contacts, bool_and(value in (0, 1)) as all01,
           min(value) as min, max(value) as max, max(updated_at) as updated_at
      from contact_outcomes
     where tenant_id = ${tenantId} ${key === undefined ? sql`` : sql`and outcome_key = ${key}`}
     group by outcome_key
     order by outcome_key`);
  return rows.map((r) => ({ key: r.key, contacts: r.contacts, allZeroOrOne: r.all01, minValue: Number(r.min), maxValue: Number(r.max), updatedAt: new Date(r.updated_at) }));
}

export interface OutcomeByScoreFilter {
  tenantId: string;
  key: string;
  /** Inclusive local dates, YYYY-MM-DD, in `timezone`. */
  from: string;
  to: string;
  timezone: string;
  surveyId?: string | undefined;
}

/**
 * Each contact's latest completed, non-test, named NPS answer in the period,
 * grouped by its score, with the sums of the contact's value for the key.
 * Anonymous responses have no contact and so never take part.
 */
export async function sumOutcomeByNpsScore(q: Queryable, f: OutcomeByScoreFilter) {
  const { rows } = await q.execute<{ score: number; respondents: number; n: number; sum: number | null; sum_squares: number | null }>(sql`
    with latest as (
      select distinct on (r.contact_id) r.contact_id, a.score
        from responses r
        join answers a on a.tenant_id = r.tenant_id and a.response_id = r.id
       where r.tenant_id = ${f.tenantId} and r.status = 'completed' and not r.test and not r.anonymous and r.contact_id is not null
         and r.completed_at >= (${f.from}::date::timestamp at time zone ${f.timezone})
         and r.completed_at < ((${f.to}::date + 1)::timestamp at time zone ${f.timezone})
         and a.metric_key = 'nps' and a.score between 0 and 10
         ${f.surveyId === undefined ? sql`` : sql`and r.survey_id = ${f.surveyId}`}
       order by r.contact_id, r.completed_at desc, r.id desc
    )
    select l.score::int as score, count(*)::int as respondents, count(o.value)::int as n,
           sum(o.value) as sum, sum(o.value * o.value) as sum_squares
      from latest l
      left join contact_outcomes o on o.tenant_id = ${f.tenantId} and o.contact_id = l.contact_id and o.outcome_key = ${f.key}
     group by l.score
     order by l.score`);
  return rows.map((r) => ({ score: r.score, respondents: r.respondents, n: r.n, sum: Number(r.sum ?? 0), sumSquares: Number(r.sum_squares ?? 0) }));
}
