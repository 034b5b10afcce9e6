/**
 * What the file readers (CSV, XLSX) hand to the import pipeline, one item at
 * a time: the header once, then rows and the rows that could not be read,
 * each with the line number a person sees in their editor or in Excel.
 */
export type SourceErrorCode =
  /** A quote opened and never closed: the rest of the file became one cell. */
  | 'unclosed_quote'
  /** Quotes the CSV reader could not make sense of. */
  | 'invalid_quote'
  /** A row with more or fewer cells than the header. */
  | 'column_count'
  /** A row longer than the reader accepts; reading stops there (fatal). */
  | 'record_too_large'
  /** Bytes that are not valid text in the file's encoding. */
  | 'invalid_text';

export interface SourceError {
  code: SourceErrorCode;
  message: string;
  /** Reading stopped here: the rows after this line were not read. */
  fatal?: boolean;
}

export type SourceRow =
  | { kind: 'header'; line: number; headers: string[] }
  | { kind: 'row'; line: number; cells: Record<string, string> }
  | { kind: 'error'; line: number; error: SourceError };

/**
 * Header cells as the mapping step shows them: trimmed, inner whitespace
 * (Excel headers often wrap: "Моб.\nтелефон") collapsed, an empty header
 * named after its position, a repeated one numbered, so every column has
 * one unambiguous name.
 */
export function buildHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.replace(/\s+/g, ' ').trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Cells keyed by header. A null-prototype object: a column named "__proto__" or "constructor" is just a column. */
export function cellsByHeader(headers: readonly string[], values: readonly string[]): Record<string, string> {
  const cells = Object.create(null) as Record<string, string>;
  headers.forEach((header, index) => {
    cells[header] = values[index] ?? '';
  });
  return cells;
}
