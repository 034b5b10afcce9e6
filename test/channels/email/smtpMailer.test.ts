import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailSendError } from '../../../src/channels/email/errors.ts';
import type { Mailer } from '../../../src/channels/email/port.ts';
import { createSmtpMailer, loadDkimKey, type SmtpMailerOptions } from '../../../src/channels/email/smtpMailer.ts';
import { verifyDkim } from '../../helpers/dkim.ts';
import { startSmtpPeer, type SmtpPeer } from '../../helpers/smtpPeer.ts';

const FROM = 'Voxpop <no-reply@cx.example.test>';
let peer: SmtpPeer | undefined;
let mailer: Mailer | undefined;

afterEach(async () => {
  await mailer?.close?.();
  await peer?.close();
  mailer = undefined;
  peer = undefined;
});

function mailerFor(p: SmtpPeer, extra: Partial<SmtpMailerOptions> = {}): Mailer {
  mailer = createSmtpMailer({ host: '127.0.0.1', port: p.port, tls: 'none', maxConnections: 2, maxMessages: 100, ...extra });
  return mailer;
}

async function sendError(promise: Promise<unknown>): Promise<MailSendError> {
  const err = await promise.then(
    () => expect.unreachable('the send should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MailSendError);
  return err as MailSendError;
}

describe('SMTP mailer against a real SMTP server on 127.0.0.1', () => {
  it('delivers a Russian email intact: UTF-8 subject and body, plain text with an HTML alternative, unsubscribe headers', async () => {
    peer = await startSmtpPeer();
    const subject = 'Оцените, пожалуйста, наш звонок — 0…10 «ёжик»';
    const text = 'Здравствуйте, Иван!\nНасколько вероятно, что вы порекомендуете нас друзьям?\n\nСсылка: http://localhost:3000/s/abc';
    const html = '<p>Здравствуйте, <b>Иван</b>!</p><p>Насколько вероятно, что вы порекомендуете нас?</p>';
    const { messageId } = await mailerFor(peer).send(
      { to: 'ivan@example.test', subject, text, html, idempotencyKey: 'inv-1/email/1', listUnsubscribe: { url: 'https://cx.example.test/u/tok123', mailto: 'unsubscribe@cx.example.test' } },
      FROM,
    );
    await peer.waitFor(1);
    const [mail] = peer.received;
    expect(mail!.parsed.subject).toBe(subject);
    expect(mail!.parsed.text?.trim()).toBe(text);
    expect(mail!.parsed.html).toContain('Здравствуйте, <b>Иван</b>!');
    expect(mail!.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail!.parsed.messageId).toBe(messageId);
    expect(mail!.parsed.from?.value).toEqual([{ name: 'Voxpop', address: 'no-reply@cx.example.test' }]);
    const rawHeaders = mail!.raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(rawHeaders).toMatch(/^List-Unsubscribe: <https:\/\/cx\.example\.test\/u\/tok123>,\s+<mailto:unsubscribe@cx\.example\.test>$/m);
    expect(rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('gives the same Message-ID to the same idempotency key, so a retried job sends the same message', async () => {
    peer = await startSmtpPeer();
    const m = mailerFor(peer);
    const email = { to: 'a@example.test', subject: 'NPS', text: 'x', idempotencyKey: 'attempt-42' };
    const first = await m.send(email, FROM);
    const retry = await m.send(email, FROM);
    const other = await m.send({ ...email, idempotencyKey: 'attempt-43' }, FROM);
    await peer.waitFor(3);
    expect(retry.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect(first.messageId).toMatch(/^<[0-9a-f]{40}@cx\.example\.test>$/);
    expect(peer.received.map((r) => r.parsed.messageId)).toEqual([first.messageId, first.messageId, other.messageId]);
    expect(first.messageId).not.toContain('attempt-42');
  });

  it('logs in with the configured credentials; wrong credentials are a permanent error', async () => {
    peer = await startSmtpPeer({ users: { voxpop: 'пароль s3cret' } });
    await mailerFor(peer, { auth: { user: 'voxpop', pass: 'пароль s3cret' } }).send({ to: 'a@example.test', subject: 's', text: 't', idempotencyKey: 'k' }, FROM);
    await peer.waitFor(1);
    expect(peer.received[0]!.user).toBe('voxpop');
    await mailer!.close!();

    const err = await sendError(mailerFor(peer, { auth: { user: 'voxpop', pass: 'wrong' } }).send({ to: 'a@example.test', subject: 's', text: 't', idempotencyKey: 'k2' }, FROM));
    expect(err).toMatchObject({ permanent: true, responseCode: 535, code: 'EAUTH' });
    expect(err.message).not.toContain('wrong');
    expect(peer.received).toHaveLength(1);
  });

  it('classifies a 4xx reply as temporary and a 5xx reply as permanent', async () => {
    peer = await startSmtpPeer();
    const m = mailerFor(peer);
    const busy = await sendError(m.send({ to: 'tempfail@example.test', subject: 's', text: 't', idempotencyKey: 'k1' }, FROM));
    expect(busy).toMatchObject({ permanent: false, responseCode: 451 });
    const gone = await sendError(m.send({ to: 'reject@example.test', subject: 's', text: 't', idempotencyKey: 'k2' }, FROM));
    expect(gone).toMatchObject({ permanent: true, responseCode: 550 });
    // The pool goes on sending after refusals.
    await m.send({ to: 'fine@example.test', subject: 's', text: 't', idempotencyKey: 'k3' }, FROM);
    await peer.waitFor(1);
  });

  it('classifies a server it cannot reach as temporary', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    mailer = createSmtpMailer({ host: '127.0.0.1', port, tls: 'none', maxConnections: 1, maxMessages: 10 });
    const err = await sendError(mailer.send({ to: 'a@example.test', subject: 's', text: 't', idempotencyKey: 'k' }, FROM));
    expect(err.permanent).toBe(false);
    expect(err.responseCode).toBeUndefined();
  });

  it('with STARTTLS required, upgrades the connection, and refuses a server that cannot', async () => {
    peer = await startSmtpPeer({ starttls: true });
    // The peer's certificate is self-signed for localhost; what is tested here is the upgrade itself.
    await mailerFor(peer, { tls: 'starttls', tlsOptions: { rejectUnauthorized: false } }).send({ to: 'a@example.test', subject: 's', text: 't', idempotencyKey: 'k' }, FROM);
    await peer.waitFor(1);
    expect(peer.received[0]!.secure).toBe(true);
    await mailer!.close!();
    await peer.close();

    peer = await startSmtpPeer({ starttls: false });
    const err = await sendError(mailerFor(peer, { tls: 'starttls' }).send({ to: 'a@example.test', subject: 's', text: 't', idempotencyKey: 'k' }, FROM));
    // The server answers STARTTLS with 500: sending the same message again cannot pass either.
    expect(err).toMatchObject({ permanent: true, responseCode: 500 });
    expect(peer.received).toHaveLength(0);
  });

  it('signs with DKIM: the signature verifies with the public key and covers the unsubscribe headers', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-dkim-'));
    const keyFile = path.join(dir, 'dkim.pem');
    await fs.writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    peer = await startSmtpPeer();
    const dkim = { domain: 'cx.example.test', selector: 'vxp2026', privateKey: await loadDkimKey(keyFile) };
    await mailerFor(peer, { dkim }).send(
      { to: 'a@example.test', subject: 'Ваше мнение важно', text: 'Оцените нас от 0 до 10.', html: '<p>Оцените нас</p>', idempotencyKey: 'k', listUnsubscribe: { url: 'https://cx.example.test/u/t' } },
      FROM,
    );
    await peer.waitFor(1);
    const raw = peer.received[0]!.raw;
    const result = verifyDkim(raw, createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })));
    expect(result.tags).toMatchObject({ d: 'cx.example.test', s: 'vxp2026' });
    expect(result.tags.h!.toLowerCase().split(':')).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']));
    expect(result).toMatchObject({ valid: true, bodyHashMatches: true });
    // The verifier is not a rubber stamp: a changed subject or body fails it.
    const tampered = Buffer.from(raw.toString('latin1').replace(/^Subject: .*$/m, 'Subject: changed'), 'latin1');
    expect(verifyDkim(tampered, publicKey).valid).toBe(false);
    const tamperedBody = Buffer.from(`${raw.toString('latin1')}extra line\r\n`, 'latin1');
    expect(verifyDkim(tamperedBody, publicKey).bodyHashMatches).toBe(false);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses a DKIM key file that is not a key, without quoting it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-dkim-'));
    const keyFile = path.join(dir, 'bad.pem');
    await fs.writeFile(keyFile, '-----BEGIN PRIVATE KEY-----\nTOP-SECRET-MATERIAL\n-----END PRIVATE KEY-----\n');
    const err: unknown = await loadDkimKey(keyFile).catch((e: unknown) => e);
    if (!(err instanceof Error)) return expect.unreachable('a bad key file should be refused');
    expect(err.message).toContain('bad.pem');
    expect(err.message).not.toContain('TOP-SECRET');
    await expect(loadDkimKey(path.join(dir, 'missing.pem'))).rejects.toThrow(/ENOENT/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sends 200 messages over a pool of at most maxConnections connections', async () => {
    peer = await startSmtpPeer();
    const m = mailerFor(peer, { maxConnections: 3, maxMessages: 1000 });
    const ids = await Promise.all(
      Array.from({ length: 200 }, (_, i) => m.send({ to: `c${i}@example.test`, subject: `№${i}`, text: `сообщение ${i}`, idempotencyKey: `bulk-${i}` }, FROM)),
    );
    await peer.waitFor(200);
    expect(new Set(ids.map((r) => r.messageId)).size).toBe(200);
    expect(peer.connections.total).toBeGreaterThan(0);
    expect(peer.connections.total).toBeLessThanOrEqual(3);
    expect(peer.connections.peak).toBeLessThanOrEqual(3);
  });

  it('replaces a connection after maxMessages, never exceeding maxConnections at once', async () => {
    peer = await startSmtpPeer();
    const m = mailerFor(peer, { maxConnections: 1, maxMessages: 10 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => m.send({ to: `c${i}@example.test`, subject: 's', text: 't', idempotencyKey: `r-${i}` }, FROM)));
    await peer.waitFor(30);
    expect(peer.connections.total).toBe(3);
    expect(peer.connections.peak).toBe(1);
  });
});
