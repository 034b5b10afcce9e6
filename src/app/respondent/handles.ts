import { createHmac } from 'node:crypto';
import { safeEqual, sha256 } from '../secrets.ts';

/**
 * What a respondent holds in the address bar. An invitation's token is a
 * random secret (base64url, no dots); a response started from a public
 * feedback link is named by `<response id>.<mac>`, signed with the server's
 * key so it cannot be guessed from the id.
 */
const MAC_LENGTH = 22; // 132 bits of HMAC-SHA256, base64url

const mac = (secretKey: string, message: string) => createHmac('sha256', secretKey).update(message).digest('base64url');

export function responseHandle(secretKey: string, responseId: string): string {
  const compact = responseId.replaceAll('-', '');
  return `${compact}.${mac(secretKey, `response:${compact}`).slice(0, MAC_LENGTH)}`;
}

/** The response id of a valid handle, else null. */
export function readResponseHandle(secretKey: string, handle: string): string | null {
  const match = /^([0-9a-f]{32})\.([A-Za-z0-9_-]+)$/.exec(handle);
  if (!match) return null;
  const [, compact, given] = match as unknown as [string, string, string];
  if (!safeEqual(given, mac(secretKey, `response:${compact}`).slice(0, MAC_LENGTH))) return null;
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

export const isResponseHandle = (handle: string) => handle.includes('.');

/**
 * The form token of one page, keyed by the link's own secret: only someone
 * holding the link can make it (so another site cannot post for them), it
 * survives restarts, and it names the questions the page showed.
 */
export function pageToken(handle: string, pageIds: readonly string[]): string {
  return mac(sha256(handle), `page:${pageIds.join(',')}`).slice(0, MAC_LENGTH);
}

export const checkPageToken = (handle: string, pageIds: readonly string[], given: string) => safeEqual(given, pageToken(handle, pageIds));
