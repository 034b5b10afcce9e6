import fs from 'node:fs/promises';
import path from 'node:path';
import type { OutgoingSms, SmsReceiptListener, SmsSender } from './port.ts';

/**
 * The SMS "channel" of a laptop without an SMSC: each message is written to a
 * file under the outbox, so a campaign can be tried end to end with no provider.
 * No delivery receipts ever come.
 */
export function createOutboxSmsSender(dir: string): SmsSender & { dir: string } {
  return {
    name: 'outbox',
    dir,
    async send(sms: OutgoingSms) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const safeKey = sms.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_');
      await fs.writeFile(path.join(dir, `${safeKey}.txt`), `From: ${sms.from}\nTo: ${sms.to}\n\n${sms.text}\n`, { mode: 0o600 });
      return { messageIds: [safeKey], parts: 1 };
    },
    onReceipt(_listener: SmsReceiptListener) {
      return () => {};
    },
    async close() {},
  };
}
