import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';

export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

export interface DsnRecipient {
  /** Lower-cased address, without the address type (`rfc822;`). */
  finalRecipient: string;
  originalRecipient?: string;
  action: DsnAction;
  /** Enhanced status code (RFC 3463), e.g. `5.1.1`. */
  status: string;
  /** The remote server's reply, without the diagnostic type (`smtp;`). */
  diagnosticCode?: string;
  remoteMta?: string;
  /** Sending again cannot succeed: the action is `failed` with a 5.x.x status. */
  hard: boolean;
}

export interface DsnReport {
  kind: 'dsn';
  recipients: DsnRecipient[];
  originalMessageId?: string;
  /** Headers of the returned message (lower-case names, first occurrence), e.g. `x-voxpop-attempt`. */
  originalHeaders: Record<string, string>;
}

export type BounceParseResult = DsnReport | { kind: 'not_dsn' };

const ACTIONS = new Set<string>(['failed', 'delayed', 'delivered', 'relayed', 'expanded']);
const STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
// An SMTP reply with an enhanced code of the same class: `550 5.1.1`, `550-5.2.1`, `452 4.2.2`.
const SMTP_REPLY = /\b([45])\d\d[ -]([45]\.\d{1,3}\.\d{1,3})\b/;
const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/;
const MAX_DIAGNOSTIC_CHARS = 1000;
// SMTP lines are at most 998 characters; longer ones are not replies, and the address pattern is not run over them.
const MAX_REPLY_LINE_CHARS = 1000;

/**
 * Reads a bounce: an RFC 3464 delivery status notification (multipart/report with a
 * message/delivery-status part, or its RFC 6533 UTF-8 form), or, best effort, a plain-text
 * bounce that quotes an SMTP reply such as `550 5.1.1 <user@example.com>`. Auto-replies
 * (out of office) and anything without a clear address and status are `not_dsn`.
 */
export async function parseDsn(raw: Buffer | string): Promise<BounceParseResult> {
  // message/rfc822 parts stay attachments, so the returned message's headers are read here and not merged into the text.
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, ignoreEmbedded: true, skipTextToHtml: true, skipImageLinks: true, checksumAlgo: false });
  const statusPart = mail.attachments.find((a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status');
  const originalHeaders = returnedHeaders(mail);
  if (statusPart) {
    const report = fromDeliveryStatus(decodePart(statusPart), originalHeaders);
    if (report.recipients.length > 0) return report;
  }
  if (isAutoReply(mail)) return { kind: 'not_dsn' };
  const recipients = recipientsFromText(mail);
  if (recipients.length === 0) return { kind: 'not_dsn' };
  return withMessageId({ kind: 'dsn', recipients, originalHeaders }, {});
}

/**
 * Splits RFC 822-style fields into blank-line separated groups: folded lines are joined,
 * names lower-cased, the first occurrence of a name kept.
 */
export function parseFieldGroups(text: string): Array<Record<string, string>> {
  const groups: Array<Record<string, string>> = [];
  let group: Record<string, string> = {};
  let last: string | undefined;
  const close = () => {
    if (Object.keys(group).length > 0) groups.push(group);
    group = {};
    last = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      close();
    } else if (/^[ \t]/.test(line)) {
      if (last !== undefined) group[last] = `${group[last]} ${line.trim()}`.trim();
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      if (name in group) {
        last = undefined;
        continue;
      }
      group[name] = line.slice(colon + 1).trim();
      last = name;
    }
  }
  close();
  return groups;
}

function fromDeliveryStatus(text: string, originalHeaders: Record<string, string>): DsnReport {
  const groups = parseFieldGroups(text);
  const perMessage = groups.find((g) => !('final-recipient' in g) && !('original-recipient' in g)) ?? {};
  const recipients = groups.filter((g) => 'final-recipient' in g || 'original-recipient' in g).flatMap((g) => recipientFrom(g) ?? []);
  return withMessageId({ kind: 'dsn', recipients, originalHeaders }, perMessage);
}

