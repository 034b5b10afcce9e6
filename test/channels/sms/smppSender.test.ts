import { afterEach, describe, expect, it } from 'vitest';
import { SmsSendError, type SmsDeliveryReceipt } from '../../../src/channels/sms/port.ts';
import { SmppSender, type SmppSenderOptions } from '../../../src/channels/sms/smppSender.ts';
import { TestSmsc, waitFor, type TestSmscOptions } from './testSmsc.ts';

const RUSSIAN_200 = 'Здравствуйте! Оцените, пожалуйста, качество обслуживания в нашем контакт-центре по шкале от 0 до 10. Ваш ответ поможет нам стать лучше. Ссылка на опрос придёт следующим сообщением. Спасибо за ваше время!!'.slice(0, 200);
const LATIN_160 = 'Hello! How likely are you to recommend us to a friend? Answer 0-10 at the link: https://vox.example/s/abc123 - thanks for your time. Reply STOP to opt out..'.padEnd(160, '.');

let smsc: TestSmsc | null = null;
let sender: SmppSender | null = null;

afterEach(async () => {
  await sender?.close();
  await smsc?.close();
  sender = null;
  smsc = null;
});

async function start(smscOptions: TestSmscOptions = {}, senderOptions: Partial<SmppSenderOptions> = {}) {
  smsc = await TestSmsc.start(smscOptions);
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
  return { smsc, sender };
}

const sms = (text: string, key = `key-${Math.random()}`) => ({ to: '+79161234567', from: 'Voxpop', text, idempotencyKey: key });

/** The decoded short_message of a submit_sm as the server side of `smpp` sees it. */
function shortMessage(pdu: Record<string, unknown>) {
  return pdu.short_message as { udh?: Buffer[]; message: string };
}

