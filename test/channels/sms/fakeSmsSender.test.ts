import { describe, expect, it } from 'vitest';
import { FakeSmsSender } from '../../../src/channels/sms/fakeSmsSender.ts';
import type { IncomingSms, SmsDeliveryReceipt } from '../../../src/channels/sms/port.ts';

const sms = (text: string) => ({ to: '+79161234567', from: 'Voxpop', text, idempotencyKey: 'k' });

describe('FakeSmsSender', () => {
  it('records sends, fails on request and emits receipts', async () => {
    const sender = new FakeSmsSender().failNext(1, 'temporary').failNext(1, 'permanent');
    await expect(sender.send(sms('a'))).rejects.toMatchObject({ kind: 'temporary' });
    await expect(sender.send(sms('a'))).rejects.toMatchObject({ kind: 'permanent' });

    const result = await sender.send(sms('Я'.repeat(71)));
    expect(result.parts).toBe(2);
    expect(result.messageIds).toHaveLength(2);
    expect(sender.sent).toHaveLength(1);

    const receipts: SmsDeliveryReceipt[] = [];
    const stop = sender.onReceipt((r) => void receipts.push(r));
    await sender.emitReceipt(result.messageIds[0]!);
    stop();
    await sender.emitReceipt(result.messageIds[1]!);
    expect(receipts).toMatchObject([{ messageId: result.messageIds[0], status: 'delivered' }]);
  });

  it('emits incoming SMS to listeners until they unsubscribe, and rejects when one throws', async () => {
    const sender = new FakeSmsSender();
    const received: IncomingSms[] = [];
    const stop = sender.onIncoming((incoming) => void received.push(incoming));
    await sender.emitIncoming('+79161234567', 'СТОП');
    stop();
    await sender.emitIncoming('+79161234567', 'ignored');
    expect(received).toEqual([{ from: '+79161234567', to: 'Voxpop', text: 'СТОП', at: expect.any(Date) }]);

    sender.onIncoming(() => {
      throw new Error('database down');
    });
    await expect(sender.emitIncoming('+79161234567', 'STOP')).rejects.toThrow('database down');
  });
});
