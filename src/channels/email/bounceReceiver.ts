import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { parseDsn, type DsnReport } from '../../domain/bounces/dsn.ts';
import { isBounceRecipient, parseVerp } from '../../domain/bounces/verp.ts';

export interface BounceEnvelope {
  /** The SMTP MAIL FROM, '' for the null sender that bounces normally use. */
  mailFrom: string;
  recipients: string[];
  /** Attempt ids read from VERP recipients (`bounces+<uuid>@…`), lower-case, without duplicates. */
  attemptIds: string[];
}

export interface BounceReceiverOptions {
  host: string;
  /** 0 picks a free port; the chosen one is returned. */
  port: number;
  /** The plain bounce address, e.g. `bounces@mail.example.com`; `bounces+tag@…` is accepted too. */
  bounceAddress: string;
  /** Largest message accepted, in bytes (10 MiB by default); larger ones get 552. */
  maxSizeBytes?: number;
  /** Called for every delivery status notification; a throw makes the sender retry later (451). */
  onBounce: (report: DsnReport, envelope: BounceEnvelope) => Promise<void>;
  /** Receives only outcome names and error classes, never addresses or message content. */
  logger?: { warn(fields: Record<string, unknown>, message: string): void };
}

export interface BounceReceiver {
  port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_SIZE_BYTES = 10 * 1024 * 1024;

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * An SMTP server that takes bounces for one address, on an internal interface that the
 * MTA relays to: no authentication, no TLS. A message is answered 250 only after
 * onBounce has finished, so a failure there (451) leaves the bounce with the MTA.
 */
export async function startBounceReceiver(options: BounceReceiverOptions): Promise<BounceReceiver> {
  const maxSizeBytes = options.maxSizeBytes ?? DEFAULT_MAX_SIZE_BYTES;
  // Throws at start-up, not at the first message, when the address is not usable.
  isBounceRecipient(options.bounceAddress, options.bounceAddress);

  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: maxSizeBytes,
    maxRecipients: 100,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (isBounceRecipient(options.bounceAddress, address.address)) callback();
      else callback(smtpError(550, 'No such recipient here'));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is read and dropped, so the session stays in step.
        if (bytes <= maxSizeBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > maxSizeBytes) {
          callback(smtpError(552, 'Message exceeds the maximum size'));
          return;
        }
        handleMessage(Buffer.concat(chunks), session, options).then(() => callback(), (err: Error) => callback(err));
      });
    },
  });
  server.on('error', (err: NodeJS.ErrnoException) => options.logger?.warn({ code: err.code ?? err.name }, 'bounce receiver connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handleMessage(raw: Buffer, session: SMTPServerSession, options: BounceReceiverOptions): Promise<void> {
  let report;
  try {
    report = await parseDsn(raw);
  } catch (err) {
    // The same bytes would fail the same way: refuse them rather than have the MTA retry for days.
    options.logger?.warn({ error: (err as Error).name }, 'bounce message could not be parsed');
    throw smtpError(554, 'Message could not be parsed');
  }
  // Not a delivery report (an auto-reply, a stray message): accepted and dropped, as nothing can act on it.
  if (report.kind !== 'dsn') return;
  const recipients = session.envelope.rcptTo.map((r) => r.address);
  const envelope: BounceEnvelope = {
    mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    recipients,
    attemptIds: [...new Set(recipients.map((r) => parseVerp(options.bounceAddress, r)).filter((id): id is string => id !== null))],
  };
  try {
    await options.onBounce(report, envelope);
  } catch (err) {
    options.logger?.warn({ error: (err as Error).name }, 'bounce handler failed; the sender will retry');
    throw smtpError(451, 'Temporary failure, try again later');
  }
}
