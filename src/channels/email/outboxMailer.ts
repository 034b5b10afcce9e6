import fs from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, OutgoingEmail } from './port.ts';

/**
 * Development transport: writes each email as an .eml file under
 * `<data>/outbox` instead of sending it. Links in the mail (password reset)
 * are secrets, so they go to a file only the operator can read, never to the log.
 * Idempotent: the file name is the idempotency key, so a retried job rewrites the same file.
 */
export function createOutboxMailer(dir: string): Mailer & { dir: string } {
  return {
    name: 'outbox',
    dir,
    async send(email: OutgoingEmail, from: string) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const safeKey = email.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_');
      const file = path.join(dir, `${safeKey}.eml`);
      const headers = [
        `From: ${from}`,
        `To: ${email.to}`,
        `Subject: =?UTF-8?B?${Buffer.from(email.subject).toString('base64')}?=`,
        `Message-ID: <${safeKey}@voxpop.local>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
      ];
      await fs.writeFile(file, `${headers.join('\r\n')}\r\n\r\n${email.text}\r\n`, { mode: 0o600 });
      return { messageId: safeKey };
    },
  };
}
