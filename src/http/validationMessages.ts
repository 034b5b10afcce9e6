import { z } from 'zod';

const en = z.locales.en().localeError;
const ru = z.locales.ru().localeError;
const text = (out: ReturnType<typeof en>) => (typeof out === 'string' ? out : out?.message);

/**
 * A schema validation message in the reader's language. zod words its own
 * messages in English; we re-word them with zod's Russian locale for Russian
 * readers. A message our schema set itself (a regex with a hint, say) is
 * recognised by differing from zod's English wording and kept as written.
 */
export function localizeValidationMessage(issue: { keyword: string; message?: string; params?: Record<string, unknown> }, locale: 'ru' | 'en'): string {
  const message = issue.message ?? 'is not valid';
  if (locale === 'en') return message;
  const raw = { ...(issue.params ?? {}), code: issue.keyword } as Parameters<typeof en>[0];
  // zod puts the received type in invalid_type messages; the issue no longer carries the input, so name only what was expected.
  if (issue.keyword === 'invalid_type' && /^Invalid input: expected /.test(message)) {
    return `Неверный тип значения: ожидалось ${String((issue.params ?? {}).expected ?? 'другое')}`;
  }
  if (text(en(raw)) !== message) return message;
  return text(ru(raw)) ?? message;
}
