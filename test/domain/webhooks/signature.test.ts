import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, WEBHOOK_MAX_DELAY_MS } from '../../../src/domain/webhooks/backoff.ts';
import { sign, verify } from '../../../src/domain/webhooks/signature.ts';

const secret = 'whsec_test';
const body = '{"id":"response.completed:1","type":"response.completed"}';
const ts = 1_800_000_000;

describe('webhook signatures', () => {
  it('is v1=hex HMAC-SHA256 over "<timestamp>.<body>" (what a receiver computes with node:crypto)', async () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(await sign(secret, ts, body)).toBe(`v1=${expected}`);
  });

  it('verifies a good signature, also among several and given the timestamp as header text', async () => {
    const header = await sign(secret, ts, body);
    expect(await verify(secret, header, String(ts), body, ts + 10)).toEqual({ ok: true });
    expect(await verify(secret, `v1=${'0'.repeat(64)}, ${header}`, ts, body, ts)).toEqual({ ok: true });
  });

  it('refuses a changed body, a wrong secret, a moved timestamp and junk', async () => {
    const header = await sign(secret, ts, body);
    expect(await verify(secret, header, ts, `${body} `, ts)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verify('other', header, ts, body, ts)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verify(secret, header, ts + 1, body, ts)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verify(secret, 'sha256=abc', ts, body, ts)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verify(secret, header, 'yesterday', body, ts)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verify(secret, 'v1=zz', ts, body, ts)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses replays outside the window, both ways', async () => {
    const header = await sign(secret, ts, body);
    expect(await verify(secret, header, ts, body, ts + 300)).toEqual({ ok: true });
    expect(await verify(secret, header, ts, body, ts + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(await verify(secret, header, ts, body, ts - 301)).toEqual({ ok: false, reason: 'stale' });
    expect(await verify(secret, header, ts, body, ts + 3000, 3600)).toEqual({ ok: true });
  });
});

describe('retry backoff', () => {
  it('grows ×4 from 30 s, is capped, and jitters within [0.5, 1)', () => {
    expect(retryDelayMs(1, 1)).toBe(30_000);
    expect(retryDelayMs(2, 1)).toBe(120_000);
    expect(retryDelayMs(1, 0)).toBe(15_000);
    expect(retryDelayMs(20, 1)).toBe(WEBHOOK_MAX_DELAY_MS);
    for (let n = 1; n < 8; n++) expect(retryDelayMs(n + 1, 0.999)).toBeGreaterThan(retryDelayMs(n, 0) - 1);
  });
});
