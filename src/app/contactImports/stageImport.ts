/**
 * The one pass over an uploaded file: read, validate and normalise every
 * row (the import pipeline, without its in-memory duplicate tracker), copy
 * the valid rows into the staging table, then let SQL find the duplicates
 * within the file and count the people the tenant already has. The check
 * keeps the summary; the import applies the staged rows without reading
 * the file again (unless the staging was lost: see runImport.ts).
 */
import { fieldsFromRow, isPersonalZone } from '../../domain/contacts/index.ts';
import {
  countStagedExisting,
  deleteStagedRows,
  firstDuplicates,
  markDuplicatesInFile,
  withStagingSession,
  type DuplicateRow,
  type StagedRow,
} from '../../store/repos/contactImportRows.ts';
import { findContactImport, type ContactImportRow } from '../../store/repos/contactImports.ts';
import type { TenantRow } from '../../store/repos/tenants.ts';
import { DEFAULT_MAX_PROBLEM_ROWS, startImport, type ImportSummary, type RowProblem, type ValidContact } from '../contacts/import/index.ts';
import type { AppContext } from '../context.ts';
import { importFilePath, readImportRows, type ImportFormat } from './files.ts';
import { pipelineOptions, storedSettings } from './importSettings.ts';

export type CheckSummary = Omit<ImportSummary, 'counts'> & { counts: ImportSummary['counts'] & { new: number; existing: number } };

/**
 * Stages the file of `row` and summarises it; 'superseded' (and nothing
 * staged) when, by the end, the import was re-checked with another mapping
 * or left the status it had: a newer check, a discard or the import owns it now.
 */
export async function stageImportFile(
  ctx: AppContext,
  tenant: Pick<TenantRow, 'defaultRegion' | 'timezone'>,
  row: ContactImportRow,
): Promise<CheckSummary | 'superseded'> {
  const settings = storedSettings(row);
  const maxRows = DEFAULT_MAX_PROBLEM_ROWS;
  const rows = readImportRows(importFilePath(ctx.config, row.tenantId, row.id), row.format as ImportFormat);
  const run = startImport(rows, settings.mapping, { ...pipelineOptions(settings, tenant), dedupInFile: false, maxProblemRows: maxRows });
  return withStagingSession(ctx.db, row.tenantId, row.id, async (session) => {
    await session.copyRows(stagedRows(run.contacts));
    const current = await findContactImport(session.q, row.tenantId, row.id);
    if (current?.status !== row.status || JSON.stringify(current.mapping) !== JSON.stringify(row.mapping)) return session.rollback('superseded');
    const read = run.summary();
    if (!read.finished) {
      // The file cannot be imported as it is (the confirm refuses it): keep the report, not the rows.
      await deleteStagedRows(session.q, row.tenantId, row.id);
      return { ...read, counts: { ...read.counts, new: 0, existing: 0 } };
    }
    const duplicates = await markDuplicatesInFile(session.q, row.tenantId, row.id);
    const listed = duplicates === 0 ? [] : await firstDuplicates(session.q, row.tenantId, row.id, maxRows);
    const existing = await countStagedExisting(session.q, row.tenantId, row.id);
    const valid = read.counts.valid - duplicates;
    return {
      ...withDuplicates(read, listed, duplicates, maxRows),
      counts: { ...read.counts, valid, duplicates: read.counts.duplicates + duplicates, existing, new: valid - existing },
    };
  });
}

async function* stagedRows(contacts: AsyncIterable<ValidContact>): AsyncGenerator<StagedRow> {
  for await (const item of contacts) {
    yield { line: item.line, fields: fieldsFromRow(item.contact), timezonePersonal: isPersonalZone(item.contact.timezoneSource) };
  }
}

/**
 * The reader's report (invalid rows, in line order, the first `maxRows`
 * rows listed) merged with the duplicates SQL found, so the listing is again
 * the first `maxRows` rows with problems in line order, and every problem counted.
 */
function withDuplicates(read: ImportSummary, duplicates: readonly DuplicateRow[], duplicateCount: number, maxRows: number): ImportSummary {
  if (duplicateCount === 0) return read;
  const invalidRows: RowProblem[][] = [];
  for (const problem of read.problems) {
    const last = invalidRows.at(-1);
    if (last && last[0]!.line === problem.line) last.push(problem);
    else invalidRows.push([problem]);
  }
  const duplicateRows = duplicates.map((d): RowProblem[] => [
    { line: d.line, field: d.duplicateBy, code: 'duplicate_in_file', message: `Duplicate of line ${d.duplicateOf} (same ${d.duplicateBy})` },
  ]);
  const merged: RowProblem[][] = [];
  let i = 0;
  let j = 0;
  while (merged.length < maxRows && (i < invalidRows.length || j < duplicateRows.length)) {
    const takeInvalid = j >= duplicateRows.length || (i < invalidRows.length && invalidRows[i]![0]!.line < duplicateRows[j]![0]!.line);
    merged.push(takeInvalid ? invalidRows[i++]! : duplicateRows[j++]!);
  }
  const allRows = invalidRows.length + read.problemRowsOmitted + duplicateCount;
  return {
    ...read,
    problems: merged.flat(),
    problemCounts: { ...read.problemCounts, duplicate_in_file: (read.problemCounts.duplicate_in_file ?? 0) + duplicateCount },
    problemRowsOmitted: allRows - merged.length,
  };
}
