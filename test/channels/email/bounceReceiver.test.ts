import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import nodemailer, { type NodemailerError } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startBounceReceiver, type BounceEnvelope, type BounceReceiver, type BounceReceiverOptions } from '../../../src/channels/email/bounceReceiver.ts';
import type { DsnReport } from '../../../src/domain/bounces/dsn.ts';
import { verpAddress } from '../../../src/domain/bounces/verp.ts';

const BOUNCE = 'bounces@mail.cx.example.test';
const ATTEMPT = '3f1c2a9e-7b4d-4e21-9c55-0a8d2e6f4b10';
const FIXTURES = path.join(import.meta.dirname, '../../fixtures/bounces');

let receiver: BounceReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

interface Received {
  report: DsnReport;
  envelope: BounceEnvelope;
}

async function start(extra: Partial<BounceReceiverOptions> = {}): Promise<{ received: Received[] }> {
  const received: Received[] = [];
  receiver = await startBounceReceiver({
    host: '127.0.0.1',
    port: 0,
    bounceAddress: BOUNCE,
    onBounce: async (report, envelope) => {
      received.push({ report, envelope });
    },
    ...extra,
  });
  return { received };
}

/** Relays a raw message as an MTA would: null sender, envelope recipients given apart from the headers. */
async function relay(raw: Buffer | string, to: string[], from = ''): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: receiver!.port, secure: false, ignoreTLS: true, logger: false });
  try {
    await transport.sendMail({ envelope: { from, to }, raw });
  } finally {
    transport.close();
  }
}

async function relayError(raw: Buffer | string, to: string[]): Promise<NodemailerError> {
  const err = await relay(raw, to).then(
    () => expect.unreachable('the receiver should have refused the message'),
    (e: unknown) => e,
  );
  return err as NodemailerError;
}

/** A bare SMTP client that never declares SIZE, so the limit is met only while the message body streams in. */
async function rawSession(commands: string[]): Promise<string[]> {
  const socket = net.connect(receiver!.port, '127.0.0.1');
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // Only final lines (`250 …`, not `250-…`) end a reply.
    for (let end = buffer.search(/^\d{3} .*\r\n/m); end >= 0; end = buffer.search(/^\d{3} .*\r\n/m)) {
      const lineEnd = buffer.indexOf('\r\n', end) + 2;
      replies.push(buffer.slice(end, lineEnd - 2));
      buffer = buffer.slice(lineEnd);
    }
    wake?.();
  });
  const next = async (count: number) => {
    while (replies.length < count) await new Promise<void>((resolve) => (wake = resolve));
  };
  await next(1);
  for (const command of commands) {
    const before = replies.length;
    socket.write(command);
    await next(before + 1);
  }
  socket.end();
  return replies;
}

