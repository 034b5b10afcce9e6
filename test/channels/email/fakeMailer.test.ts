import { describe, expect, it } from 'vitest';
import { MailSendError } from '../../../src/channels/email/errors.ts';
import { FakeMailer } from '../../../src/channels/email/fakeMailer.ts';

const email = { to: 'anna@example.com', subject: 'Оцените нас', text: '0–10', idempotencyKey: 'k' };

describe('FakeMailer', () => {
  it('records emails and fails the next sends on request', async () => {
    const mailer = new FakeMailer().failNext(2, 'temporary').failNext(1, 'permanent');
    for (const permanent of [false, false, true]) {
      const error = await mailer.send(email, 'survey@voxpop.test').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailSendError);
      expect((error as MailSendError).permanent).toBe(permanent);
    }
    const { messageId } = await mailer.send(email, 'survey@voxpop.test');
    expect(mailer.sent).toEqual([{ email, from: 'survey@voxpop.test', messageId }]);
  });
});
