import smpp, { type PDU } from 'smpp';
import { DomainError } from '../../domain/errors.ts';
import { splitSms } from '../../domain/sms/encoding.ts';
import {
  SmsSendError,
  type IncomingSms,
  type OutgoingSms,
  type SmsIncomingListener,
  type SmsReceiptListener,
  type SmsSendResult,
  type SmsSender,
} from './port.ts';
import { SmppConnection } from './smppConnection.ts';
import { IncomingAssembler, incomingPart, isMobileOriginated } from './smppIncoming.ts';
import { isDeliveryReceipt, parseReceipt } from './smppReceipt.ts';
import { SMPP_STATUS, bindError, submitError } from './smppStatus.ts';
import { Window } from './window.ts';

export interface SmppSenderOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Most submit_sm awaiting their response at once (the window agreed with the SMSC). */
  windowSize?: number;
  /** How often to send enquire_link while bound; an unanswered one drops the connection. */
  enquireLinkIntervalMs?: number;
  /** How long to wait for any response PDU (bind, submit, enquire_link). */
  responseTimeoutMs?: number;
  /** How long a send waits for a bound session before failing as temporary. */
  bindWaitMs?: number;
  /** Reconnect delays: doubled per failed attempt from initial up to max, with jitter. */
  reconnectInitialDelayMs?: number;
  reconnectMaxDelayMs?: number;
  /** Ask the SMSC for a final delivery receipt per part. */
  registeredDelivery?: boolean;
  /** How long the parts of a concatenated incoming SMS wait for the rest before the text is passed on as partial. */
  incomingPartTimeoutMs?: number;
  /** Concatenated incoming SMS waiting for parts at once (memory bound). */
  incomingMaxPending?: number;
  now?: () => Date;
  /** Connection life-cycle, for logs and tests. */
  onEvent?: (event: SmppSenderEvent) => void;
}

export type SmppSenderEvent =
  | { type: 'bound' }
  | { type: 'disconnected'; reconnectInMs: number | null }
  | { type: 'bind_refused'; error: SmsSendError }
  /** Some parts of a concatenated incoming SMS never came; the rest went to the listeners (`failed`: and they threw). */
  | { type: 'incoming_partial'; sms: IncomingSms; failed: boolean };

const DEFAULTS = {
  windowSize: 10,
  enquireLinkIntervalMs: 30_000,
  responseTimeoutMs: 10_000,
  bindWaitMs: 30_000,
  reconnectInitialDelayMs: 1_000,
  reconnectMaxDelayMs: 60_000,
  registeredDelivery: true,
  incomingPartTimeoutMs: 60_000,
  incomingMaxPending: 1_000,
};

const E164 = /^\+[1-9]\d{6,14}$/;
const ESM_CLASS_UDHI = 0x40;
const TON = { unknown: 0, international: 1, alphanumeric: 5 };
const NPI = { unknown: 0, isdn: 1 };
/** Successful results remembered per idempotency key, so a repeated send returns them. */
const REMEMBERED_RESULTS = 10_000;

