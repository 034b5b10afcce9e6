import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, parseDsn, parseFieldGroups, type BounceParseResult, type DsnReport } from '../../../src/domain/bounces/dsn.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/bounces');

async function fixture(name: string): Promise<Buffer> {
  return fs.readFile(path.join(FIXTURES, name));
}

function asDsn(result: BounceParseResult): DsnReport {
  if (result.kind !== 'dsn') return expect.unreachable('expected a DSN');
  return result;
}

function message(headers: string, body: string): string {
  return `${headers.trim()}\r\n\r\n${body}`.replace(/\r?\n/g, '\r\n');
}

describe('parseDsn: RFC 3464 delivery status notifications', () => {
  it('reads a Postfix hard bounce: address lower-cased without its type, status, diagnostic unfolded, returned headers', async () => {
    const report = asDsn(await parseDsn(await fixture('postfix-hard-5.1.1.eml')));
    expect(report.recipients).toEqual([
      {
        finalRecipient: 'ivan.petrov@example.org',
        originalRecipient: 'ivan.petrov@example.org',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: '550 5.1.1 <Ivan.Petrov@Example.org>: Recipient address rejected: User unknown in virtual mailbox table',
        remoteMta: 'mx1.example.org',
        hard: true,
      },
    ]);
    expect(report.originalMessageId).toBe('<5d41402abc4b2a76b9719d911017c592aa0c1e22@cx.example.test>');
    expect(report.originalHeaders['x-voxpop-attempt']).toBe('3f1c2a9e-7b4d-4e21-9c55-0a8d2e6f4b10');
    // Encoded words folded over two lines come back as one Russian subject.
    expect(report.originalHeaders['subject']).toBe('Оцените, пожалуйста, наш звонок');
    expect(report.originalHeaders['received']).toMatch(/^from worker-1 .* for <Ivan\.Petrov@Example\.org>; Tue/);
  });

  it('reads an Exim bounce (Action before Final-Recipient, Status 5.0.0, the whole message returned as message/rfc822)', async () => {
    const report = asDsn(await parseDsn(await fixture('exim-hard.eml')));
    expect(report.recipients).toEqual([
      expect.objectContaining({ finalRecipient: 'olga@example.net', action: 'failed', status: '5.1.1', remoteMta: 'mx.example.net', hard: true }),
    ]);
    expect(report.originalMessageId).toBe('<7c4a8d09ca3762af61e59520943dc26494f8941b@cx.example.test>');
    expect(report.originalHeaders['x-voxpop-attempt']).toBe('8a0e5b7c-2d41-4f3a-b6e9-71c0d4a2f385');
    // Only the header block of the returned message is read, not its body.
    expect(Object.values(report.originalHeaders).join(' ')).not.toContain('how likely');
  });

  it('reads a delay warning (4.4.1) as delayed and not hard', async () => {
    const report = asDsn(await parseDsn(await fixture('delayed-4.4.1.eml')));
    expect(report.recipients).toEqual([
      { finalRecipient: 'anna@slow.example.com', action: 'delayed', status: '4.4.1', diagnosticCode: 'connect to mx.slow.example.com[203.0.113.9]:25: Connection timed out', hard: false },
    ]);
    expect(report.originalHeaders['x-voxpop-attempt']).toBe('c2b7e0f1-5a3d-4c89-8e42-9d1f6a0b7c35');
  });

  it('reads a Gmail-like 550 5.2.1 (mailbox full) inside nested multiparts, Remote-MTA without its comment', async () => {
    const report = asDsn(await parseDsn(await fixture('gmail-mailbox-full-5.2.1.eml')));
    const [recipient] = report.recipients;
    expect(report.recipients).toHaveLength(1);
    expect(recipient).toMatchObject({ finalRecipient: 'maria.s@example.com', action: 'failed', status: '5.2.1', hard: true, remoteMta: 'example-com.mail.protection.example' });
    expect(recipient!.diagnosticCode).toBe(
      '550-5.2.1 The email account that you tried to reach is over quota and inactive. 550 5.2.1 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm x12si345678pxb.99 - gsmtp',
    );
    expect(report.originalMessageId).toBe('<e4da3b7fbbce2345d7772b0674a318d5e1f2a3b4@cx.example.test>');
    expect(report.originalHeaders['x-voxpop-attempt']).toBe('0d9e8f7a-6b5c-4d3e-a2f1-e0d9c8b7a6f5');
  });

  it('reads every recipient group of a multi-recipient DSN, each with its own action', async () => {
    const report = asDsn(await parseDsn(await fixture('multi-recipient.eml')));
    expect(report.recipients.map((r) => [r.finalRecipient, r.action, r.status, r.hard])).toEqual([
      ['petr@example.net', 'failed', '5.1.1', true],
      ['sveta@example.net', 'failed', '5.7.1', true],
      ['team@example.net', 'delayed', '4.2.2', false],
      ['list@lists.example.net', 'relayed', '2.0.0', false],
    ]);
    expect(report.recipients[1]!.originalRecipient).toBe('sveta@example.net');
    expect(report.originalHeaders['x-voxpop-attempt']).toBe('6e2d9c1b-4a7f-4b30-8d15-3c9e0f2a1b4d');
  });

  it('keeps a Cyrillic diagnostic sent as 8-bit UTF-8, folded over two lines', async () => {
    const report = asDsn(await parseDsn(await fixture('cyrillic-diagnostic.eml')));
    expect(report.recipients).toEqual([
      {
        finalRecipient: 'elena@example.ru',
        action: 'failed',
        status: '5.2.1',
        diagnosticCode: '550 5.2.1 Почтовый ящик получателя заблокирован или не существует. Письмо отклонено.',
        remoteMta: 'mxs.mail.example.ru',
        hard: true,
      },
    ]);
    expect(report.originalHeaders['subject']).toBe('Оцените наш звонок');
    expect(report.originalMessageId).toBe('<45c48cce2e2d7fbdea1afc51c7c6ad26deadbeef@cx.example.test>');
  });

  it('decodes a base64 delivery-status part in windows-1251, and accepts a string', async () => {
    // "552 5.2.2 Ящик переполнен" in windows-1251.
    const statusBase64 =
      'UmVwb3J0aW5nLU1UQTogZG5zOyBteC5leGFtcGxlLnJ1DQoNCkZpbmFsLVJlY2lwaWVudDogcmZjODIyOyBvbGVnQGV4YW1wbGUucnUNCkFjdGlvbjogZmFpbGVkDQpTdGF0dXM6IDUuMi4yDQpEaWFnbm9zdGljLUNvZGU6IHNtdHA7IDU1MiA1LjIuMiDf+ejqIO/l8OXv7uvt5e0NCg==';
    const raw = message(
      'From: MAILER-DAEMON@mx.example.ru\nTo: bounces@mail.cx.example.test\nSubject: Undelivered\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      `--b1\nContent-Type: text/plain\n\nUndelivered.\n\n--b1\nContent-Type: message/delivery-status; charset=windows-1251\nContent-Transfer-Encoding: base64\n\n${statusBase64}\n--b1--\n`,
    );
    const report = asDsn(await parseDsn(raw));
    expect(report.recipients).toEqual([{ finalRecipient: 'oleg@example.ru', action: 'failed', status: '5.2.2', diagnosticCode: '552 5.2.2 Ящик переполнен', hard: true }]);
    expect(report.originalHeaders).toEqual({});
    expect(report.originalMessageId).toBeUndefined();
  });

  it('is not fooled by a read receipt (multipart/report of another type)', async () => {
    const raw = message(
      'From: ivan@example.org\nTo: bounces@mail.cx.example.test\nSubject: Read: NPS\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=disposition-notification; boundary="b2"',
      '--b2\nContent-Type: text/plain\n\nYour message was read.\n\n--b2\nContent-Type: message/disposition-notification\n\nReporting-UA: mail.example.org\nFinal-Recipient: rfc822; ivan@example.org\nDisposition: manual-action/MDN-sent-manually; displayed\n\n--b2--\n',
    );
    expect(await parseDsn(raw)).toEqual({ kind: 'not_dsn' });
  });
});

