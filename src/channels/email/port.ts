/** An email to send. Bodies are already rendered and localised. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable per logical message, so a retried job can be recognised downstream. */
  idempotencyKey: string;
  /**
   * Where the recipient unsubscribes (RFC 2369 `List-Unsubscribe`). `url` must accept the
   * one-click POST of RFC 8058; `mailto` is the fallback for clients that only send mail.
   */
  listUnsubscribe?: { url: string; mailto?: string };
  /** SMTP envelope sender (Return-Path), e.g. a VERP bounce address; defaults to the From address. */
  envelopeFrom?: string;
  /** Extra headers (`X-Voxpop-Attempt`), so a bounce that quotes them finds its attempt. */
  headers?: Record<string, string>;
  replyTo?: string;
}

/** The email channel port. Adapters: the dev outbox (files) and SMTP (smtpMailer.ts). */
export interface Mailer {
  readonly name: string;
  /** Throws MailSendError (errors.ts) when the message was not accepted. */
  send(email: OutgoingEmail, from: string): Promise<{ messageId: string }>;
  /** Lets in-flight messages finish and closes connections; called at shutdown. */
  close?(): Promise<void>;
}