function recipientFrom(fields: Record<string, string>): DsnRecipient | undefined {
  const original = fields['original-recipient'] ? addressOf(fields['original-recipient']) : undefined;
  const final = fields['final-recipient'] ? addressOf(fields['final-recipient']) : original;
  if (!final) return undefined;
  const diagnosticCode = fields['diagnostic-code'] ? clip(withoutType(decodeEncodedWords(fields['diagnostic-code']))) : undefined;
  const status = statusOf(fields['status'], diagnosticCode);
  const actionWord = (fields['action'] ?? '').trim().split(/[\s(]/)[0]!.toLowerCase();
  const action = ACTIONS.has(actionWord) ? (actionWord as DsnAction) : actionFromStatus(status);
  if (!action) return undefined;
  const finalStatus = status ?? (action === 'failed' ? '5.0.0' : action === 'delayed' ? '4.0.0' : '2.0.0');
  const recipient: DsnRecipient = { finalRecipient: final, action, status: finalStatus, hard: action === 'failed' && finalStatus.startsWith('5.') };
  if (original) recipient.originalRecipient = original;
  if (diagnosticCode) recipient.diagnosticCode = diagnosticCode;
  // `dns; mx.example.org. (192.0.2.1, the server for …)`: the host name without the comment and the root dot.
  if (fields['remote-mta']) recipient.remoteMta = withoutType(fields['remote-mta']).replace(/\s*\(.*\)$/, '').replace(/\.$/, '');
  return recipient;
}

/** The Status field; a bare X.0.0 (Exim sends 5.0.0) gives way to a more precise code of the same class in the remote reply. */
function statusOf(field: string | undefined, diagnosticCode: string | undefined): string | undefined {
  const declared = STATUS.exec(field ?? '')?.[0];
  const quoted = STATUS.exec(diagnosticCode ?? '')?.[0];
  if (!declared) return quoted;
  return declared.endsWith('.0.0') && quoted && quoted[0] === declared[0] ? quoted : declared;
}

function actionFromStatus(status: string | undefined): DsnAction | undefined {
  if (status?.startsWith('5.')) return 'failed';
  if (status?.startsWith('4.')) return 'delayed';
  return undefined;
}

function withMessageId(report: DsnReport, perMessage: Record<string, string>): DsnReport {
  const id = report.originalHeaders['message-id'] ?? perMessage['x-original-message-id'] ?? report.originalHeaders['x-original-message-id'];
  const messageId = id ? /<[^<>\s]+>/.exec(id)?.[0] : undefined;
  if (messageId) report.originalMessageId = messageId;
  return report;
}

/** `rfc822; <User@Example.COM>` → `user@example.com`. */
function addressOf(field: string): string | undefined {
  const value = withoutType(field).replace(/^<|>$/g, '').trim().toLowerCase();
  return value.includes('@') ? value : undefined;
}

/** Drops an RFC 3464 type prefix (`rfc822;`, `dns;`, `smtp;`, `X-Postfix;`). */
function withoutType(field: string): string {
  return field.replace(/^[A-Za-z0-9-]+\s*;\s*/, '').trim();
}

function clip(text: string): string {
  return text.length > MAX_DIAGNOSTIC_CHARS ? `${text.slice(0, MAX_DIAGNOSTIC_CHARS)}…` : text;
}

/** Headers of the returned message, from a text/rfc822-headers or message/rfc822 part, or quoted in a plain bounce. */
function returnedHeaders(mail: ParsedMail): Record<string, string> {
  const part = mail.attachments.find((a) => /^(text\/rfc822-headers|message\/rfc822|message\/global(-headers)?)$/.test(a.contentType));
  if (part) return headerBlock(decodePart(part));
  const text = mail.text ?? '';
  const start = text.search(/^(Return-Path|Received|Message-ID|X-Voxpop-[\w-]+):/im);
  return start >= 0 && !mail.attachments.some((a) => a.contentType === 'message/delivery-status') ? headerBlock(text.slice(start)) : {};
}

function headerBlock(text: string): Record<string, string> {
  const end = text.search(/\r?\n[ \t]*\r?\n/);
  const headers = parseFieldGroups(end >= 0 ? text.slice(0, end) : text)[0] ?? {};
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, decodeEncodedWords(value)]));
}