describe('parseDsn: other messages', () => {
  it('treats an out-of-office auto-reply as not a DSN', async () => {
    expect(await parseDsn(await fixture('out-of-office.eml'))).toEqual({ kind: 'not_dsn' });
  });

  it('treats an English out-of-office reply without Auto-Submitted as not a DSN, even when it quotes a reply code', async () => {
    const raw = message(
      'From: Bob <bob@example.com>\nTo: bounces+3f1c2a9e-7b4d-4e21-9c55-0a8d2e6f4b10@mail.cx.example.test\nSubject: Out of Office: Rate your call\nX-Autoreply: yes',
      'I am away. Our old server said 550 5.1.1 to bob@old.example.com, use this address.\n',
    );
    expect(await parseDsn(raw)).toEqual({ kind: 'not_dsn' });
  });

  it('reads a plain-text qmail bounce: the address on the line above the reply, the returned headers below it', async () => {
    const report = asDsn(await parseDsn(await fixture('plain-text-qmail.eml')));
    expect(report.recipients).toEqual([
      { finalRecipient: 'boris@legacy.example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'Remote host said: 550 5.1.1 No such user here', hard: true },
    ]);
    expect(report.originalHeaders['x-voxpop-attempt']).toBe('9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d');
    expect(report.originalMessageId).toBe('<c81e728d9d4c2f636f067f89cc14862cabcdef01@cx.example.test>');
  });

  it('reads an old plain Exim bounce marked auto-replied: a mail system is never on holiday', async () => {
    const raw = message(
      'From: Mail Delivery System <Mailer-Daemon@smtp.example.net>\nTo: bounces@mail.cx.example.test\nSubject: Mail delivery failed: returning message to sender\nAuto-Submitted: auto-replied\nX-Failed-Recipients: nina@example.net',
      'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a temporary error. The following address(es) deferred:\n\n  nina@example.net\n    SMTP error from remote mail server after RCPT TO:<nina@example.net>:\n    452 4.2.2 Mailbox full, try again later\n',
    );
    const report = asDsn(await parseDsn(raw));
    expect(report.recipients).toEqual([
      { finalRecipient: 'nina@example.net', action: 'delayed', status: '4.2.2', diagnosticCode: '452 4.2.2 Mailbox full, try again later', hard: false },
    ]);
  });

  it('does not guess: a reply code without an address, or an address without a code, is not a DSN', async () => {
    const noAddress = message('From: MAILER-DAEMON@mx.example.com\nTo: bounces@mail.cx.example.test\nSubject: failure notice', 'Remote host said: 550 5.1.1 No such user here\n');
    expect(await parseDsn(noAddress)).toEqual({ kind: 'not_dsn' });
    const noCode = message('From: MAILER-DAEMON@mx.example.com\nTo: bounces@mail.cx.example.test\nSubject: failure notice', '<boris@example.com>:\nDelivery failed, sorry.\n');
    expect(await parseDsn(noCode)).toEqual({ kind: 'not_dsn' });
    // A reply code whose class does not match the enhanced code is not an SMTP reply.
    const mismatched = message('From: MAILER-DAEMON@mx.example.com\nTo: bounces@mail.cx.example.test\nSubject: failure notice', '<boris@example.com>: 550 4.1.1 odd\n');
    expect(await parseDsn(mismatched)).toEqual({ kind: 'not_dsn' });
  });

  it('treats a customer writing back as not a DSN', async () => {
    const raw = message(
      'From: =?UTF-8?B?0JjQstCw0L0=?= <ivan@example.org>\nTo: bounces+3f1c2a9e-7b4d-4e21-9c55-0a8d2e6f4b10@mail.cx.example.test\nSubject: Re: NPS\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit',
      'Спасибо, ставлю 10! Пишите на ivan.work@example.org.\n',
    );
    expect(await parseDsn(raw)).toEqual({ kind: 'not_dsn' });
  });
});

describe('field groups and encoded words', () => {
  it('splits blank-line separated groups, unfolds continuation lines, lower-cases names, keeps the first of a repeated name', () => {
    const text = 'Reporting-MTA: dns; a.example\r\n\r\nFinal-Recipient: rfc822; x@example.com\r\nDiagnostic-Code: smtp; 550 one\r\n\ttwo\r\n   three\r\nStatus: 5.0.0\r\nStatus: 4.0.0\r\n \r\n\r\nFinal-Recipient: rfc822; y@example.com\r\nno colon here\r\n';
    expect(parseFieldGroups(text)).toEqual([
      { 'reporting-mta': 'dns; a.example' },
      { 'final-recipient': 'rfc822; x@example.com', 'diagnostic-code': 'smtp; 550 one two three', status: '5.0.0' },
      { 'final-recipient': 'rfc822; y@example.com' },
    ]);
  });

  it('decodes base64 and quoted-printable encoded words in any charset, and leaves broken ones as they are', () => {
    expect(decodeEncodedWords('=?UTF-8?B?0J7RhtC10L3QuNGC0LU=?= =?UTF-8?Q?_=D0=BD=D0=B0=D1=81?=')).toBe('Оцените нас');
    expect(decodeEncodedWords('=?KOI8-R?Q?=EF=D4=DA=D9=D7?= ok')).toBe('Отзыв ok');
    expect(decodeEncodedWords('=?no-such-charset?B?AAAA?= plain')).toBe('=?no-such-charset?B?AAAA?= plain');
  });
});
