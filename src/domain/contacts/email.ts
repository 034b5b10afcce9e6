/**
 * Email addresses as people type them into CRM exports. The check is
 * deliberately practical, not RFC 5322 in full: quoted local parts and IP
 * literals are valid on paper and undeliverable in practice for survey mail.
 * Cyrillic domains (почта.рф) are accepted and kept in their ASCII (punycode)
 * form, which is what SMTP and our dedup keys need.
 */
export type EmailRejection = 'empty' | 'several_addresses' | 'too_long' | 'format';

export type EmailResult = { ok: true; email: string } | { ok: false; reason: EmailRejection };

/** RFC 5321: 64 octets of local part, 254 for the whole path. */
const LOCAL_MAX = 64;
const ADDRESS_MAX = 254;
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A top-level domain is letters, or an IDN in punycode (xn--p1ai is .рф). */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const SEPARATORS = /[\s,;]/;

export function normalizeEmail(raw: string): EmailResult {
  let text = raw.trim();
  if (/^mailto:/i.test(text)) text = text.slice('mailto:'.length); // cells that were hyperlinks in Excel
  if (text === '') return { ok: false, reason: 'empty' };
  if (SEPARATORS.test(text)) return { ok: false, reason: (text.match(/@/g)?.length ?? 0) > 1 ? 'several_addresses' : 'format' };
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return { ok: false, reason: 'format' };
  const local = text.slice(0, at);
  const domain = asciiDomain(text.slice(at + 1));
  if (domain === null || !LOCAL_PART.test(local)) return { ok: false, reason: 'format' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TOP_LEVEL.test(labels.at(-1)!)) return { ok: false, reason: 'format' };
  // The local part keeps its case (RFC 5321 lets servers treat it as significant); the domain never has case.
  const email = `${local}@${domain}`;
  if (local.length > LOCAL_MAX || email.length > ADDRESS_MAX) return { ok: false, reason: 'too_long' };
  return { ok: true, email };
}

/** Lower-cased ASCII domain; an internationalised domain goes through the WHATWG URL parser (pure, no lookup) to punycode. */
function asciiDomain(domain: string): string | null {
  const lower = domain.toLowerCase();
  if (/^[\x21-\x7e]*$/.test(lower)) return lower;
  if (!/^[\p{L}\p{N}.-]+$/u.test(lower)) return null; // nothing the URL parser would quietly drop (paths, ports, credentials)
  try {
    return new URL(`http://${lower}/`).hostname;
  } catch {
    return null;
  }
}

const REJECTION_TEXT: Record<EmailRejection, string> = {
  empty: 'is empty',
  several_addresses: 'holds several addresses; keep one per cell',
  too_long: 'is too long',
  format: 'is not a valid address',
};

export function describeEmailRejection(reason: EmailRejection): string {
  return `Email ${REJECTION_TEXT[reason]}`;
}
