/**
 * Folding for matching what people type against our tables (region names,
 * header names, yes/no words): case, ё/е, punctuation and spacing stop
 * mattering, letters and digits stay. Not for storing: stored values keep
 * what the person wrote.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Cut long values before they go into a report: a person needs to recognise the cell, not read a novel. */
export function preview(value: string, maxChars = 100): string {
  return value.length <= maxChars ? value : `${value.slice(0, maxChars - 1)}…`;
}
