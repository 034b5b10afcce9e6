/**
 * csv-parse driven chunk by chunk, yielding records with the line each one
 * starts on, and the records it could not read, in file order.
 *
 * Why not simply iterate the parser stream: a skipped record is reported
 * through a callback, out of order with the records already buffered, and a
 * record over `max_record_size` makes csv-parse drop the rest of its chunk
 * silently. Taking records through `on_record` while we write keeps order
 * and lets us stop loudly instead. The queue holds one chunk's records at most.
 */
import { parse, type CsvError, type InfoRecord } from 'csv-parse';
import type { CsvDelimiter } from './detectDelimiter.ts';
import { lineBreaksIn } from './lineBreaks.ts';
import type { SourceError } from './sourceRow.ts';

export type CsvItem = { line: number; record: string[] } | { line: number; error: SourceError };

/**
 * One record may be this long. It bounds memory when a stray quote would
 * otherwise swallow the rest of the file into one cell; no contact row
 * comes near it.
 */
export const DEFAULT_MAX_RECORD_BYTES = 256 * 1024;

export interface CsvRecordOptions {
  delimiter: CsvDelimiter;
  maxRecordBytes?: number;
}

export async function* parseCsvRecords(text: AsyncIterable<string>, options: CsvRecordOptions): AsyncGenerator<CsvItem> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const queue: CsvItem[] = [];
  let lastEndLine = 0; // the line the previous record ended on; the next one starts after it
  const parser = parse({
    delimiter: options.delimiter,
    record_delimiter: '\n', // normalizeLineBreaks made every line break a \n
    relax_column_count: true, // we compare with the header ourselves and report the line
    relax_quotes: true, // ООО "Ромашка" unquoted is common in hand-made files and harmless
    skip_empty_lines: false, // blank lines must reach us to keep the line count right
    max_record_size: maxRecordBytes,
    skip_records_with_error: true,
    on_record: (record: string[], info: InfoRecord) => {
      // info.lines is the line the record ends on; a multi-line cell started earlier.
      queue.push({ line: info.lines - lineBreaksIn(record), record });
      lastEndLine = info.lines;
      return null; // taken; nothing for the stream's own buffer
    },
    on_skip: (error: CsvError | undefined) => {
      if (error?.code === 'CSV_MAX_RECORD_SIZE') throw error; // fatal: csv-parse cannot resume cleanly
      queue.push({ line: errorLine(error, lastEndLine), error: describe(error, lastEndLine) });
    },
  });
  parser.on('error', () => {}); // errors arrive through the write callbacks below

  try {
    for await (const chunk of text) {
      const failure = await settle((done) => parser.write(chunk, done));
      yield* drain(queue);
      if (failure) {
        yield { line: lastEndLine + 1, error: stoppedReading(failure, lastEndLine + 1, maxRecordBytes) };
        return;
      }
    }
    const failure = await settle((done) => parser.end(done));
    yield* drain(queue);
    if (failure) yield { line: lastEndLine + 1, error: stoppedReading(failure, lastEndLine + 1, maxRecordBytes) };
  } finally {
    parser.destroy();
  }
}

function* drain(queue: CsvItem[]): Generator<CsvItem> {
  for (const item of queue) yield item;
  queue.length = 0;
}

function settle(start: (done: (error?: Error | null) => void) => void): Promise<Error | null> {
  return new Promise((resolve) => start((error) => resolve(error ?? null)));
}

function errorLine(error: CsvError | undefined, lastEndLine: number): number {
  // An unclosed quote is only noticed at the end of the file; the row that opened it starts after the last good one.
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') return lastEndLine + 1;
  const line = (error as { lines?: number } | undefined)?.lines;
  return typeof line === 'number' && line > lastEndLine ? line : lastEndLine + 1;
}

function describe(error: CsvError | undefined, lastEndLine: number): SourceError {
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      code: 'unclosed_quote',
      message: `A quote opened on line ${lastEndLine + 1} is never closed, so everything from there to the end of the file was read as one cell`,
    };
  }
  return { code: 'invalid_quote', message: `The quotes on this line cannot be read (${error?.code ?? 'unknown error'})` };
}

function stoppedReading(failure: Error, line: number, maxRecordBytes: number): SourceError {
  const code = (failure as Partial<CsvError>).code;
  if (code !== 'CSV_MAX_RECORD_SIZE') throw failure; // not a data problem: let it surface
  return {
    code: 'record_too_large',
    message: `The row starting on line ${line} is longer than ${Math.round(maxRecordBytes / 1024)} KB, usually because a quote is never closed; reading stopped there`,
    fatal: true,
  };
}
