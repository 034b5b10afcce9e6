/**
 * Consent flags (may we email / text / call this person) as spreadsheets
 * hold them. A value we cannot read is an error, never a guess: sending to
 * someone who said no is the one mistake a survey platform must not make.
 */
import type { ContactProblem } from './contactRow.ts';
import { foldText, preview } from './text.ts';

const YES = new Set(['1', 'да', 'д', 'yes', 'y', 'true', 'истина', 'согласен', 'согласна', 'есть', 'x', 'v', '+', '✓', '✔']);
const NO = new Set(['0', 'нет', 'н', 'no', 'n', 'false', 'ложь', 'не согласен', 'не согласна', 'отказ', '-', '—']);

/** true / false, null when the text is empty (consent unknown), or 'invalid'. */
export function parseConsent(text: string): boolean | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // Symbols ("+", "✓") vanish when folded, so look them up as written first.
  if (YES.has(trimmed)) return true;
  if (NO.has(trimmed)) return false;
  const folded = foldText(trimmed);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return 'invalid';
}

/** A consent cell read for validateContactRow: the flag (null = not stated) or the problem to report. */
export function consentProblem(
  field: 'consentEmail' | 'consentSms' | 'consentVoice',
  text: string,
): { consent: boolean | null; problem: null } | { consent: null; problem: ContactProblem } {
  const consent = parseConsent(text);
  if (consent !== 'invalid') return { consent, problem: null };
  return { consent: null, problem: { field, code: 'consent_invalid', message: 'Consent must be yes or no (да/нет, 1/0, true/false)', value: preview(text) } };
}
