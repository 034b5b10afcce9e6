/**
 * An Excel cell value (as exceljs reads it) to the text a person sees, for
 * the same pipeline as CSV. The one rule that matters: a phone typed as a
 * number (79991234567) stays all its digits, never "7.9991234567e+10".
 */
type RichText = { richText: Array<{ text?: string | null }> };

/** Excel keeps 15 significant digits; more only shows float noise (0.1 + 0.2). */
const EXCEL_SIGNIFICANT_DIGITS = 15;

export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray((value as RichText).richText)) return (value as RichText).richText.map((run) => run.text ?? '').join('');
    if ('result' in value) return xlsxCellText((value as { result: unknown }).result); // a formula: its last computed value
    if ('formula' in value || 'sharedFormula' in value) return ''; // a formula never computed (written by a program, not Excel)
    if ('text' in value) return xlsxCellText((value as { text: unknown }).text); // a hyperlink: the text shown
    if ('error' in value) return String((value as { error: unknown }).error); // "#N/A": kept, so validation shows it
  }
  return String(value);
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  return String(Number(value.toPrecision(EXCEL_SIGNIFICANT_DIGITS)));
}

/**
 * exceljs turns date-formatted cells into Dates whose UTC fields are the
 * wall-clock fields typed in Excel (Excel dates have no zone). A date
 * without a time prints as 2024-03-05, otherwise 2024-03-05T14:30:00.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
