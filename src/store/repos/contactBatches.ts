/**
 * Set-based writes for imports: a batch of a few thousand contacts is matched,
 * inserted, updated and given its history in four statements, whatever its
 * size (arrays through `unnest`), never a statement per row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ContactChanges, ContactFields } from '../../domain/contacts/index.ts';
import type { Queryable } from '../db.ts';

export interface ContactKeys {
  externalId: string | null;
  phone: string | null;
  email: string | null;
}

export type ContactWithFields = ContactFields & { id: string };

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}`;

/**
 * The existing contact each input is the same person as, by the dedup rule
 * (src/domain/contacts/dedup.ts): external id; else phone, then email, when
 * at most one side has an external id. Erased contacts have no keys left, so
 * they never match.
 */
function matchedInputs(tenantId: string, keys: readonly ContactKeys[]): SQL {
  return sql`
    select i.ord, m.id
    from unnest(${arr(keys.map((k) => k.externalId), 'text[]')}, ${arr(keys.map((k) => k.phone), 'text[]')}, ${arr(keys.map((k) => k.email), 'text[]')})
      with ordinality as i(external_id, phone, email, ord)
    left join lateral (
      select found.id from (
        (select c.id, 1 as rank from contacts c
          where c.tenant_id = ${tenantId} and i.external_id is not null and c.external_id = i.external_id limit 1)
        union all
        (select c.id, 2 from contacts c
          where c.tenant_id = ${tenantId} and i.phone is not null and c.phone = i.phone and (i.external_id is null or c.external_id is null)
          order by c.created_at, c.id limit 1)
        union all
        (select c.id, 3 from contacts c
          where c.tenant_id = ${tenantId} and i.email is not null and c.email = i.email and (i.external_id is null or c.external_id is null)
          order by c.created_at, c.id limit 1)
      ) found order by found.rank limit 1
    ) m on true`;
}

/** How many of the inputs are people the tenant already has (for the dry run). */
export async function countExistingContacts(q: Queryable, tenantId: string, keys: readonly ContactKeys[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await q.execute<{ n: number }>(sql`select count(m.id)::int as n from (${matchedInputs(tenantId, keys)}) m`);
  return rows.rows[0]?.n ?? 0;
}

type MatchRow = {
  ord: number;
  id: string | null;
  external_id: string | null;
  phone: string | null;
  email: string | null;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  full_name: string | null;
  language: string | null;
  timezone: string | null;
  region: string | null;
  consent_email: boolean | null;
  consent_sms: boolean | null;
  consent_voice: boolean | null;
  attributes: Record<string, string> | null;
};

/** Per input, in order: the existing contact it matches with its fields, or null. */
export async function matchContacts(q: Queryable, tenantId: string, keys: readonly ContactKeys[]): Promise<Array<ContactWithFields | null>> {
  if (keys.length === 0) return [];
  const rows = await q.execute<MatchRow>(sql`
    select m.ord::int as ord, c.id, c.external_id, c.phone, c.email, c.first_name, c.middle_name, c.last_name, c.full_name,
      c.language, c.timezone, c.region, c.consent_email, c.consent_sms, c.consent_voice, c.attributes
    from (${matchedInputs(tenantId, keys)}) m
    left join contacts c on c.id = m.id
    order by m.ord`);
  return rows.rows.map((r) =>
    r.id === null
      ? null
      : {
          id: r.id,
          externalId: r.external_id,
          phone: r.phone,
          email: r.email,
          firstName: r.first_name,
          middleName: r.middle_name,
          lastName: r.last_name,
          fullName: r.full_name,
          language: r.language,
          timezone: r.timezone,
          region: r.region,
          consentEmail: r.consent_email,
          consentSms: r.consent_sms,
          consentVoice: r.consent_voice,
          attributes: r.attributes ?? {},
        },
  );
}

function columns(rows: readonly ContactWithFields[]): SQL {
  const col = <K extends keyof ContactWithFields>(key: K) => rows.map((r) => r[key]);
  return sql.join(
    [
      arr(col('id'), 'uuid[]'),
      arr(col('externalId'), 'text[]'),
      arr(col('phone'), 'text[]'),
      arr(col('email'), 'text[]'),
      arr(col('firstName'), 'text[]'),
      arr(col('middleName'), 'text[]'),
      arr(col('lastName'), 'text[]'),
      arr(col('fullName'), 'text[]'),
      arr(col('language'), 'text[]'),
      arr(col('timezone'), 'text[]'),
      arr(col('region'), 'text[]'),
      arr(col('consentEmail'), 'boolean[]'),
      arr(col('consentSms'), 'boolean[]'),
      arr(col('consentVoice'), 'boolean[]'),
      arr(
        rows.map((r) => JSON.stringify(r.attributes)),
        'jsonb[]',
      ),
    ],
    sql`, `,
  );
}

const UNNESTED = sql.raw(
  'i(id, external_id, phone, email, first_name, middle_name, last_name, full_name, language, timezone, region, consent_email, consent_sms, consent_voice, attributes)',
);

/** Inserts new contacts (ids chosen by the caller); returns the ids inserted. An external id taken meanwhile is skipped, not an error. */
export async function insertContacts(q: Queryable, tenantId: string, rows: readonly ContactWithFields[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await q.execute<{ id: string }>(sql`
    insert into contacts (id, tenant_id, external_id, phone, email, first_name, middle_name, last_name, full_name, language, timezone, region,
      consent_email, consent_sms, consent_voice, attributes)
    select i.id, ${tenantId}::uuid, i.external_id, i.phone, i.email, i.first_name, i.middle_name, i.last_name, i.full_name, i.language, i.timezone,
      i.region, i.consent_email, i.consent_sms, i.consent_voice, i.attributes
    from unnest(${columns(rows)}) as ${UNNESTED}
    on conflict (tenant_id, external_id) where external_id is not null do nothing
    returning id`);
  return new Set(result.rows.map((r) => r.id));
}

/** Writes the given fields over existing contacts of the tenant. */
export async function updateContactFields(q: Queryable, tenantId: string, rows: readonly ContactWithFields[]): Promise<void> {
  if (rows.length === 0) return;
  await q.execute(sql`
    update contacts c set external_id = i.external_id, phone = i.phone, email = i.email, first_name = i.first_name, middle_name = i.middle_name,
      last_name = i.last_name, full_name = i.full_name, language = i.language, timezone = i.timezone, region = i.region,
      consent_email = i.consent_email, consent_sms = i.consent_sms, consent_voice = i.consent_voice, attributes = i.attributes, updated_at = now()
    from unnest(${columns(rows)}) as ${UNNESTED}
    where c.id = i.id and c.tenant_id = ${tenantId} and c.erased_at is null`);
}

export async function insertContactChanges(
  q: Queryable,
  tenantId: string,
  entries: ReadonlyArray<{ contactId: string; changes: ContactChanges }>,
  by: { importId?: string | null; userId?: string | null },
): Promise<void> {
  if (entries.length === 0) return;
  await q.execute(sql`
    insert into contact_changes (tenant_id, contact_id, import_id, changed_by, changes)
    select ${tenantId}::uuid, i.contact_id, ${by.importId ?? null}::uuid, ${by.userId ?? null}::uuid, i.changes
    from unnest(${arr(
      entries.map((e) => e.contactId),
      'uuid[]',
    )}, ${arr(
      entries.map((e) => JSON.stringify(e.changes)),
      'jsonb[]',
    )}) as i(contact_id, changes)`);
}

/** One import at a time per tenant writes contacts: matching then inserting is only safe without a second writer in between. */
export async function lockTenantContacts(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`contacts:${tenantId}`}, 0))`);
}
