// The key=value rows a manager types for a link's attributes (region, branch …), checked
// with the same key rule the server applies (src/domain/surveys/dimensions.ts).
import { DIMENSION_KEY_PATTERN, DIMENSION_VALUE_MAX_LENGTH } from '../../../../../src/domain/surveys/dimensions.ts';
import type { MessageKey } from '../../../i18n/index.tsx';

export interface AttributeRow {
  key: string;
  value: string;
}

export type AttributeProblem = Extract<MessageKey, `links.attributeProblem.${string}`>;

export const emptyRow = (): AttributeRow => ({ key: '', value: '' });

/** The problem of each row (null when fine); a row left blank on both sides is simply ignored. */
export function rowProblems(rows: readonly AttributeRow[]): (AttributeProblem | null)[] {
  const seen = new Set<string>();
  return rows.map(({ key, value }) => {
    const k = key.trim();
    const v = value.trim();
    if (!k && !v) return null;
    if (!DIMENSION_KEY_PATTERN.test(k)) return 'links.attributeProblem.key';
    if (seen.has(k)) return 'links.attributeProblem.duplicate';
    seen.add(k);
    if (!v) return 'links.attributeProblem.value';
    if (v.length > DIMENSION_VALUE_MAX_LENGTH) return 'links.attributeProblem.long';
    return null;
  });
}

/** The attributes to send, or undefined when there are none. Call only when rowProblems found none. */
export function rowsToAttributes(rows: readonly AttributeRow[]): Record<string, string> | undefined {
  const filled = rows.filter((r) => r.key.trim() && r.value.trim());
  return filled.length ? Object.fromEntries(filled.map((r) => [r.key.trim(), r.value.trim()])) : undefined;
}
