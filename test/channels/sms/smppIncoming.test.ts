import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingSms } from '../../../src/channels/sms/port.ts';
import { SmppSender, type SmppSenderEvent, type SmppSenderOptions } from '../../../src/channels/sms/smppSender.ts';
import { isOptOutReply } from '../../../src/domain/sms/optOut.ts';
import { TestSmsc, waitFor } from './testSmsc.ts';

const ESME_RX_T_APPN = 0x64;

let smsc: TestSmsc | null = null;
let sender: SmppSender | null = null;

afterEach(async () => {
  await sender?.close();
  await smsc?.close();
  sender = null;
  smsc = null;
});

async function start(senderOptions: Partial<SmppSenderOptions> = {}) {
  smsc = await TestSmsc.start();
  sender = new SmppSender({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'voxpop',
    password: 'secret',
    responseTimeoutMs: 1_000,
    bindWaitMs: 2_000,
    reconnectInitialDelayMs: 20,
    reconnectMaxDelayMs: 100,
    ...senderOptions,
  });
  const received: IncomingSms[] = [];
  sender.onIncoming((sms) => void received.push(sms));
  await sender.ready();
  return { smsc, sender, received };
}

describe('SmppSender receiving mobile-originated SMS from a real SMPP server on 127.0.0.1', () => {
  it('passes a single GSM 7-bit message on with the sender in E.164, and acknowledges it', async () => {
    const { smsc, received } = await start();
    const response = await smsc.deliverMo('STOP', { from: '79161234567', to: '4444' });
    expect(response.command_status).toBe(0);
    expect(received).toEqual([{ from: '+79161234567', to: '4444', text: 'STOP', at: expect.any(Date) }]);
    expect(isOptOutReply(received[0]!.text)).toBe(true);
  });

  it('decodes GSM characters outside ASCII and the extension table', async () => {
    const { smsc, received } = await start();
    await smsc.deliverMo('Ça va? 5€ {ok} @home_ñ [x]');
    expect(received[0]!.text).toBe('Ça va? 5€ {ok} @home_ñ [x]');
  });

  it('decodes UCS-2 Cyrillic', async () => {
    const { smsc, received } = await start();
    const response = await smsc.deliverMo('СТОП', { coding: 'ucs2' });
    expect(response.command_status).toBe(0);
    expect(received).toEqual([{ from: '+79161234567', to: '4444', text: 'СТОП', at: expect.any(Date) }]);
    expect(isOptOutReply(received[0]!.text)).toBe(true);
  });

  it('decodes Latin-1 (data_coding 3)', async () => {
    const { smsc, received } = await start();
    await smsc.deliverMo('Stop, merci beaucoup à vous', { coding: 'latin1' });
    expect(received[0]!.text).toBe('Stop, merci beaucoup à vous');
  });

  it('joins a 2-part UCS-2 concatenated message and passes it on once', async () => {
    const { smsc, received } = await start();
    const parts = ['СТОП, пожалуйста, больше не присылайте мне опросы, я уже отвечал ', 'на все ваши вопросы вчера вечером. Спасибо!'];
    const responses = await smsc.deliverMoParts(parts, { reference: 0x17 });
    expect(responses.map((r) => r.command_status)).toEqual([0, 0]);
    expect(received).toEqual([{ from: '+79161234567', to: '4444', text: parts.join(''), at: expect.any(Date) }]);
    expect(isOptOutReply(received[0]!.text)).toBe(true);
  });

  it('joins parts that arrive out of order, with a 16-bit reference, and keeps messages with different references apart', async () => {
    const { smsc, received } = await start();
    await smsc.deliverMoParts(['первая ', 'вторая ', 'третья'], { iei: 0x08, reference: 0x1234, order: [3, 1] });
    await smsc.deliverMoParts(['other ', 'message'], { reference: 0x34 });
    expect(received.map((sms) => sms.text)).toEqual(['other message']);
    await smsc.deliverMoParts(['первая ', 'вторая ', 'третья'], { iei: 0x08, reference: 0x1234, order: [2] });
    expect(received.map((sms) => sms.text)).toEqual(['other message', 'первая вторая третья']);
  });

  it('acknowledges a part only once held, and the completing part only after the listeners settle', async () => {
    const { smsc, sender } = await start();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    sender.onIncoming(async () => {
      calls++;
      await slow;
    });
    const [first] = await smsc.deliverMoParts(['a', 'b'], { order: [1] });
    expect(first!.command_status).toBe(0);
    let answered = false;
    const last = smsc.deliverMoParts(['a', 'b'], { order: [2] }).then((responses) => {
      answered = true;
      return responses;
    });
    await waitFor(() => calls === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    expect((await last)[0]!.command_status).toBe(0);
  });

  it('answers ESME_RX_T_APPN when a listener throws, as for receipts, and passes the message on when the SMSC redelivers it', async () => {
    const { smsc, sender, received } = await start();
    let failures = 1;
    sender.onIncoming(() => {
      if (failures-- > 0) throw new Error('database down');
    });
    expect((await smsc.deliverMo('STOP')).command_status).toBe(ESME_RX_T_APPN);
    expect((await smsc.deliverMo('STOP')).command_status).toBe(0);
    // The listener that worked saw both attempts: handlers must be idempotent, as with receipts.
    expect(received.map((sms) => sms.text)).toEqual(['STOP', 'STOP']);
  });

  it('keeps the earlier parts when the listener of a concatenated message fails, so the redelivered last part completes it', async () => {
    const { smsc, sender, received } = await start();
    let failures = 1;
    sender.onIncoming(() => {
      if (failures-- > 0) throw new Error('database down');
    });
    const parts = ['СТОП ', 'хватит'];
    const first = await smsc.deliverMoParts(parts);
    expect(first.map((r) => r.command_status)).toEqual([0, ESME_RX_T_APPN]);
    const redelivered = await smsc.deliverMoParts(parts, { order: [2] });
    expect(redelivered[0]!.command_status).toBe(0);
    expect(received.map((sms) => sms.text)).toEqual(['СТОП хватит', 'СТОП хватит']);
  });

  it('passes on what arrived, marked partial, when the other parts never come', async () => {
    const events: SmppSenderEvent[] = [];
    const { smsc, received } = await start({ incomingPartTimeoutMs: 80, onEvent: (event) => events.push(event) });
    await smsc.deliverMoParts(['СТОП, ', 'пропало ', 'конец'], { order: [1, 3] });
    expect(received).toEqual([]);
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual({ from: '+79161234567', to: '4444', text: 'СТОП, конец', at: expect.any(Date), partial: true });
    expect(isOptOutReply(received[0]!.text)).toBe(true);
    expect(events).toContainEqual({ type: 'incoming_partial', sms: received[0], failed: false });
  });

  it('still treats esm_class 0x04 as a delivery receipt, not as an incoming SMS', async () => {
    const { smsc, sender, received } = await start();
    const receipts: unknown[] = [];
    sender.onReceipt((receipt) => void receipts.push(receipt));
    await smsc.deliver({ esm_class: 0x04, short_message: 'id:msg-1 stat:DELIVRD err:000' });
    expect(receipts).toHaveLength(1);
    expect(received).toEqual([]);
  });

  it('acknowledges an intermediate notification (esm_class 0x20) without taking it for an incoming SMS', async () => {
    const { smsc, received } = await start();
    const response = await smsc.deliver({ esm_class: 0x20, short_message: 'id:msg-1 stat:ENROUTE' });
    expect(response.command_status).toBe(0);
    expect(received).toEqual([]);
  });
});
