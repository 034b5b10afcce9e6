/**
 * What must never reach a log line: passwords, tokens, cookies and phone numbers.
 * Applied to the request log (URLs carry one-time tokens) and to every logged object.
 */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|csrf|api[-_]?key/i;
const LONG_SECRET_SEGMENT = /^[A-Za-z0-9_-]{32,}$/;
// +7 999 123-45-67, 89991234567, (495) 123 45 67 … : 10+ digits with separators.
const PHONE = /(?<![\w-])\+?\d(?:[\s().-]*\d){9,14}(?!\w)/g;

// scheme://user:password@host — the password of an SMTP or database URL that found its way into a message.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:)[^\s@/]+@/gi;

export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, '$1[redacted]@');
}

/** What every logged string goes through: URL passwords, then phone numbers. */
export function redactText(text: string): string {
  return maskPhones(maskUrlPasswords(text));
}

export function maskPhones(text: string): string {
  return text.replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, '');
    return `[phone …${digits.slice(-2)}]`;
  });
}

export function redactUrl(url: string): string {
  const [path = '', query] = String(url ?? '').split('?', 2);
  const safePath = path
    .split('/')
    .map((seg) => (LONG_SECRET_SEGMENT.test(seg) ? '[redacted]' : seg))
    .join('/');
  if (!query) return maskPhones(safePath);
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (SECRET_KEY.test(key)) params.set(key, '[redacted]');
  return maskPhones(`${safePath}?${params.toString()}`);
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  // Only plain data is rewritten; requests, errors and other class instances go to their serializers.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redactValue(v, depth + 1)]),
  );
}
