/**
 * Outcomes from a CSV file sent as the request body: one identifier column
 * (external_id, phone or email), an optional observed_on, and one column per
 * outcome key. The body is first streamed to a scratch file (size-limited
 * while written, as contact uploads are), so no transaction waits on a slow
 * client; then read through the contact importer's CSV reader (encoding,
 * delimiter and line numbers as contact imports have them). Each bad row is
 * reported with its line and reason and left out, the good rows are written
 * in one transaction, or nothing is when `dryRun` is set or reading had to stop.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/access.ts';
import { isOutcomeKey, parseObservedOn, parseOutcomeCell } from '../../domain/analytics/outcomes.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Tx } from '../../store/db.ts';
import { upsertOutcomes, type OutcomeValue } from '../../store/repos/contactOutcomes.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import { saveUpload } from '../contactImports/files.ts';
import { readCsvRows, type SourceErrorCode } from '../contacts/import/index.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';
import { MATCH_PROBLEM_TEXT, matchContacts, type ContactIdentifiers, type MatchProblem } from './outcomeContacts.ts';

/** A file of outcomes is a few columns per contact: 20 MB holds several hundred thousand rows. */
export const OUTCOME_CSV_MAX_BYTES = 20 * 1_048_576;
/** Rows matched and written per round trip. */
const BATCH_ROWS = 2_000;
/** Problems listed in the answer; the rest are only counted. */
export const OUTCOME_PROBLEMS_LISTED_MAX = 1_000;

const IDENTIFIER_COLUMNS = { external_id: 'externalId', phone: 'phone', email: 'email' } as const;
type IdentifierColumn = keyof typeof IDENTIFIER_COLUMNS;
const OBSERVED_ON = 'observed_on';

export type OutcomeCsvProblemCode = MatchProblem | 'bad_number' | 'bad_date' | SourceErrorCode;

export interface OutcomeCsvProblem {
  line: number;
  /** The column the problem is in; null for the row as a whole. */
  column: string | null;
  code: OutcomeCsvProblemCode;
  message: string;
  /** The cell as written, for number and date problems. */
  value?: string;
}

export interface OutcomeCsvReport {
  dryRun: boolean;
  /** Whether the good rows were written (false for a dry run, and when reading stopped early). */
  applied: boolean;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows without problems. */
  validRows: number;
  /** Outcome values in those rows: written, or that would be. */
  values: number;
  keys: string[];
  problems: OutcomeCsvProblem[];
  problemCounts: Partial<Record<OutcomeCsvProblemCode, number>>;
  /** Problems counted but not listed (past OUTCOME_PROBLEMS_LISTED_MAX). */
  problemsOmitted: number;
  /** The line reading stopped at (a row too long to read); nothing was written. */
  stoppedAtLine: number | null;
}

export interface OutcomeCsvUpload {
  body: Readable;
  /** Content-Length as announced, if any: a file known to be too large is refused before it is read. */
  declaredBytes: number | null;
  dryRun: boolean;
}

interface Columns {
  identifiers: Array<{ header: string; kind: keyof ContactIdentifiers }>;
  observedOn: string | null;
  outcomes: Array<{ header: string; key: string }>;
}

interface PendingRow {
  line: number;
  identifiers: ContactIdentifiers;
  values: Array<{ key: string; value: number }>;
  observedOn: string | null;
}

class StopReading extends Error {}

export async function importOutcomesCsvFor(ctx: AppContext, actor: Actor, tenantId: string, upload: OutcomeCsvUpload, meta: RequestMeta): Promise<OutcomeCsvReport> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  const maxBytes = Math.min(OUTCOME_CSV_MAX_BYTES, ctx.config.contactImport.maxBytes);
  const file = path.join(ctx.config.dataDir, 'outcome-uploads', tenantId, randomUUID());
  try {
    if (upload.declaredBytes !== null && upload.declaredBytes > maxBytes) throw tooLarge(maxBytes);
    const { format } = await saveUpload(upload.body, file, maxBytes).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'contacts.file_too_large' ? tooLarge(maxBytes) : error;
    });
    if (format !== 'csv') throw new DomainError('contacts.outcomes_not_csv', 'Outcomes are uploaded as CSV text; save the spreadsheet as CSV (UTF-8) first', { field: 'body' });
    const report = emptyReport(upload.dryRun);
    try {
      await ctx.db.transaction(async (tx) => {
        const tenant = await findTenant(tx, tenantId, null);
        if (!tenant) throw notFound('Organisation');
        await readAndApply(ctx, tx, tenantId, tenant.defaultRegion, fs.createReadStream(file), upload.dryRun, report);
        // A dry run and a file that could not be read to its end leave nothing behind.
        if (upload.dryRun || report.stoppedAtLine !== null) throw new StopReading();
        report.applied = true;
        await recordAudit(tx, actor, meta, {
          action: 'analytics.outcomes.imported',
          tenantId,
          targetType: 'contact_outcomes',
          details: { source: 'csv', rows: report.rows, validRows: report.validRows, values: report.values, keys: report.keys.length, problems: report.rows - report.validRows },
        });
      });
    } catch (error) {
      if (!(error instanceof StopReading)) throw error;
    }
    return report;
  } finally {
    // A body refused before it was read is drained, so the client gets the answer rather than a reset connection.
    upload.body.resume();
    await fsp.rm(file, { force: true });
  }
}

