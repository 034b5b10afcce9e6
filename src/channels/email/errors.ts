/**
 * A message the mail server did not accept. `permanent` says whether sending the same
 * message again can succeed: a 5xx reply (unknown mailbox, refused content, wrong
 * credentials) will come back the same, so the job should record a failure instead of
 * retrying; a 4xx reply or a lost connection may pass later, so the job should throw and
 * let the queue retry it.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';

  constructor(
    message: string,
    readonly permanent: boolean,
    /** SMTP reply code when the server answered (e.g. 550, 451), undefined for connection failures. */
    readonly responseCode: number | undefined,
    /** The transport's error code (EAUTH, EENVELOPE, ECONNECTION, ETIMEDOUT …). */
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
