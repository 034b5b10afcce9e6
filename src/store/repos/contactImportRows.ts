/**
 * The staging table of an import (`contact_import_rows`): the check copies
 * the valid rows of the file into it once, then everything that needs all
 * rows at once (duplicates within the file, how many are people we already
 * have) is one SQL statement over them instead of a map in Node's memory.
 *
 * Rows go in with COPY (pg-copy-streams) rather than INSERTs: COPY streams
 * text rows over one statement, so a million rows cost the server a parse
 * per row and nothing per statement, and Node only formats lines. The whole
 * staging runs in one transaction holding a per-import lock, so two checks
 * of the same import never interleave and a failed one leaves nothing.
 */
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ContactFields } from '../../domain/contacts/index.ts';
import { schema, type Db, type Queryable } from '../db.ts';

export interface StagedRow {
  line: number;
  fields: ContactFields;
  timezonePersonal: boolean;
}

export interface DuplicateRow {
  line: number;
  duplicateOf: number;
  duplicateBy: 'externalId' | 'phone' | 'email';
}

export interface StagingSession {
  /** Replaces the import's staged rows with these (streamed; memory stays flat). */
  copyRows(rows: AsyncIterable<StagedRow>): Promise<number>;
  q: Queryable;
  /** Ends the session by rolling back instead of committing; returns `value`. */
  rollback<T>(value: T): T;
}

const COLUMNS =
  'import_id, line, tenant_id, external_id, phone, email, first_name, middle_name, last_name, full_name, language, timezone, timezone_personal, region, consent_email, consent_sms, consent_voice, attributes';
/** Lines per write to the COPY stream: large enough that a write's overhead vanishes, small enough to stay a few hundred KB. */
const LINES_PER_WRITE = 1_000;

/** COPY text format: backslash, tab and line breaks escaped, \N for null. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const copyBool = (value: boolean | null) => (value === null ? '\\N' : value ? 't' : 'f');

function copyLine(prefix: string, row: StagedRow, tenantId: string): string {
  const f = row.fields;
  return `${prefix}\t${row.line}\t${tenantId}\t${copyText(f.externalId)}\t${copyText(f.phone)}\t${copyText(f.email)}\t${copyText(f.firstName)}\t${copyText(
    f.middleName,
  )}\t${copyText(f.lastName)}\t${copyText(f.fullName)}\t${copyText(f.language)}\t${copyText(f.timezone)}\t${copyBool(row.timezonePersonal)}\t${copyText(
    f.region,
  )}\t${copyBool(f.consentEmail)}\t${copyBool(f.consentSms)}\t${copyBool(f.consentVoice)}\t${copyText(JSON.stringify(f.attributes))}\n`;
}

/** One transaction on one connection, under the import's lock: stage, then query what was staged. */
export async function withStagingSession<T>(db: Db, tenantId: string, importId: string, work: (session: StagingSession) => Promise<T>): Promise<T> {
  // COPY needs a connection of its own (the stream is the connection's until it ends): taken from the pool behind `db`.
  const client: pg.PoolClient = await (db as Db & { $client: pg.Pool }).$client.connect();
  const q: Queryable = drizzle(client, { schema });
  try {
    await client.query('begin');
    await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`contact_import_rows:${importId}`}, 0))`);
    let keep = true;
    const result = await work({
      q,
      copyRows: (rows) => copyRows(client, q, tenantId, importId, rows),
      rollback: (value) => {
        keep = false;
        return value;
      },
    });
    await client.query(keep ? 'commit' : 'rollback');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function copyRows(client: pg.PoolClient, q: Queryable, tenantId: string, importId: string, rows: AsyncIterable<StagedRow>): Promise<number> {
  await deleteStagedRows(q, tenantId, importId);
  const stream = client.query(copyFrom(`copy contact_import_rows (${COLUMNS}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let count = 0;
  let text = '';
  let pending = 0;
  try {
    for await (const row of rows) {
      text += copyLine(importId, row, tenantId);
      count += 1;
      pending += 1;
      if (pending === LINES_PER_WRITE) {
        const more = stream.write(text);
        text = '';
        pending = 0;
        if (!more) await Promise.race([once(stream, 'drain'), done]);
      }
    }
    if (text !== '') stream.write(text);
    stream.end();
  } catch (error) {
    // The reader failed: abort the COPY so the connection is usable for the rollback.
    stream.destroy(error as Error);
    await done.catch(() => {});
    throw error;
  }
  await done;
  // Fresh statistics: without them the planner takes a million staged rows for a handful and plans every chunk badly.
  await q.execute(sql`analyze contact_import_rows`);
  return count;
}

