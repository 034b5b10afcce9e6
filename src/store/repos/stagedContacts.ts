/**
 * The confirmed import, as SQL from the staging table into contacts: one
 * statement per chunk of staged rows matches every row (external id; else
 * phone, then email, when at most one side has an external id — the rule of
 * src/domain/contacts/dedup.ts), inserts the new, updates the matched ones
 * that change (the rule of mergeContact in src/domain/contacts/merge.ts: an
 * empty cell keeps what we have, a fallback zone never replaces a stored
 * one, attributes merge key by key) and writes their history. Nothing goes
 * through Node but the counts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';

export interface ChunkResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** The last line of the chunk (null: nothing left after `afterLine`). */
  lastLine: number | null;
  /**
   * Lines to apply again, after this statement: a second row meeting the same
   * existing person (it must see the first row's changes), or a new row
   * whose external id another writer took meanwhile (it now matches them).
   */
  retry: number[];
}

/** [history name, column]: the scalar fields an import may change, as in merge.ts. */
const SCALARS: ReadonlyArray<[string, string]> = [
  ['externalId', 'external_id'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['firstName', 'first_name'],
  ['middleName', 'middle_name'],
  ['lastName', 'last_name'],
  ['fullName', 'full_name'],
  ['language', 'language'],
  ['region', 'region'],
  ['consentEmail', 'consent_email'],
  ['consentSms', 'consent_sms'],
  ['consentVoice', 'consent_voice'],
];
const COPIED = SCALARS.map(([, column]) => column).concat(['timezone', 'attributes']).join(', ');

/** Whether the staged row changes a field: a value stated and different. The zone only when personal or none is stored. */
const scalarChanges = SCALARS.map(([, col]) => `s.${col} is not null and s.${col} is distinct from c.${col}`);
const TIMEZONE_CHANGES = 's.timezone is distinct from c.timezone and (c.timezone is null or s.timezone_personal)';
const CHANGED = sql.raw([...scalarChanges, TIMEZONE_CHANGES, 'not (c.attributes @> s.attributes)'].map((c) => `(${c})`).join(' or '));
/** `{ field: [before, after] }`, built only for rows that change (CHANGED first: most re-imported rows do not). */
const CHANGES = sql.raw(`(
  select jsonb_object_agg(d.k, d.v) from (
    ${SCALARS.map(([name, col], i) => `select '${name}' as k, jsonb_build_array(c.${col}, s.${col}) as v where ${scalarChanges[i]}`).join('\n    union all ')}
    union all select 'timezone', jsonb_build_array(c.timezone, s.timezone) where ${TIMEZONE_CHANGES}
    union all select 'attributes.' || a.key, jsonb_build_array(c.attributes -> a.key, a.value) from jsonb_each(s.attributes) a
      where c.attributes -> a.key is distinct from a.value
  ) d)`);
const NEXT = sql.raw(
  [
    ...SCALARS.map(([, col]) => `${col} = coalesce(m.s_${col}, c.${col})`),
    'timezone = case when c.timezone is null or m.s_timezone_personal then m.s_timezone else c.timezone end',
    'attributes = c.attributes || m.s_attributes',
    'updated_at = now()',
  ].join(', '),
);
const STAGED_AS = sql.raw([...SCALARS.map(([, col]) => col), 'timezone', 'timezone_personal', 'attributes'].map((col) => `s.${col} as s_${col}`).join(', '));

/**
 * Applies the staged rows after `afterLine` (at most `limit`), or exactly the
 * lines `only` (a retry round). Duplicates within the file are skipped.
 */
export async function applyStagedChunk(
  q: Queryable,
  tenantId: string,
  importId: string,
  chunk: { afterLine: number; limit: number } | { only: number[] },
  opts: { updateExisting: boolean },
): Promise<ChunkResult> {
  const which: SQL = 'only' in chunk ? sql`s.line = any(${sql.param(chunk.only)}::int[])` : sql`s.line > ${chunk.afterLine}`;
  const limit = 'only' in chunk ? chunk.only.length : chunk.limit;
  // Settings for this transaction only. JIT off: past ~700,000 contacts the estimated cost of this statement crossed
  // jit_optimize_above_cost and LLVM spent 1.5 s compiling each 5,000-row chunk (measured: 250 ms → 2 s a chunk).
  // Indexed nested loops only: a chunk is a few thousand rows against a table that grows by a million in a minute,
  // faster than statistics follow, and a hash join would read the whole contacts table for each chunk.
  await q.execute(
    sql`select set_config('jit', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('enable_seqscan', 'off', true)`,
  );
  const rows = await q.execute<{ inserted: number; updated: number; merged: number; last_line: number | null; retry: number[] }>(sql`
    with chunk as materialized (
      select s.* from contact_import_rows s
      where s.tenant_id = ${tenantId} and s.import_id = ${importId} and s.duplicate_of is null and ${which}
      -- In primary-key order, so the plan walks the index and stops after the limit instead of sorting all that are left.
      order by s.import_id, s.line limit ${limit}
    ),
    -- Each CTE carries the row's columns on: a join between two CTEs has no statistics and becomes a nested loop.
    matched as materialized (
      select s.*, m.id as contact_id, row_number() over (partition by m.id order by s.line) as nth
      from chunk s
      left join lateral (
        select found.id from (
          (select c.id, 1 as rank from contacts c
            where c.tenant_id = ${tenantId} and s.external_id is not null and c.external_id = s.external_id limit 1)
          union all
          -- "offset 0" plans the lookup on its own, by the phone (email) index: planned together with "order by
          -- created_at", it can walk the tenant's created-at index instead, the whole tenant for every new phone.
          (select x.id, 2 from (select c.id, c.created_at from contacts c
            where c.tenant_id = ${tenantId} and s.phone is not null and c.phone = s.phone and (s.external_id is null or c.external_id is null)
            offset 0) x order by x.created_at, x.id limit 1)
          union all
          (select x.id, 3 from (select c.id, c.created_at from contacts c
            where c.tenant_id = ${tenantId} and s.email is not null and c.email = s.email and (s.external_id is null or c.external_id is null)
            offset 0) x order by x.created_at, x.id limit 1)
        ) found order by found.rank limit 1
      ) m on true
    ),
    fresh as materialized (
      -- Time-ordered ids (a UUIDv7: milliseconds first, version bits set): a million inserts append to the primary
      -- key's last pages instead of touching random ones, which on a small shared_buffers cost most of the import.
      select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid as id,
        s.*
      from matched s where s.contact_id is null
    ),
    inserted as (
      insert into contacts (id, tenant_id, ${sql.raw(COPIED)})
      select f.id, ${tenantId}::uuid, ${sql.raw(COPIED.split(', ').map((col) => `f.${col}`).join(', '))} from fresh f
      on conflict (tenant_id, external_id) where external_id is not null do nothing
      returning id
    ),
    merged as materialized (
      select c.id, ${STAGED_AS}, case when ${opts.updateExisting} and (${CHANGED}) then ${CHANGES} end as changes
      from matched s join contacts c on c.id = s.contact_id and c.tenant_id = ${tenantId}
      where s.nth = 1
    ),
    updated as (
      update contacts c set ${NEXT} from merged m where m.changes is not null and c.id = m.id and c.tenant_id = ${tenantId} returning c.id
    ),
    history as (
      insert into contact_changes (tenant_id, contact_id, import_id, changes)
      select ${tenantId}::uuid, m.id, ${importId}::uuid, m.changes from merged m where m.changes is not null
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated,
      (select count(*) from merged)::int as merged, (select max(line) from chunk) as last_line,
      array(
        select line from matched where contact_id is not null and nth > 1
        union all select f.line from fresh f
          -- Only when some insert was skipped (rare: a conflict with another writer) is the anti-join worth running.
          where (select count(*) from inserted) < (select count(*) from fresh) and not exists (select 1 from inserted i where i.id = f.id)
        order by 1
      ) as retry`);
  const r = rows.rows[0]!;
  return { inserted: r.inserted, updated: r.updated, unchanged: r.merged - r.updated, lastLine: r.last_line, retry: r.retry };
}
