import { countParts } from '../../domain/sms/encoding.ts';
import {
  SmsSendError,
  type OutgoingSms,
  type SmsDeliveryStatus,
  type SmsErrorKind,
  type IncomingSms,
  type SmsIncomingListener,
  type SmsReceiptListener,
  type SmsSendResult,
  type SmsSender,
} from './port.ts';

export interface FakeSentSms extends OutgoingSms, SmsSendResult {}

/**
 * The SMS port for unit tests: records every accepted send (duplicates
 * included, so tests can count them), fails the next sends on request and
 * emits receipts for the ids it handed out.
 */
export class FakeSmsSender implements SmsSender {
  readonly name = 'fake';
  readonly sent: FakeSentSms[] = [];
  private readonly failures: SmsErrorKind[] = [];
  private readonly listeners = new Set<SmsReceiptListener>();
  private readonly incomingListeners = new Set<SmsIncomingListener>();
  private nextId = 1;
  closed = false;

  /** The next `count` sends throw an SmsSendError of this kind, then sending works again. */
  failNext(count = 1, kind: SmsErrorKind = 'temporary'): this {
    for (let i = 0; i < count; i++) this.failures.push(kind);
    return this;
  }

  async send(sms: OutgoingSms): Promise<SmsSendResult> {
    if (this.closed) throw new SmsSendError('temporary', 'closed', 'The fake SMS sender is closed.');
    const failure = this.failures.shift();
    if (failure === 'temporary') throw new SmsSendError('temporary', 'throttled', 'Fake temporary failure.');
    if (failure === 'permanent') throw new SmsSendError('permanent', 'rejected', 'Fake permanent failure.');
    const { parts } = countParts(sms.text);
    const messageIds = Array.from({ length: parts }, () => `fake-${this.nextId++}`);
    this.sent.push({ ...sms, messageIds, parts });
    return { messageIds, parts };
  }

  onReceipt(listener: SmsReceiptListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deliver a receipt to every listener, as an SMSC would; rejects when a listener throws. */
  async emitReceipt(messageId: string, status: SmsDeliveryStatus = 'delivered', at = new Date(), errorCode?: string): Promise<void> {
    const receipt = { messageId, status, at, ...(errorCode === undefined ? {} : { errorCode }) };
    await Promise.all([...this.listeners].map(async (listener) => listener(receipt)));
  }

  onIncoming(listener: SmsIncomingListener): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  /** Deliver an incoming SMS to every listener, as a phone replying would; rejects when a listener throws. */
  async emitIncoming(from: string, text: string, to = 'Voxpop', at = new Date()): Promise<void> {
    const sms: IncomingSms = { from, to, text, at };
    await Promise.all([...this.incomingListeners].map(async (listener) => listener(sms)));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
