import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CountedMail {
  /** Envelope recipients. */
  to: string[];
  /** The X-Voxpop-Attempt header, or null. */
  attemptId: string | null;
}

export interface CountingSmtpPeer {
  port: number;
  received: CountedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that counts every message received in full
 * (the final "." arrived; a message cut off by a dying client is not counted)
 * and answers each one `delayMs` later, so sending a few hundred takes seconds.
 */
export async function startCountingSmtpPeer(delayMs: number): Promise<CountingSmtpPeer> {
  const received: CountedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const head = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0] ?? '';
        const attempt = /^X-Voxpop-Attempt:\s*([0-9a-f-]{36})\s*$/im.exec(head);
        received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), attemptId: attempt ? attempt[1]! : null });
        setTimeout(() => cb(), delayMs);
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls `condition` every 20 ms until it holds; throws with `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
