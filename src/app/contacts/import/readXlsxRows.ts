/**
 * An XLSX upload as SourceRow items, streamed with exceljs's WorkbookReader:
 * the first worksheet (first tab), the header from its first non-empty row,
 * line numbers as Excel's row numbers.
 *
 * What stays in memory: one batch of rows, and the workbook's shared-string
 * table (XLSX stores each distinct text once, and any row may point at any
 * entry, so no reader can avoid holding it; it grows with distinct texts,
 * not rows). Excel writes sheets before that table, so exceljs spools the
 * sheet's XML to a temporary file until the table has been read: disk, not
 * memory. For very large lists CSV remains the cheaper format.
 */
import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../domain/errors.ts';
import { buildHeaders, cellsByHeader, isBlankRecord, type SourceRow } from './sourceRow.ts';
import { xlsxCellText } from './xlsxCellText.ts';

/** The parts of exceljs's stream reader its type definitions leave out. */
interface WorkbookModel {
  model?: { sheets?: Array<{ name?: string }> };
}
interface SheetIdentity {
  name?: string;
}

export async function* readXlsxRows(input: Readable | string): AsyncGenerator<SourceRow> {
  const source = typeof input === 'string' ? fs.createReadStream(input) : input;
  // exceljs pipes its input into the unzipper, and pipe() does not pass errors on: a failing
  // source (missing file, aborted upload) would leave it waiting forever. We feed it through a
  // stream we end ourselves on failure, and raise the source's error when exceljs stops.
  const feed = new PassThrough();
  let sourceError: Error | null = null;
  source.on('error', (error: Error) => {
    sourceError = error;
    feed.end();
  });
  source.pipe(feed);
  const failed = () => sourceError;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(feed, {
    sharedStrings: 'cache',
    styles: 'cache', // without styles a date is only a number of days since 1900
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let headers: string[] | null = null;
  try {
    for await (const sheet of guard(reader, failed)) {
      const firstTab = (reader as unknown as WorkbookModel).model?.sheets?.[0]?.name;
      if (firstTab !== undefined && (sheet as unknown as SheetIdentity).name !== firstTab) continue;
      for await (const row of guard(sheet, failed)) {
        const values = rowValues(row.values);
        if (isBlankRecord(values)) continue;
        if (headers === null) {
          headers = buildHeaders(values);
          yield { kind: 'header', line: row.number, headers };
          continue;
        }
        // Cells right of the header are ignored, unlike CSV: in a sheet a cell cannot shift
        // into the wrong column, so a note beside the table harms nothing it maps.
        yield { kind: 'row', line: row.number, cells: cellsByHeader(headers, values.slice(0, headers.length)) };
      }
      return;
    }
  } finally {
    // Stopping after the first sheet (or early): close the file.
    source.destroy();
    feed.destroy();
  }
}

/** exceljs's row.values is 1-based and sparse; ours are 0-based and dense. */
function rowValues(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const texts: string[] = [];
  for (let column = 1; column < values.length; column += 1) texts.push(xlsxCellText(values[column]));
  return texts;
}

/**
 * A file that is not a workbook fails inside exceljs with a zip or XML error;
 * the person needs to hear what it means. A failing source (missing file,
 * broken upload) keeps its own error.
 */
async function* guard<T>(items: AsyncIterable<T>, sourceError: () => Error | null): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw sourceError() ?? new DomainError('contacts.unreadable_file', 'The file could not be read as an Excel workbook (.xlsx); open it in Excel and save it again as .xlsx', {
          cause: error instanceof Error ? error.message : String(error),
        });
      }
      const failure = sourceError();
      if (failure) throw failure; // the input ended early because it failed: the rows so far are not the whole sheet
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
