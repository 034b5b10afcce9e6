import type { AddressInfo } from 'node:net';
import smpp, { type PDU, type Server, type Session } from 'smpp';

export interface TestSmscOptions {
  systemId?: string;
  password?: string;
  /** Delay before answering each submit_sm, to let a window fill up. */
  submitDelayMs?: number;
  /** command_status for the n-th bind (1-based) with good credentials; 0 = accept. */
  bindStatus?: (n: number) => number;
  /** command_status for a submit_sm (0 = accept); return null to never answer it. */
  submitStatus?: (pdu: PDU) => number | null;
}

/**
 * A real SMPP 3.4 peer on 127.0.0.1 acting as the SMSC, built on the server
 * side of the same `smpp` package. It records what it receives and counts how
 * many submit_sm are outstanding at once.
 */
export class TestSmsc {
  readonly submits: PDU[] = [];
  binds = 0;
  enquireLinks = 0;
  outstanding = 0;
  maxOutstanding = 0;
  answerEnquireLink = true;
  /**
   * Called with the message id of an accepted submit_sm before its response
   * goes out; the response waits for it. Lets a test make a receipt arrive
   * while the sender is still waiting (the fastest SMSC possible).
   */
  beforeSubmitResponse: ((messageId: string) => Promise<void>) | null = null;
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: TestSmscOptions,
  ) {}

  static async start(options: TestSmscOptions = {}): Promise<TestSmsc> {
    let smsc: TestSmsc | null = null;
    const server = smpp.createServer((session) => smsc!.attach(session));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smsc = new TestSmsc(server, (server.address() as AddressInfo).port, options);
    return smsc;
  }

  get sessions(): Session[] {
    return this.server.sessions;
  }

  /** Send a deliver_sm to the (first) bound client and resolve with its deliver_sm_resp. */
  deliver(params: Record<string, unknown>): Promise<PDU> {
    const session = this.sessions[0];
    if (!session) throw new Error('no client is connected');
    return new Promise((resolve) => session.deliver_sm({ source_addr: '79161234567', destination_addr: 'Voxpop', ...params }, resolve));
  }

  /**
   * Send a mobile-originated SMS (what a phone sent to our number) and resolve
   * with its deliver_sm_resp. GSM text goes as data_coding 0 for the library
   * to encode, UCS-2 as raw big-endian octets with data_coding 8.
   */
  deliverMo(text: string, options: MoOptions = {}): Promise<PDU> {
    const coding = options.coding ?? 'gsm7';
    const shortMessage = coding === 'ucs2' ? ucs2(text) : coding === 'latin1' ? Buffer.from(text, 'latin1') : { message: text };
    return this.deliver({ ...moAddresses(options), esm_class: 0, data_coding: DATA_CODING[coding], short_message: shortMessage });
  }

  /**
   * Send the parts of one concatenated UCS-2 MO message, each with a UDH
   * (IEI 0x00, 8-bit reference; or 0x08, 16-bit), in `order` (1-based part
   * numbers, default 1…n; a number may repeat to resend a part). Resolves
   * with the deliver_sm_resp of each one sent, in sending order.
   */
  async deliverMoParts(parts: string[], options: MoOptions & { reference?: number; iei?: 0x00 | 0x08; order?: number[] } = {}): Promise<PDU[]> {
    const reference = options.reference ?? 0x2a;
    const order = options.order ?? parts.map((_, i) => i + 1);
    const responses: PDU[] = [];
    for (const seq of order) {
      const udh =
        options.iei === 0x08
          ? Buffer.from([0x06, 0x08, 0x04, reference >> 8, reference & 0xff, parts.length, seq])
          : Buffer.from([0x05, 0x00, 0x03, reference & 0xff, parts.length, seq]);
      responses.push(
        await this.deliver({ ...moAddresses(options), esm_class: 0x40, data_coding: 0x08, short_message: Buffer.concat([udh, ucs2(parts[seq - 1]!)]) }),
      );
    }
    return responses;
  }

  /** Drop every client connection, as an SMSC restart would. */
  dropAll(): void {
    for (const session of [...this.sessions]) session.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private attach(session: Session): void {
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: PDU) => {
      this.binds++;
      const ok = pdu.system_id === (this.options.systemId ?? 'voxpop') && pdu.password === (this.options.password ?? 'secret');
      const status = ok ? (this.options.bindStatus?.(this.binds) ?? 0) : smpp.errors.ESME_RINVPASWD;
      session.send(pdu.response(status ? { command_status: status } : {}));
    });
    session.on('enquire_link', (pdu: PDU) => {
      this.enquireLinks++;
      if (this.answerEnquireLink) session.send(pdu.response());
    });
    session.on('unbind', (pdu: PDU) => session.send(pdu.response()));
    session.on('submit_sm', (pdu: PDU) => {
      this.submits.push(pdu);
      this.outstanding++;
      this.maxOutstanding = Math.max(this.maxOutstanding, this.outstanding);
      const status = this.options.submitStatus ? this.options.submitStatus(pdu) : 0;
      if (status === null) return;
      setTimeout(() => {
        const messageId = status === 0 ? `msg-${this.nextId++}` : '';
        const hook = status === 0 && this.beforeSubmitResponse ? this.beforeSubmitResponse(messageId) : Promise.resolve();
        void hook.finally(() => {
          this.outstanding--;
          session.send(pdu.response(status === 0 ? { message_id: messageId } : { command_status: status }));
        });
      }, this.options.submitDelayMs ?? 0);
    });
  }
}

export interface MoOptions {
  /** The phone, international digits without "+" (sent with TON 1). */
  from?: string;
  /** Our short code (sent with TON 0). */
  to?: string;
  coding?: 'gsm7' | 'ucs2' | 'latin1';
}

const DATA_CODING = { gsm7: 0x00, latin1: 0x03, ucs2: 0x08 };

function moAddresses(options: MoOptions): Record<string, unknown> {
  return { source_addr_ton: 1, source_addr_npi: 1, source_addr: options.from ?? '79161234567', dest_addr_ton: 0, dest_addr_npi: 1, destination_addr: options.to ?? '4444' };
}

function ucs2(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

export async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