function decodePart(part: Attachment): string {
  const contentType = part.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return decodeBytes(part.content, contentType?.params?.['charset']);
}

/** UTF-8 unless the bytes are not UTF-8 and another charset was declared (fields are 7-bit by the RFC, but servers send 8-bit). */
function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder(charset ?? 'windows-1251').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** RFC 2047 encoded words, `=?UTF-8?B?…?=` and `=?KOI8-R?Q?…?=`, as some servers put them in fields. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([\w.:-]+)(?:\*[\w-]+)?\?([BbQq])\?([^?]*)\?=/g, (word, charset: string, encoding: string, text: string) => {
      try {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
            : Uint8Array.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})|[\s\S]/g, (m, hex: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : m)), (c) => c.charCodeAt(0));
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return word;
      }
    });
}

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

function senderAddress(mail: ParsedMail): string {
  return mail.from?.value[0]?.address?.toLowerCase() ?? '';
}

/** Out-of-office and other automatic replies, which are not about delivery. A mail system's own bounce is never one. */
function isAutoReply(mail: ParsedMail): boolean {
  if (/^(mailer-daemon|postmaster|mail-daemon|mailer)@/i.test(senderAddress(mail)) || mail.headers.has('x-failed-recipients')) return false;
  const autoSubmitted = headerText(mail, 'auto-submitted').toLowerCase();
  if (autoSubmitted !== '' && !autoSubmitted.startsWith('no')) return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || mail.headers.has('x-autoresponder')) return true;
  if (/auto[_-]?reply/i.test(headerText(mail, 'precedence')) || /^(oof|autoreply)$/i.test(headerText(mail, 'x-auto-response-suppress'))) return true;
  return /\b(out of (the )?office|auto(matic)?[ -]?reply|autoresponse|vacation)\b|автоответ|вне офиса|в отпуске/i.test(mail.subject ?? '');
}

/** Non-standard bounces: a line quoting an SMTP reply with an enhanced code, and an address on it or just above it. */
function recipientsFromText(mail: ParsedMail): DsnRecipient[] {
  const lines = (mail.text ?? '').split(/\r?\n/);
  const sender = senderAddress(mail);
  const failedHeader = headerText(mail, 'x-failed-recipients')
    .split(',')
    .map((a) => ADDRESS.exec(a)?.[0]?.toLowerCase())
    .filter((a): a is string => a !== undefined);
  const found = new Map<string, DsnRecipient>();
  lines.forEach((line, index) => {
    const reply = line.length <= MAX_REPLY_LINE_CHARS ? SMTP_REPLY.exec(line) : null;
    if (!reply || reply[1] !== reply[2]![0]) return;
    const address = nearbyAddress(lines, index, sender) ?? (failedHeader.length === 1 ? failedHeader[0] : undefined);
    if (!address || found.has(address)) return;
    const status = reply[2]!;
    const failed = status.startsWith('5.');
    found.set(address, { finalRecipient: address, action: failed ? 'failed' : 'delayed', status, diagnosticCode: clip(line.trim()), hard: failed });
  });
  return [...found.values()];
}

function nearbyAddress(lines: string[], index: number, sender: string): string | undefined {
  // The reply's own line first, then up to three lines above it within the same paragraph.
  for (let i = index; i >= Math.max(0, index - 3); i -= 1) {
    const line = lines[i]!;
    if (i < index && line.trim() === '') return undefined;
    if (line.length > MAX_REPLY_LINE_CHARS) continue;
    for (const match of line.matchAll(new RegExp(ADDRESS.source, 'g'))) {
      const address = match[0].toLowerCase();
      if (address !== sender) return address;
    }
  }
  return undefined;
}