interface BoundWaiter {
  resolve: (connection: SmppConnection) => void;
  reject: (error: SmsSendError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The SMS port over SMPP 3.4: one bind_transceiver session that submits and
 * receives delivery receipts, kept alive with enquire_link and re-established
 * with backoff when it drops.
 */
export class SmppSender implements SmsSender {
  readonly name = 'smpp';
  private readonly options: Required<Omit<SmppSenderOptions, 'systemType' | 'onEvent'>> & SmppSenderOptions;
  private readonly window: Window;
  private readonly listeners = new Set<SmsReceiptListener>();
  private readonly incomingListeners = new Set<SmsIncomingListener>();
  private readonly incoming: IncomingAssembler;
  private readonly boundWaiters = new Set<BoundWaiter>();
  private readonly inflight = new Map<string, Promise<SmsSendResult>>();
  private readonly results = new Map<string, SmsSendResult>();
  private connection: SmppConnection | null = null;
  private bound: SmppConnection | null = null;
  private fatal: SmsSendError | null = null;
  private closed = false;
  private failedAttempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private enquireTimer: ReturnType<typeof setInterval> | null = null;
  private reference = Math.floor(Math.random() * 256);

  constructor(options: SmppSenderOptions) {
    this.options = { ...DEFAULTS, now: () => new Date(), ...options };
    this.window = new Window(this.options.windowSize);
    this.incoming = new IncomingAssembler({
      partTimeoutMs: this.options.incomingPartTimeoutMs,
      maxPending: this.options.incomingMaxPending,
      now: this.options.now,
      deliver: async (sms) => {
        await Promise.all([...this.incomingListeners].map(async (listener) => listener(sms)));
      },
      onPartial: (sms, failed) => this.options.onEvent?.({ type: 'incoming_partial', sms, failed }),
    });
    this.connect();
  }

  /** Resolves once bound; rejects when the SMSC refuses the credentials. */
  async ready(): Promise<void> {
    await this.waitBound();
  }

  onReceipt(listener: SmsReceiptListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onIncoming(listener: SmsIncomingListener): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  send(sms: OutgoingSms): Promise<SmsSendResult> {
    const done = this.results.get(sms.idempotencyKey);
    if (done) return Promise.resolve(done);
    const running = this.inflight.get(sms.idempotencyKey);
    if (running) return running;
    const attempt = this.submitMessage(sms).then(
      (result) => {
        this.inflight.delete(sms.idempotencyKey);
        this.remember(sms.idempotencyKey, result);
        return result;
      },
      (error: unknown) => {
        this.inflight.delete(sms.idempotencyKey);
        throw error;
      },
    );
    this.inflight.set(sms.idempotencyKey, attempt);
    return attempt;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.stopEnquireLink();
    this.incoming.close();
    this.rejectWaiters(new SmsSendError('temporary', 'closed', 'The SMS sender is closed.'));
    await Promise.allSettled([...this.inflight.values()]);
    const connection = this.connection;
    if (!connection || connection.isClosed) return;
    const gone = new Promise<void>((resolve) => connection.session.once('close', () => resolve()));
    if (this.bound === connection) {
      await connection.request('unbind').catch(() => undefined);
      connection.session.close();
    } else {
      connection.destroy();
    }
    await gone;
  }

  private async submitMessage(sms: OutgoingSms): Promise<SmsSendResult> {
    if (this.closed) throw new SmsSendError('temporary', 'closed', 'The SMS sender is closed.');
    if (!E164.test(sms.to)) throw new SmsSendError('permanent', 'invalid_destination', 'The recipient is not an E.164 number.');
    const source = sourceAddress(sms.from);
    if (sms.text.length === 0) throw new SmsSendError('permanent', 'invalid_message', 'The message is empty.');
    const plan = planOrThrow(sms.text, this.nextReference());

    const messageIds: string[] = [];
    // Parts go one after another so a refusal stops the rest; other messages fill the window meanwhile.
    for (const segment of plan.segments) {
      const body = segment.udh ? Buffer.concat([segment.udh, segment.payload]) : Buffer.from(segment.payload);
      const response = await this.window.run(async () => {
        const connection = await this.waitBound();
        return connection.request('submit_sm', {
          source_addr_ton: source.ton,
          source_addr_npi: source.npi,
          source_addr: source.address,
          dest_addr_ton: TON.international,
          dest_addr_npi: NPI.isdn,
          destination_addr: sms.to.slice(1),
          esm_class: segment.udh ? ESM_CLASS_UDHI : 0,
          registered_delivery: this.options.registeredDelivery ? 0x01 : 0x00,
          data_coding: plan.dataCoding,
          short_message: body,
        });
      }).catch((error: unknown) => {
        throw error instanceof SmsSendError
          ? new SmsSendError(error.kind, error.code, error.message, error.status, [...messageIds])
          : error;
      });
      if (response.command_status !== SMPP_STATUS.ESME_ROK) throw submitError(response.command_status, messageIds);
      messageIds.push(String(response.message_id ?? ''));
    }
    return { messageIds, parts: plan.segments.length };
  }

  private nextReference(): number {
    this.reference = (this.reference + 1) & 0xff;
    return this.reference;
  }

  private remember(key: string, result: SmsSendResult): void {
    this.results.set(key, result);
    if (this.results.size > REMEMBERED_RESULTS) this.results.delete(this.results.keys().next().value!);
  }

  private waitBound(): Promise<SmppConnection> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new SmsSendError('temporary', 'closed', 'The SMS sender is closed.'));
    if (this.bound) return Promise.resolve(this.bound);
    return new Promise((resolve, reject) => {
      const waiter: BoundWaiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.boundWaiters.delete(waiter);
          reject(new SmsSendError('temporary', 'connection', `Not bound to the SMSC within ${this.options.bindWaitMs} ms.`));
        }, this.options.bindWaitMs),
      };
      this.boundWaiters.add(waiter);
    });
  }

  private rejectWaiters(error: SmsSendError): void {
    for (const waiter of this.boundWaiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.boundWaiters.clear();
  }

  private connect(): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    const session = smpp.connect({ host: this.options.host, port: this.options.port });
    const connection = new SmppConnection(session, this.options.responseTimeoutMs);
    this.connection = connection;
    // TCP itself has no connect timeout worth waiting for.
    const connectTimer = setTimeout(() => connection.destroy(), this.options.responseTimeoutMs);

    session.on('connect', () => {
      clearTimeout(connectTimer);
      // Pipelined small PDUs must not wait for ACKs (Nagle), or the window never fills.
      session.socket.setNoDelay(true);
      void this.bind(connection);
    });
    // 'close' always follows and does the clean-up; without a listener 'error' would throw.
    session.on('error', () => undefined);
    session.on('close', () => {
      clearTimeout(connectTimer);
      this.onClosed(connection);
    });
    session.on('deliver_sm', (pdu: PDU) => void this.onDeliver(connection, pdu));
    session.on('enquire_link', (pdu: PDU) => connection.respond(pdu));
    session.on('unbind', (pdu: PDU) => {
      connection.respond(pdu);
      session.close();
    });
    session.on('unknown', (pdu: PDU) => connection.respond(pdu));
  }

  private async bind(connection: SmppConnection): Promise<void> {
    try {
      const response = await connection.request('bind_transceiver', {
        system_id: this.options.systemId,
        password: this.options.password,
        system_type: this.options.systemType ?? '',
        interface_version: 0x34,
      });
      if (response.command_status !== SMPP_STATUS.ESME_ROK) {
        const error = bindError(response.command_status);
        this.options.onEvent?.({ type: 'bind_refused', error });
        if (error.kind === 'permanent') {
          this.fatal = error;
          this.rejectWaiters(error);
        }
        connection.destroy();
        return;
      }
    } catch {
      connection.destroy();
      return;
    }
    if (this.closed || connection.isClosed) return;
    this.bound = connection;
    this.failedAttempts = 0;
    this.startEnquireLink(connection);
    this.options.onEvent?.({ type: 'bound' });
    for (const waiter of this.boundWaiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(connection);
    }
    this.boundWaiters.clear();
  }

  private onClosed(connection: SmppConnection): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.bound = null;
    this.stopEnquireLink();
    if (this.closed || this.fatal) {
      this.options.onEvent?.({ type: 'disconnected', reconnectInMs: null });
      return;
    }
    const { reconnectInitialDelayMs, reconnectMaxDelayMs } = this.options;
    const ceiling = Math.min(reconnectMaxDelayMs, reconnectInitialDelayMs * 2 ** this.failedAttempts);
    // Jitter keeps many workers from reconnecting in lock-step after an SMSC restart.
    const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.failedAttempts++;
    this.options.onEvent?.({ type: 'disconnected', reconnectInMs: delayMs });
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs);
  }

  private startEnquireLink(connection: SmppConnection): void {
    let waiting = false;
    this.enquireTimer = setInterval(() => {
      if (waiting) return;
      waiting = true;
      connection.request('enquire_link').then(
        () => (waiting = false),
        // No answer means a dead link: drop it and let reconnect take over.
        () => connection.destroy(),
      );
    }, this.options.enquireLinkIntervalMs);
  }

  private stopEnquireLink(): void {
    if (this.enquireTimer) clearInterval(this.enquireTimer);
    this.enquireTimer = null;
  }

  /**
   * Receipts and incoming SMS are acknowledged after the listeners settle; a
   * failing listener asks the SMSC to retry. (A part of a concatenated SMS
   * that does not complete it is acknowledged once it is held in memory.)
   */
  private async onDeliver(connection: SmppConnection, pdu: PDU): Promise<void> {
    let status: number = SMPP_STATUS.ESME_ROK;
    try {
      if (isDeliveryReceipt(Number(pdu.esm_class ?? 0))) {
        const parsed = parseReceipt({
          text: messageText(pdu.short_message) || messageText(pdu.message_payload),
          receiptedMessageId: typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : undefined,
          messageState: typeof pdu.message_state === 'number' ? pdu.message_state : undefined,
          networkErrorCode: Buffer.isBuffer(pdu.network_error_code) ? pdu.network_error_code : undefined,
        });
        if (parsed) {
          const receipt = { ...parsed, at: this.options.now() };
          await Promise.all([...this.listeners].map(async (listener) => listener(receipt)));
        }
      } else if (isMobileOriginated(Number(pdu.esm_class ?? 0))) {
        await this.incoming.accept(incomingPart(pdu));
      }
      // SME acknowledgements and intermediate notifications are acknowledged and dropped.
    } catch {
      status = SMPP_STATUS.ESME_RX_T_APPN;
    }
    connection.respond(pdu, { command_status: status });
  }
}

