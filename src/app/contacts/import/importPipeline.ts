/**
 * The contact import up to the database, one pass over the file: map each
 * row, validate and normalise it, drop repeats within the file, count and
 * report. The dry run and the real import are the same pass: the dry run
 * drains it and keeps the summary, the import also consumes `contacts`.
 * Memory: the problem report is capped, the duplicate tracker grows by
 * design (see createDuplicateTracker), nothing else is kept per row. The
 * import jobs turn the tracker off (`dedupInFile: false`) and find the
 * duplicates in SQL over the staged rows instead, where memory stays flat.
 */
import {
  createDuplicateTracker,
  dedupKeys,
  isPhoneRegion,
  validateContactRow,
  type ContactInput,
  type ContactRow,
  type ContactRowOptions,
  type DedupKey,
} from '../../../domain/contacts/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import { mapColumns, type ColumnMapping, type MappingProblem } from './columnMapping.ts';
import { createProblemReport, type RowProblem, type RowProblemCode } from './problemReport.ts';
import type { SourceRow } from './sourceRow.ts';

export interface ImportOptions extends Omit<ContactRowOptions, 'required'> {
  /** How many rows with problems the summary lists (all are counted). */
  maxProblemRows?: number;
  /** Drop repeats within the file here, in memory (default); false: every valid row comes out, the caller deduplicates. */
  dedupInFile?: boolean;
}

export interface ValidContact {
  line: number;
  contact: ContactRow;
  /** How the repository should look for this person among existing contacts, strongest first. */
  keys: DedupKey[];
}

export interface ImportSummary {
  headers: string[] | null;
  /** total = valid + invalid + duplicates; rows, not problems. */
  counts: { total: number; valid: number; invalid: number; duplicates: number };
  problems: readonly RowProblem[];
  problemCounts: Readonly<Partial<Record<RowProblemCode, number>>>;
  problemRowsOmitted: number;
  /** The mapping does not fit the file; no row was read. */
  mappingProblems: MappingProblem[];
  /** Why the file could not be read (to the end): no header, or a fatal reading error. */
  fileProblem: { line: number | null; code: string; message: string } | null;
  /** The whole file was read. False while reading, after a fatal error, or if the consumer stopped early. */
  finished: boolean;
}

export interface ImportRun {
  /** The valid, normalised, first-seen contacts, in file order. Can be iterated once. */
  contacts: AsyncIterable<ValidContact>;
  /** The summary so far; final once `contacts` has been iterated to the end. */
  summary(): ImportSummary;
}

export function startImport(rows: AsyncIterable<SourceRow>, mapping: ColumnMapping, options: ImportOptions = {}): ImportRun {
  if (options.defaultRegion !== undefined && !isPhoneRegion(options.defaultRegion)) {
    throw new DomainError('contacts.invalid_phone_region', `"${options.defaultRegion}" is not a country code libphonenumber knows`, { field: 'defaultRegion' });
  }
  const report = createProblemReport(options.maxProblemRows);
  const duplicates = options.dedupInFile === false ? null : createDuplicateTracker();
  const state: Omit<ImportSummary, 'problems' | 'problemCounts' | 'problemRowsOmitted'> = {
    headers: null,
    counts: { total: 0, valid: 0, invalid: 0, duplicates: 0 },
    mappingProblems: [],
    fileProblem: null,
    finished: false,
  };
  const rowOptions: ContactRowOptions = { ...options, required: mapping.required ?? [] };
  let toInput: ((cells: Record<string, string>) => ContactInput) | null = null;
  let started = false;

  async function* contacts(): AsyncGenerator<ValidContact> {
    for await (const item of rows) {
      if (item.kind === 'header') {
        state.headers = item.headers;
        const mapped = mapColumns(item.headers, mapping);
        if (!mapped.ok) {
          state.mappingProblems = mapped.problems;
          return;
        }
        toInput = mapped.toInput;
        continue;
      }
      state.counts.total += 1;
      if (item.kind === 'error') {
        state.counts.invalid += 1;
        report.addRow([{ line: item.line, field: '*', code: item.error.code, message: item.error.message }]);
        if (item.error.fatal) {
          state.fileProblem = { line: item.line, code: item.error.code, message: item.error.message };
          return;
        }
        continue;
      }
      if (toInput === null) throw new Error('a reader yielded a row before the header');
      const result = validateContactRow(toInput(item.cells), rowOptions);
      if (!result.ok) {
        state.counts.invalid += 1;
        report.addRow(result.problems.map((problem) => ({ line: item.line, ...problem })));
        continue;
      }
      const repeat = duplicates?.check(result.contact, item.line);
      if (repeat) {
        state.counts.duplicates += 1;
        report.addRow([{ line: item.line, field: repeat.by, code: 'duplicate_in_file', message: `Duplicate of line ${repeat.line} (same ${repeat.by})` }]);
        continue;
      }
      state.counts.valid += 1;
      yield { line: item.line, contact: result.contact, keys: dedupKeys(result.contact) };
    }
    if (state.headers === null) state.fileProblem = { line: null, code: 'no_header', message: 'The file is empty: there is no header row' };
    else state.finished = true;
  }

  return {
    contacts: {
      [Symbol.asyncIterator]() {
        if (started) throw new Error('the contacts of an import can be read once');
        started = true;
        return contacts();
      },
    },
    summary: () => ({ ...state, counts: { ...state.counts }, problems: [...report.problems], problemCounts: { ...report.countsByCode }, problemRowsOmitted: report.rowsOmitted }),
  };
}

/** Reads the whole file and reports; imports nothing. */
export async function dryRunImport(rows: AsyncIterable<SourceRow>, mapping: ColumnMapping, options: ImportOptions = {}): Promise<ImportSummary> {
  const run = startImport(rows, mapping, options);
  for await (const _contact of run.contacts) {
    // counting happens inside the run
  }
  return run.summary();
}