async function readAndApply(ctx: AppContext, tx: Tx, tenantId: string, defaultRegion: string, source: fs.ReadStream, dryRun: boolean, report: OutcomeCsvReport): Promise<void> {
  let columns: Columns | null = null;
  let pending: PendingRow[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    if (rows.length === 0) return;
    const matches = await matchContacts(tx, tenantId, defaultRegion, rows.map((r) => r.identifiers));
    const values = new Map<string, OutcomeValue>();
    rows.forEach((row, i) => {
      const match = matches[i]!;
      if (!match.ok) {
        addProblems(report, [{ line: row.line, column: null, code: match.problem, message: MATCH_PROBLEM_TEXT[match.problem] }]);
        return;
      }
      report.validRows += 1;
      report.values += row.values.length;
      // A later line for the same contact and key wins, as it would have in a later file.
      for (const v of row.values) values.set(`${match.contactId}\u0000${v.key}`, { contactId: match.contactId, key: v.key, value: v.value, observedOn: row.observedOn });
    });
    if (!dryRun) await upsertOutcomes(tx, tenantId, [...values.values()], ctx.clock.now());
  };

  for await (const item of readCsvRows(source)) {
    if (item.kind === 'header') {
      columns = outcomeColumns(item.headers);
      report.keys = columns.outcomes.map((c) => c.key);
      continue;
    }
    report.rows += 1;
    if (item.kind === 'error') {
      addProblems(report, [{ line: item.line, column: null, code: item.error.code, message: item.error.message }]);
      if (item.error.fatal) {
        report.stoppedAtLine = item.line;
        return;
      }
      continue;
    }
    const parsed = parseRow(columns!, item.line, item.cells);
    if (parsed.problems.length > 0) addProblems(report, parsed.problems);
    else pending.push(parsed.row);
    if (pending.length >= BATCH_ROWS) await flush();
  }
  if (columns === null) throw new DomainError('contacts.empty_file', 'The file is empty: there is no header row');
  await flush();
  // Contacts are matched a batch at a time, after the cells were checked: put the list back in file order.
  report.problems.sort((a, b) => a.line - b.line);
}

function outcomeColumns(headers: readonly string[]): Columns {
  const columns: Columns = { identifiers: [], observedOn: null, outcomes: [] };
  const bad: string[] = [];
  for (const header of headers) {
    const name = header.trim().toLowerCase();
    if (Object.hasOwn(IDENTIFIER_COLUMNS, name)) columns.identifiers.push({ header, kind: IDENTIFIER_COLUMNS[name as IdentifierColumn] });
    else if (name === OBSERVED_ON) columns.observedOn = header;
    else if (isOutcomeKey(name)) columns.outcomes.push({ header, key: name });
    else bad.push(header);
  }
  if (columns.identifiers.length === 0) {
    throw new DomainError('contacts.outcomes_no_identifier', 'The header needs an identifier column: external_id, phone or email', { field: 'header' });
  }
  if (bad.length > 0) {
    throw new DomainError('contacts.outcomes_bad_column', `Column names must be outcome keys (lower-case letters, digits and _, starting with a letter, up to 64): ${bad.slice(0, 5).join(', ')}`, {
      field: 'header',
      columns: bad,
    });
  }
  if (columns.outcomes.length === 0) throw new DomainError('contacts.outcomes_no_outcome', 'The header names no outcome column (churned, revenue …)', { field: 'header' });
  const keys = columns.outcomes.map((c) => c.key);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated !== undefined) throw new DomainError('contacts.outcomes_bad_column', `The column ${repeated} appears twice`, { field: 'header', columns: [repeated] });
  return columns;
}

function parseRow(columns: Columns, line: number, cells: Record<string, string>): { row: PendingRow; problems: OutcomeCsvProblem[] } {
  const problems: OutcomeCsvProblem[] = [];
  const identifiers: ContactIdentifiers = {};
  for (const { header, kind } of columns.identifiers) {
    const cell = cells[header]?.trim() ?? '';
    if (cell !== '') identifiers[kind] = cell;
  }
  if (Object.keys(identifiers).length === 0) problems.push({ line, column: null, code: 'empty_identifier', message: MATCH_PROBLEM_TEXT.empty_identifier });
  let observedOn: string | null = null;
  if (columns.observedOn !== null) {
    const cell = cells[columns.observedOn]?.trim() ?? '';
    if (cell !== '') {
      observedOn = parseObservedOn(cell);
      if (observedOn === null) problems.push({ line, column: columns.observedOn, code: 'bad_date', message: 'observed_on is not a date as YYYY-MM-DD (or DD.MM.YYYY)', value: cell });
    }
  }
  const values: PendingRow['values'] = [];
  for (const { header, key } of columns.outcomes) {
    const cell = cells[header]?.trim() ?? '';
    if (cell === '') continue; // no value for this key in this row
    const parsed = parseOutcomeCell(cell);
    if (parsed.ok) values.push({ key, value: parsed.value });
    else problems.push({ line, column: header, code: 'bad_number', message: `${key} is not a number (or yes/no)`, value: cell.slice(0, 100) });
  }
  return { row: { line, identifiers, values, observedOn }, problems };
}

function emptyReport(dryRun: boolean): OutcomeCsvReport {
  return { dryRun, applied: false, rows: 0, validRows: 0, values: 0, keys: [], problems: [], problemCounts: {}, problemsOmitted: 0, stoppedAtLine: null };
}

function addProblems(report: OutcomeCsvReport, problems: readonly OutcomeCsvProblem[]): void {
  for (const problem of problems) {
    report.problemCounts[problem.code] = (report.problemCounts[problem.code] ?? 0) + 1;
    if (report.problems.length < OUTCOME_PROBLEMS_LISTED_MAX) report.problems.push(problem);
    else report.problemsOmitted += 1;
  }
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError('contacts.file_too_large', `An outcomes file may be at most ${Math.round((maxBytes / 1_048_576) * 10) / 10} MB; split it and upload the parts`, { maxBytes });
}
