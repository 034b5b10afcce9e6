/** An email to send. Bodies are already rendered and localised. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable per logical message, so a retried job can be recognised downstream. */
  idempotencyKey: string;
}

/** The email channel port. Adapters: the dev outbox (files) now; SMTP comes with campaigns. */
export interface Mailer {
  readonly name: string;
  send(email: OutgoingEmail, from: string): Promise<{ messageId: string }>;
}
