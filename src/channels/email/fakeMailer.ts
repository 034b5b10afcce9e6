import { MailSendError } from './errors.ts';
import type { Mailer, OutgoingEmail } from './port.ts';

export interface FakeSentEmail {
  email: OutgoingEmail;
  from: string;
  messageId: string;
}

/**
 * The email port for unit tests: records every accepted message (duplicates
 * included) and fails the next sends on request, the way SMTP would (451 / 550).
 */
export class FakeMailer implements Mailer {
  readonly name = 'fake';
  readonly sent: FakeSentEmail[] = [];
  private readonly failures: Array<'temporary' | 'permanent'> = [];
  private nextId = 1;
  closed = false;

  /** The next `count` sends throw a MailSendError of this kind, then sending works again. */
  failNext(count = 1, kind: 'temporary' | 'permanent' = 'temporary'): this {
    for (let i = 0; i < count; i++) this.failures.push(kind);
    return this;
  }

  async send(email: OutgoingEmail, from: string): Promise<{ messageId: string }> {
    if (this.closed) throw new MailSendError('The fake mailer is closed.', false, undefined, 'ECONNECTION');
    const failure = this.failures.shift();
    if (failure === 'temporary') throw new MailSendError('Fake temporary failure.', false, 451, 'EMESSAGE');
    if (failure === 'permanent') throw new MailSendError('Fake permanent failure.', true, 550, 'EENVELOPE');
    const messageId = `<fake-${this.nextId++}@voxpop.test>`;
    this.sent.push({ email, from, messageId });
    return { messageId };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
