/**
 * The secrets in a campaign message's links, derived instead of stored: an
 * invitation's token is HMAC(key, `invitation:<id>`) cut to 128 bits, so the
 * planner can make a million invitations in SQL (storing only the token's
 * SHA-256, as for every invitation) and the sender can make the same link
 * again at send time, after a crash as before it.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { safeEqual } from '../secrets.ts';

const TOKEN_BYTES = 16;
const HMAC_BLOCK = 64;

const mac = (key: string, message: string) => createHmac('sha256', key).update(message).digest();

export const invitationToken = (key: string, invitationId: string) => mac(key, `invitation:${invitationId}`).subarray(0, TOKEN_BYTES).toString('base64url');

/** The unsubscribe link's secret: separate from the survey link, so one forwarded cannot be turned into the other. */
export const unsubscribeToken = (key: string, invitationId: string) => `${invitationId}.${mac(key, `unsubscribe:${invitationId}`).subarray(0, TOKEN_BYTES).toString('base64url')}`;

export function readUnsubscribeToken(key: string, token: string): string | null {
  const [id, given] = token.split('.');
  if (!id || !given || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return safeEqual(unsubscribeToken(key, id), token) ? id : null;
}

/**
 * The SQL expression of `sha256(invitationToken(key, <idColumn>))` in hex, the
 * invitations.token_hash of a planned row: HMAC-SHA256 spelled out with
 * PostgreSQL's built-in sha256() and the key's inner and outer pads given as
 * parameters (no extension needed). A test checks it against the Node one.
 */
export function tokenHashSql(key: string, idColumn: SQL): SQL {
  let k = Buffer.from(key, 'utf8');
  if (k.length > HMAC_BLOCK) k = createHash('sha256').update(k).digest();
  const padded = Buffer.alloc(HMAC_BLOCK);
  k.copy(padded);
  const ipad = Buffer.from(padded.map((b) => b ^ 0x36));
  const opad = Buffer.from(padded.map((b) => b ^ 0x5c));
  const hmac = sql`sha256(${opad}::bytea || sha256(${ipad}::bytea || convert_to('invitation:' || ${idColumn}::text, 'UTF8')))`;
  const token = sql`rtrim(translate(encode(substring(${hmac} from 1 for ${TOKEN_BYTES}), 'base64'), '+/', '-_'), '=')`;
  return sql`encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`;
}