/**
 * Marks each staged row that is the same person as an earlier line of the
 * file, by the dedup rule (src/domain/contacts/dedup.ts): the same external
 * id; else the same phone, then the same email, when at most one of the two
 * rows has an external id. The earliest such line is named, strongest key
 * first; it may itself be a duplicate (rows 2 and 3 share a phone, rows 3
 * and 4 an email: 3 and 4 are both the person of line 2), where the
 * in-memory tracker compared only with first-seen rows. Three window sorts
 * over the staged rows, no per-row memory in Node.
 * Returns how many were marked.
 */
export async function markDuplicatesInFile(q: Queryable, tenantId: string, importId: string): Promise<number> {
  const result = await q.execute(sql`
    update contact_import_rows s set duplicate_of = d.of_line, duplicate_by = d.by
    from (
      select line,
        case when by_id < line then by_id when by_phone < line then by_phone when by_email < line then by_email end as of_line,
        case when by_id < line then 'externalId' when by_phone < line then 'phone' when by_email < line then 'email' end as by
      from (
        select line,
          case when external_id is not null then min(line) over (partition by external_id) end as by_id,
          case when phone is null then null
            when external_id is null then min(line) over (partition by phone)
            else min(line) filter (where external_id is null) over (partition by phone) end as by_phone,
          case when email is null then null
            when external_id is null then min(line) over (partition by email)
            else min(line) filter (where external_id is null) over (partition by email) end as by_email
        from contact_import_rows
        where tenant_id = ${tenantId} and import_id = ${importId}
      ) w
    ) d
    where d.of_line is not null and s.tenant_id = ${tenantId} and s.import_id = ${importId} and s.line = d.line`);
  return result.rowCount ?? 0;
}

/** The first `limit` duplicates by line, for the problem report (which lists a bounded number of rows). */
export async function firstDuplicates(q: Queryable, tenantId: string, importId: string, limit: number): Promise<DuplicateRow[]> {
  const result = await q.execute<{ line: number; duplicate_of: number; duplicate_by: DuplicateRow['duplicateBy'] }>(sql`
    select line, duplicate_of, duplicate_by from contact_import_rows
    where tenant_id = ${tenantId} and import_id = ${importId} and duplicate_of is not null
    order by line limit ${limit}`);
  return result.rows.map((r) => ({ line: r.line, duplicateOf: r.duplicate_of, duplicateBy: r.duplicate_by }));
}

/** How many staged rows (duplicates aside) are people the tenant already has, by the dedup rule. */
export async function countStagedExisting(q: Queryable, tenantId: string, importId: string): Promise<number> {
  const staged = sql`contact_import_rows s join contacts c on c.tenant_id = ${tenantId}`;
  const own = sql`s.tenant_id = ${tenantId} and s.import_id = ${importId} and s.duplicate_of is null`;
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select s.line from ${staged} and c.external_id = s.external_id where ${own}
      union
      select s.line from ${staged} and c.phone = s.phone where ${own} and (s.external_id is null or c.external_id is null)
      union
      select s.line from ${staged} and c.email = s.email where ${own} and (s.external_id is null or c.external_id is null)
    ) m`);
  return result.rows[0]?.n ?? 0;
}

export async function hasStagedRows(q: Queryable, tenantId: string, importId: string): Promise<boolean> {
  const result = await q.execute<{ found: boolean }>(
    sql`select exists (select 1 from contact_import_rows where tenant_id = ${tenantId} and import_id = ${importId}) as found`,
  );
  return result.rows[0]?.found ?? false;
}

/** Under the import's lock: a staging still running finishes first, and then finds its import gone (see stageImport.ts). */
export async function deleteStagedRowsOf(db: Db, tenantId: string, importId: string): Promise<void> {
  await withStagingSession(db, tenantId, importId, (session) => deleteStagedRows(session.q, tenantId, importId));
}

export async function deleteStagedRows(q: Queryable, tenantId: string, importId: string): Promise<void> {
  await q.execute(sql`delete from contact_import_rows where tenant_id = ${tenantId} and import_id = ${importId}`);
}
