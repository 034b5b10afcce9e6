/**
 * A CSV upload, streamed, as SourceRow items: the header (the first
 * non-blank row), then each row keyed by header, and the rows that could
 * not be read. Line numbers are the ones a text editor shows, multi-line
 * quoted cells included. Memory stays flat: one chunk of text and its rows.
 */
import { parseCsvRecords, type CsvItem } from './csvRecords.ts';
import { decodeText, type TextEncodingOption } from './decodeText.ts';
import { sniffDelimiter, type CsvDelimiter } from './detectDelimiter.ts';
import { normalizeLineBreaks } from './lineBreaks.ts';
import { buildHeaders, cellsByHeader, isBlankRecord, type SourceRow } from './sourceRow.ts';

export interface CsvReadOptions {
  /** Detected from the header line when absent. */
  delimiter?: CsvDelimiter;
  /** 'auto' (default): a byte-order mark, else UTF-8, else Windows-1251. */
  encoding?: TextEncodingOption;
  maxRecordBytes?: number;
}

/** U+FFFD: what the decoder puts where bytes were not valid text. */
const REPLACEMENT_CHARACTER = '\uFFFD';

export async function* readCsvRows(source: AsyncIterable<Uint8Array>, options: CsvReadOptions = {}): AsyncGenerator<SourceRow> {
  const text = normalizeLineBreaks(decodeText(source, options.encoding ?? 'auto'));
  const sniffed = await sniffDelimiter(text, options.delimiter);
  let headers: string[] | null = null;
  let skipHint = sniffed.hintLine;
  for await (const item of parseCsvRecords(sniffed.text, { delimiter: sniffed.delimiter, maxRecordBytes: options.maxRecordBytes })) {
    if ('error' in item) {
      yield { kind: 'error', line: item.line, error: item.error };
      continue;
    }
    if (isBlankRecord(item.record)) continue;
    if (skipHint) {
      skipHint = false; // Excel's "sep=;" line is not the header
      continue;
    }
    if (headers === null) {
      headers = buildHeaders(item.record);
      yield { kind: 'header', line: item.line, headers };
      continue;
    }
    yield rowOrError(item, headers);
  }
}

function rowOrError(item: Extract<CsvItem, { record: string[] }>, headers: readonly string[]): SourceRow {
  const { line, record } = item;
  // Trailing empty cells past the header ("a;b;" under "A;B") shift nothing; anything else might have.
  const extraHasText = record.slice(headers.length).some((cell) => cell.trim() !== '');
  if (record.length < headers.length || extraHasText) {
    return {
      kind: 'error',
      line,
      error: {
        code: 'column_count',
        message: `The row has ${record.length} cells but the header has ${headers.length}; a delimiter inside an unquoted cell is the usual cause`,
      },
    };
  }
  if (record.some((cell) => cell.includes(REPLACEMENT_CHARACTER))) {
    return { kind: 'error', line, error: { code: 'invalid_text', message: 'The row has bytes that are not valid text in the encoding of the file; save the file as UTF-8 and upload again' } };
  }
  return { kind: 'row', line, cells: cellsByHeader(headers, record) };
}