describe('bounce receiver against nodemailer on 127.0.0.1', () => {
  it('takes a DSN sent to a VERP address and hands it over with the attempt id', async () => {
    const { received } = await start();
    await relay(await fs.readFile(path.join(FIXTURES, 'postfix-hard-5.1.1.eml')), [verpAddress(BOUNCE, ATTEMPT)]);
    expect(received).toHaveLength(1);
    expect(received[0]!.envelope).toEqual({ mailFrom: '', recipients: [`bounces+${ATTEMPT}@mail.cx.example.test`], attemptIds: [ATTEMPT] });
    expect(received[0]!.report.recipients).toEqual([expect.objectContaining({ finalRecipient: 'ivan.petrov@example.org', status: '5.1.1', hard: true })]);
    expect(received[0]!.report.originalHeaders['x-voxpop-attempt']).toBe(ATTEMPT);
  });

  it('takes a DSN addressed to several envelope recipients, and one to the bare bounce address (no attempt id then)', async () => {
    const { received } = await start();
    const multi = await fs.readFile(path.join(FIXTURES, 'multi-recipient.eml'));
    const other = '6e2d9c1b-4a7f-4b30-8d15-3c9e0f2a1b4d';
    await relay(multi, [BOUNCE, verpAddress(BOUNCE, other), `BOUNCES+${other.toUpperCase()}@Mail.CX.example.test`], 'mailer-daemon@relay.example.net');
    await relay(await fs.readFile(path.join(FIXTURES, 'cyrillic-diagnostic.eml')), [BOUNCE]);
    expect(received).toHaveLength(2);
    expect(received[0]!.envelope.mailFrom).toBe('mailer-daemon@relay.example.net');
    expect(received[0]!.envelope.attemptIds).toEqual([other]);
    expect(received[0]!.report.recipients).toHaveLength(4);
    expect(received[1]!.envelope.attemptIds).toEqual([]);
    expect(received[1]!.report.recipients[0]!.diagnosticCode).toContain('Почтовый ящик получателя заблокирован');
  });

  it('refuses recipients other than the bounce address with 550', async () => {
    const { received } = await start();
    const raw = await fs.readFile(path.join(FIXTURES, 'postfix-hard-5.1.1.eml'));
    for (const to of ['postmaster@mail.cx.example.test', `bounces+${ATTEMPT}@cx.example.test`, `bouncesx+${ATTEMPT}@mail.cx.example.test`]) {
      const err = await relayError(raw, [to]);
      expect(err).toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
      expect(err.response ?? '').not.toContain(to);
    }
    expect(received).toHaveLength(0);
  });

  it('answers 451 when onBounce throws, so the MTA keeps the bounce and delivers it again', async () => {
    let calls = 0;
    const kept: DsnReport[] = [];
    await start({
      onBounce: async (report) => {
        calls += 1;
        if (calls === 1) throw new Error('database is down');
        kept.push(report);
      },
    });
    const raw = await fs.readFile(path.join(FIXTURES, 'gmail-mailbox-full-5.2.1.eml'));
    const to = [verpAddress(BOUNCE, '0d9e8f7a-6b5c-4d3e-a2f1-e0d9c8b7a6f5')];
    const err = await relayError(raw, to);
    expect(err.responseCode).toBe(451);
    expect(err.response).not.toContain('database is down');
    await relay(raw, to);
    expect(calls).toBe(2);
    expect(kept[0]!.recipients[0]).toMatchObject({ finalRecipient: 'maria.s@example.com', status: '5.2.1' });
  });

  it('refuses a message over the size limit with 552', async () => {
    const { received } = await start({ maxSizeBytes: 2048 });
    const raw = await fs.readFile(path.join(FIXTURES, 'exim-hard.eml'));
    expect(raw.length).toBeGreaterThan(2048);
    const err = await relayError(raw, [verpAddress(BOUNCE, ATTEMPT)]);
    expect(err.responseCode).toBe(552);
    expect(received).toHaveLength(0);
    // A message under the limit still passes on the same server.
    const small = 'From: MAILER-DAEMON@mx.example.com\r\nTo: bounces@mail.cx.example.test\r\nSubject: failure notice\r\n\r\n<a@example.com>:\r\nRemote host said: 550 5.1.1 No such user\r\n';
    await relay(small, [BOUNCE]);
    expect(received).toHaveLength(1);
  });

  it('refuses with 552 a message that grows past the limit while streaming, from a client that declared no SIZE', async () => {
    const { received } = await start({ maxSizeBytes: 2048 });
    const body = (await fs.readFile(path.join(FIXTURES, 'exim-hard.eml'), 'utf8')).replace(/\r?\n/g, '\r\n');
    const replies = await rawSession(['EHLO mta.example.net\r\n', 'MAIL FROM:<>\r\n', `RCPT TO:<${verpAddress(BOUNCE, ATTEMPT)}>\r\n`, 'DATA\r\n', `${body}\r\n.\r\n`, 'QUIT\r\n']);
    expect(replies.map((r) => r.slice(0, 3))).toEqual(['220', '250', '250', '250', '354', '552', '221']);
    expect(received).toHaveLength(0);
  });

  it('accepts and drops a message that is not a DSN, such as an out-of-office reply', async () => {
    const { received } = await start();
    await relay(await fs.readFile(path.join(FIXTURES, 'out-of-office.eml')), [verpAddress(BOUNCE, ATTEMPT)], 'ivan.sidorov@example.ru');
    expect(received).toHaveLength(0);
  });

  it('refuses to start with a bounce address it could not match', async () => {
    await expect(startBounceReceiver({ host: '127.0.0.1', port: 0, bounceAddress: 'bounces+x@mail.example.com', onBounce: async () => {} })).rejects.toThrow(/bounce address/);
  });
});