describe('SmppSender against a real SMPP server on 127.0.0.1', () => {
  it('is refused with a wrong password, permanently, and does not retry the bind', async () => {
    const { smsc, sender } = await start({}, { password: 'wrong' });
    const refusal = await sender.ready().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SmsSendError);
    expect(refusal).toMatchObject({ kind: 'permanent', code: 'bind_refused', status: 0x0e });
    await expect(sender.send(sms('hi'))).rejects.toMatchObject({ code: 'bind_refused' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smsc.binds).toBe(1);
    expect(smsc.submits).toHaveLength(0);
  });

  it('retries a generic bind failure (ESME_RBINDFAIL) with backoff and then sends', async () => {
    const { smsc, sender } = await start({ bindStatus: (n) => (n === 1 ? 0x0d : 0) });
    expect(await sender.send(sms('after a refused bind'))).toMatchObject({ parts: 1 });
    expect(smsc.binds).toBe(2);
  });

  it('sends a 200-character Russian text as 3 UCS-2 parts with a concatenation header', async () => {
    const { smsc, sender } = await start();
    expect(RUSSIAN_200).toHaveLength(200);
    const result = await sender.send(sms(RUSSIAN_200));
    expect(result).toEqual({ parts: 3, messageIds: ['msg-1', 'msg-2', 'msg-3'] });

    expect(smsc.submits).toHaveLength(3);
    const refs = new Set<number>();
    smsc.submits.forEach((pdu, i) => {
      expect(pdu).toMatchObject({ data_coding: 8, esm_class: 0x40, registered_delivery: 1, destination_addr: '79161234567', dest_addr_ton: 1, dest_addr_npi: 1, source_addr: 'Voxpop', source_addr_ton: 5 });
      const { udh } = shortMessage(pdu);
      expect(udh).toHaveLength(1);
      const [iei, length, ref, total, seq] = Array.from(udh![0]!);
      expect([iei, length, total, seq]).toEqual([0x00, 0x03, 3, i + 1]);
      refs.add(ref!);
    });
    expect(refs.size).toBe(1);
    expect(smsc.submits.map((pdu) => shortMessage(pdu).message).join('')).toBe(RUSSIAN_200);
  });

  it('sends a 160-character Latin text as one GSM 7-bit part without a header', async () => {
    const { smsc, sender } = await start();
    expect(LATIN_160).toHaveLength(160);
    expect(await sender.send(sms(LATIN_160))).toEqual({ parts: 1, messageIds: ['msg-1'] });
    expect(smsc.submits).toHaveLength(1);
    expect(smsc.submits[0]).toMatchObject({ data_coding: 0, esm_class: 0 });
    expect(shortMessage(smsc.submits[0]!)).toEqual({ message: LATIN_160 });
  });

  it('never has more than windowSize submit_sm outstanding', async () => {
    const { smsc, sender } = await start({ submitDelayMs: 25 }, { windowSize: 3 });
    const sends = Array.from({ length: 10 }, (_, i) => sender.send(sms(i % 2 ? RUSSIAN_200 : `message ${i}`)));
    const results = await Promise.all(sends);
    expect(results.reduce((n, r) => n + r.parts, 0)).toBe(5 * 3 + 5);
    expect(smsc.submits).toHaveLength(20);
    expect(smsc.maxOutstanding).toBe(3);
  });

  it('passes a delivery receipt to the listener and acknowledges it', async () => {
    const { smsc, sender } = await start();
    const receipts: SmsDeliveryReceipt[] = [];
    sender.onReceipt((receipt) => void receipts.push(receipt));
    const { messageIds } = await sender.send(sms('Your survey link'));

    const withTlvs = await smsc.deliver({
      esm_class: 0x04,
      short_message: `id:${messageIds[0]} sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:DELIVRD err:000 text:Your survey link`,
      receipted_message_id: messageIds[0],
      message_state: 2,
    });
    expect(withTlvs.command_status).toBe(0);

    const textOnly = await smsc.deliver({ esm_class: 0x04, short_message: `id:${messageIds[0]} sub:001 dlvrd:000 submit date:2501011200 done date:2501011205 stat:UNDELIV err:012 text:` });
    expect(textOnly.command_status).toBe(0);

    expect(receipts).toEqual([
      { messageId: 'msg-1', status: 'delivered', at: expect.any(Date) },
      { messageId: 'msg-1', status: 'undeliverable', errorCode: '012', at: expect.any(Date) },
    ]);
  });

  it('asks the SMSC to redeliver a receipt when the listener fails', async () => {
    const { smsc, sender } = await start();
    sender.onReceipt(async () => {
      throw new Error('database down');
    });
    await sender.ready();
    const response = await smsc.deliver({ esm_class: 0x04, short_message: 'id:msg-9 stat:DELIVRD err:000' });
    expect(response.command_status).toBe(0x64); // ESME_RX_T_APPN
  });

  it('classifies ESME_RTHROTTLED as temporary and an invalid destination as permanent', async () => {
    const { sender } = await start({ submitStatus: (pdu) => (pdu.destination_addr === '79990000000' ? 0x0b : 0x58) });
    const throttled = await sender.send(sms('hi')).catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(SmsSendError);
    expect(throttled).toMatchObject({ kind: 'temporary', code: 'throttled', status: 0x58, temporary: true });

    const invalid = await sender.send({ ...sms('hi'), to: '+79990000000' }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ kind: 'permanent', code: 'invalid_destination', status: 0x0b });
  });

  it('reports which parts were accepted when a later part is refused', async () => {
    let n = 0;
    const { sender } = await start({ submitStatus: () => (++n === 2 ? 0x58 : 0) });
    const error = await sender.send(sms(RUSSIAN_200)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'throttled', acceptedMessageIds: ['msg-1'] });
  });

  it('refuses a recipient that is not E.164 without contacting the SMSC', async () => {
    const { smsc, sender } = await start();
    await expect(sender.send({ ...sms('hi'), to: '89161234567' })).rejects.toMatchObject({ kind: 'permanent', code: 'invalid_destination' });
    expect(smsc.submits).toHaveLength(0);
  });

  it('reconnects and binds again after the server drops the connection', async () => {
    const { smsc, sender } = await start({ submitStatus: (pdu) => (shortMessage(pdu).message === 'lost' ? null : 0) });
    await sender.send(sms('before'));
    const lost = sender.send(sms('lost')).catch((error: unknown) => error);
    await waitFor(() => smsc.submits.length === 2);

    smsc.dropAll();
    expect(await lost).toMatchObject({ kind: 'temporary', code: 'connection' });
    await waitFor(() => smsc.binds === 2);
    expect(await sender.send(sms('after'))).toMatchObject({ parts: 1 });
  });

  it('keeps the link alive with enquire_link and rebinds when it goes unanswered', async () => {
    const { smsc, sender } = await start({}, { enquireLinkIntervalMs: 30, responseTimeoutMs: 300 });
    await sender.ready();
    await waitFor(() => smsc.enquireLinks >= 2);
    expect(smsc.binds).toBe(1);

    smsc.answerEnquireLink = false;
    await waitFor(() => smsc.binds === 2);
    smsc.answerEnquireLink = true;
    expect(await sender.send(sms('still here'))).toMatchObject({ parts: 1 });
  });

  it('sends a message once for concurrent and repeated sends with one idempotency key', async () => {
    const { smsc, sender } = await start({ submitDelayMs: 20 });
    const [a, b] = await Promise.all([sender.send(sms('once', 'k1')), sender.send(sms('once', 'k1'))]);
    const c = await sender.send(sms('once', 'k1'));
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(smsc.submits).toHaveLength(1);
  });

  it('unbinds on close', async () => {
    const { smsc, sender } = await start();
    await sender.ready();
    await sender.close();
    await waitFor(() => smsc.sessions.length === 0);
    await expect(sender.send(sms('late'))).rejects.toMatchObject({ code: 'closed' });
  });
});
