/**
 * Webhook signatures. The receiver recomputes HMAC-SHA256 over
 * `<timestamp>.<raw body>` with the endpoint's secret and compares it with the
 * `Voxpop-Signature: v1=<hex>` header; the timestamp (`Voxpop-Timestamp`,
 * unix seconds) is inside the signed text, so an old request cannot be
 * replayed with a fresh timestamp, and a tolerance window refuses stale ones.
 *
 * Pure computation through Web Crypto (global in Node 20), which keeps the
 * domain free of `node:` imports; hence async.
 */
export const SIGNATURE_VERSION = 'v1';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time that depends on their length only, not on where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The header value: `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. */
export async function sign(secret: string, timestampSeconds: number, body: string): Promise<string> {
  return `${SIGNATURE_VERSION}=${await hmacHex(secret, `${timestampSeconds}.${body}`)}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a signature header. Accepts several comma-separated signatures (a
 * sender rotating its secret may send two); compares in constant time;
 * refuses a timestamp more than `toleranceSeconds` away from `nowSeconds`.
 */
export async function verify(
  secret: string,
  header: string,
  timestamp: string | number,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Promise<VerifyResult> {
  const ts = typeof timestamp === 'number' ? timestamp : /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!Number.isInteger(ts)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const given = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => part.slice(SIGNATURE_VERSION.length + 1).toLowerCase());
  if (given.length === 0) return { ok: false, reason: 'malformed' };
  const expected = (await sign(secret, ts, body)).slice(SIGNATURE_VERSION.length + 1);
  // Check every candidate (no early exit), so timing does not say which one matched.
  let match = false;
  for (const hex of given) match = constantTimeEqual(hex, expected) || match;
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
