/**
 * CSV for spreadsheet users (RFC 4180): fields with a comma, quote or line
 * break are quoted, quotes doubled, lines end in CRLF. A text that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return before one) gets a leading apostrophe, so a comment like
 * "=HYPERLINK(…)" is shown, never run. Numbers are written as they are.
 */
export type CsvCell = string | number | null | undefined;

/** Byte order mark: Excel reads the file as UTF-8 only with it. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as text: formula-looking values prefixed with a single quote. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly CsvCell[]): string => `${cells.map(csvField).join(',')}\r\n`;
