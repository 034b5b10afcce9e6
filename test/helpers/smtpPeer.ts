import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  user: string | undefined;
  secure: boolean;
}

export interface SmtpPeer {
  port: number;
  received: ReceivedMail[];
  /** Connections opened so far, and the most open at the same moment. */
  connections: { total: number; peak: number };
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps and parses what it receives. Recipients
 * steer its replies: `tempfail…@` gets 451 (try later), `reject…@` gets 550 (no such user).
 */
export async function startSmtpPeer(opts: { users?: Record<string, string>; starttls?: boolean } = {}): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const connections = { total: 0, peak: 0 };
  let open = 0;
  const waiters = new Set<() => void>();
  const disabled = [...(opts.users ? [] : ['AUTH']), ...(opts.starttls ? [] : ['STARTTLS'])];

  const server = new SMTPServer({
    logger: false,
    disabledCommands: disabled,
    authOptional: !opts.users,
    allowInsecureAuth: true,
    onConnect(_session, cb) {
      connections.total += 1;
      open += 1;
      connections.peak = Math.max(connections.peak, open);
      cb();
    },
    onClose() {
      open -= 1;
    },
    onAuth(auth, _session, cb) {
      if (opts.users?.[auth.username ?? ''] === auth.password) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('tempfail')) cb(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      else if (address.address.startsWith('reject')) cb(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            received.push({ raw, parsed, user: session.user as string | undefined, secure: session.secure });
            for (const w of waiters) w();
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    received,
    connections,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`received ${received.length} of ${count} messages`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
