import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  /** The body exactly as it arrived, before any JSON parsing: what the signature covers. */
  raw: string;
  /** Real time (ms) when it arrived. */
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedHook[];
  close(): Promise<void>;
}

/** A CRM's webhook endpoint on 127.0.0.1: keeps every POST's raw body and headers, answers 204. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/voxpop-hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The receiver's check, as docs/WEBHOOKS.md gives it: v1 = hex HMAC-SHA256(secret,
 * "<timestamp>.<raw body>"), compared in constant time, the timestamp within
 * `toleranceSeconds` of `nowMs` (the receiver's clock).
 */
export function verifySignature(secret: string, headers: http.IncomingHttpHeaders, raw: string, nowMs: number, toleranceSeconds = 300): boolean {
  const ts = Number(headers['voxpop-timestamp']);
  if (!Number.isInteger(ts) || Math.abs(nowMs / 1000 - ts) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${ts}.${raw}`).digest();
  return String(headers['voxpop-signature'] ?? '')
    .split(',')
    .some((part) => {
      const [version, hex] = part.trim().split('=');
      const given = Buffer.from(hex ?? '', 'hex');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const DAY = 86_400_000;

/**
 * Milliseconds to add to the real clock so that "now" is 12:00 in Moscow (09:00 UTC)
 * on a Monday to Thursday: that day and the next are both working days.
 */
export function noonInMoscowOnAWeekdayOffset(real = Date.now()): number {
  const today = new Date(real);
  let target = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 9, 0, 0);
  while (![1, 2, 3, 4].includes(new Date(target).getUTCDay())) target += DAY;
  return target - real;
}