export function createSmppSender(options: SmppSenderOptions): SmppSender {
  return new SmppSender(options);
}

/** Alphanumeric sender ids (TON 5), international numbers (TON 1) or short codes. */
function sourceAddress(from: string): { ton: number; npi: number; address: string } {
  if (/^\+[1-9]\d{6,14}$/.test(from)) return { ton: TON.international, npi: NPI.isdn, address: from.slice(1) };
  if (/^\d{1,15}$/.test(from)) return { ton: TON.unknown, npi: NPI.isdn, address: from };
  if (/^[A-Za-z0-9 .\-_&]{1,11}$/.test(from)) return { ton: TON.alphanumeric, npi: NPI.unknown, address: from };
  throw new SmsSendError('permanent', 'invalid_sender', 'The sender id must be a number or up to 11 Latin letters and digits.');
}

function planOrThrow(text: string, reference: number) {
  try {
    return splitSms(text, reference);
  } catch (error) {
    if (error instanceof DomainError) throw new SmsSendError('permanent', 'invalid_message', error.message);
    throw error;
  }
}

/** The text of short_message or message_payload as the library decodes it (an object, a string or raw octets). */
function messageText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (typeof value === 'object' && 'message' in value) return messageText((value as { message: unknown }).message);
  return undefined;
}
