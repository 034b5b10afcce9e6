import { createHash, createPrivateKey } from 'node:crypto';
import fs from 'node:fs/promises';
import type { ConnectionOptions } from 'node:tls';
import nodemailer, { type NodemailerError } from 'nodemailer';
import { MailSendError } from './errors.ts';
import type { Mailer, OutgoingEmail } from './port.ts';

/**
 * How the connection is protected: `implicit` is TLS from the first byte (smtps, port 465);
 * `starttls` upgrades and refuses a server that cannot; `opportunistic` upgrades when the
 * server offers it; `none` never does (a relay on the same host).
 */
export type SmtpTlsMode = 'implicit' | 'starttls' | 'opportunistic' | 'none';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  auth?: { user: string; pass: string } | undefined;
  /** Connections kept open at once; each sends messages one after another. */
  maxConnections: number;
  /** Messages one connection sends before it is replaced (some providers cap this). */
  maxMessages: number;
  /** `privateKey` is PEM text, never logged; read it with loadDkimKey. */
  dkim?: { domain: string; selector: string; privateKey: string } | undefined;
  /** Passed to tls.connect, e.g. `ca` for a relay with a private certificate authority. */
  tlsOptions?: ConnectionOptions | undefined;
}

// nodemailer's default list plus List-Unsubscribe-Post, which RFC 8058 requires the signature to cover.
const DKIM_SIGNED_HEADERS = [
  'From', 'Sender', 'Reply-To', 'Subject', 'Date', 'Message-ID', 'To', 'Cc', 'MIME-Version', 'Content-Type',
  'Content-Transfer-Encoding', 'Content-ID', 'Content-Description', 'In-Reply-To', 'References',
  'List-Id', 'List-Help', 'List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Subscribe', 'List-Post', 'List-Owner', 'List-Archive',
].join(':');

// Errors without an SMTP reply that sending the same message again cannot fix.
const PERMANENT_WITHOUT_REPLY = new Set(['ECONFIG', 'ENOAUTH', 'EENVELOPE', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS']);

/**
 * The SMTP adapter: a pool of connections to one relay, optional DKIM signing, and a
 * Message-ID derived from the idempotency key, so a message sent again by a retried job
 * carries the same Message-ID and the receiving side can tell it is the same message.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transporter = nodemailer.createTransport({
    pool: true,
    host: options.host,
    port: options.port,
    secure: options.tls === 'implicit',
    requireTLS: options.tls === 'starttls',
    ignoreTLS: options.tls === 'none',
    tls: options.tlsOptions,
    auth: options.auth ? { user: options.auth.user, pass: options.auth.pass } : undefined,
    maxConnections: options.maxConnections,
    maxMessages: options.maxMessages,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // Bodies are rendered by us; nothing in a message may make the worker read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    dkim: options.dkim
      ? { domainName: options.dkim.domain, keySelector: options.dkim.selector, privateKey: options.dkim.privateKey, headerFieldNames: DKIM_SIGNED_HEADERS }
      : undefined,
  });

  return {
    name: 'smtp',
    async send(email: OutgoingEmail, from: string) {
      const messageId = messageIdFor(email.idempotencyKey, options.dkim?.domain ?? domainOf(from));
      const headers: Record<string, string> = { ...email.headers };
      if (email.listUnsubscribe) {
        const targets = [new URL(email.listUnsubscribe.url).href];
        if (email.listUnsubscribe.mailto) targets.push(`mailto:${encodeURI(email.listUnsubscribe.mailto)}`);
        headers['List-Unsubscribe'] = targets.map((t) => `<${t}>`).join(', ');
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        await transporter.sendMail({
          from,
          to: email.to,
          replyTo: email.replyTo,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId,
          headers,
          envelope: email.envelopeFrom ? { from: email.envelopeFrom, to: email.to } : undefined,
        });
      } catch (err) {
        throw classifySmtpError(err);
      }
      return { messageId };
    },
    async close() {
      transporter.close();
    },
  };
}

/** `<hash@domain>`: the same key gives the same Message-ID; the key itself is not revealed. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${hash}@${domain}>`;
}

function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'voxpop.invalid';
}

/** 5xx (but 503, a session out of step) and configuration faults are permanent; 4xx and lost connections are not. */
export function classifySmtpError(err: unknown): MailSendError {
  const e = (err ?? {}) as NodemailerError;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const permanent =
    responseCode !== undefined ? responseCode >= 500 && responseCode < 600 && responseCode !== 503 : PERMANENT_WITHOUT_REPLY.has(e.code ?? '');
  const message = err instanceof Error ? err.message : String(err);
  return new MailSendError(message, permanent, responseCode, e.code, { cause: err });
}

/** Reads and checks a DKIM private key at start-up, so a bad file fails there and not at the first send. */
export async function loadDkimKey(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the DKIM key file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    createPrivateKey(pem);
  } catch {
    // The parser's message is not repeated: it could quote part of the key.
    throw new Error(`the DKIM key file ${file} does not hold a PEM private key`);
  }
  return pem;
}
